//! The page's `<template>`: a clone per entry, whose `data-field` elements get the entry's text, `href` or `src`.
//!
//! The template is the page's own markup, so its elements are read and changed only through the
//! prototype accessors (`prototypes.rs`), as summaries are: a `<form data-field>` cannot shadow them.
//! Feed text goes only where it stays text: a field whose content the browser would read as code
//! (`<script data-field="title">`), as markup, or not as plain text at all is left empty, and each filled
//! text field is its own bidi isolate, so a title full of U+202E cannot reorder what the page shows next to it.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DocumentFragment, Element, HtmlTemplateElement};

use super::DomSink;
use crate::date::format_utc;
use crate::model::{Entry, ShownDate};
use crate::options::{LinkTarget, Options};
use crate::render::sanitize::{HTML_NAMESPACE, POLICY};
use crate::render::{author_names, category_names, isolated, summary};
use crate::select::Post;
use crate::text::decimal;

/// The elements whose content is not plain text: raw text (script, style, xmp, iframe, noembed, noframes,
/// noscript, plaintext), escapable raw text (textarea, title), content that is code or another document
/// (object, embed, template, frameset), `listing` (its first newline is eaten), and foreign content (svg,
/// math). A `data-field` on one of them, or inside one, is refused.
const NOT_PLAIN_TEXT: &str = "script,style,xmp,iframe,noembed,noframes,noscript,plaintext,textarea,title,object,embed,template,frameset,listing,svg,math";

impl DomSink<'_> {
    /// Fills a clone of `template` for one entry and appends it to the open item.
    pub(super) fn fill_template(
        &mut self,
        template: &HtmlTemplateElement,
        post: &Post<'_, '_>,
        options: &Options,
    ) -> Result<(), JsValue> {
        let entry = post.entry;
        let fragment: DocumentFragment =
            template.content().clone_node_with_deep(true)?.dyn_into()?;
        let fields = fragment.query_selector_all("[data-field]")?;
        for index in 0..fields.length() {
            let Some(field) = fields.item(index) else {
                continue;
            };
            let field: Element = field.unchecked_into();
            let name = self
                .dom
                .get_attribute(&field, "data-field")
                .unwrap_or_default();
            let tag = self.dom.local_name(&field);
            if self.dom.namespace_uri(&field).as_deref() != Some(HTML_NAMESPACE)
                || self.dom.within(&field, NOT_PLAIN_TEXT)
            {
                // Left as the page wrote it; the render logs the first such element once.
                self.refused_field.get_or_insert(tag);
                continue;
            }
            match name.as_str() {
                "title" => {
                    self.template_text(&field, entry.title.as_deref().unwrap_or("(untitled)"))?;
                    if tag == "a" {
                        self.template_link(&field, entry, options)?;
                    }
                }
                "link" => {
                    if tag == "a" {
                        self.template_link(&field, entry, options)?;
                    } else {
                        self.template_text(&field, entry.link.as_deref().unwrap_or_default())?;
                    }
                }
                "date" => match entry.shown_date() {
                    Some(ShownDate::At(timestamp)) => {
                        if tag == "time" {
                            self.dom
                                .set_attribute(&field, "datetime", &format_utc(timestamp))?;
                        }
                        let text = self.date_text(timestamp);
                        self.template_text(&field, &text)?;
                    }
                    // Text that names no instant gets no `datetime`.
                    Some(ShownDate::Text(text)) => self.template_text(&field, text)?,
                    None => self.dom.remove(&field)?,
                },
                "summary" => {
                    field.set_text_content(None);
                    self.enter(field.clone());
                    let shown = summary(self, post, options, "span")?;
                    self.leave();
                    if !shown {
                        self.dom.remove(&field)?;
                    }
                }
                "image" => {
                    // `image="false"`: no thumbnail is even looked for, and the field goes before its
                    // clone reaches the page, so not even the template's own `src` is requested.
                    let image = post
                        .image
                        .clone()
                        .or_else(|| crate::select::thumbnail(entry))
                        .filter(|_| options.image);
                    match (image, tag.as_str()) {
                        (Some(image), "img") => match POLICY.url(None, &image.url) {
                            Some(url) => {
                                self.dom.set_attribute(&field, "src", &url)?;
                                if self.dom.get_attribute(&field, "alt").is_none() {
                                    self.dom.set_attribute(&field, "alt", "")?;
                                }
                                for (name, value) in POLICY.image_attributes {
                                    self.dom.set_attribute(&field, name, value)?;
                                }
                                if let Some(width) = image.width {
                                    self.dom.set_attribute(
                                        &field,
                                        "width",
                                        &decimal(width as usize),
                                    )?;
                                }
                                if let Some(height) = image.height {
                                    self.dom.set_attribute(
                                        &field,
                                        "height",
                                        &decimal(height as usize),
                                    )?;
                                }
                            }
                            None => {
                                self.count_refused();
                                self.dom.remove(&field)?;
                            }
                        },
                        _ => self.dom.remove(&field)?,
                    }
                }
                "author" => self.template_text(&field, &author_names(entry))?,
                "categories" => self.template_text(&field, &category_names(entry))?,
                _ => {}
            }
        }
        if let Some((item, has_content)) = self.stack.last_mut() {
            *has_content = true;
            self.dom.append_child(item, &fragment)?;
        }
        Ok(())
    }

    /// Sets a field's text, in a bidi isolate of its own: `dir="auto"` unless the page gave the field a
    /// direction (`ltr`, `rtl` or `auto` isolate as well), and the text made safe for it ([`isolated`]).
    fn template_text(&self, field: &Element, text: &str) -> Result<(), JsValue> {
        field.set_text_content(Some(&isolated(text)));
        let dir = self.dom.get_attribute(field, "dir").unwrap_or_default();
        if !["ltr", "rtl", "auto"]
            .iter()
            .any(|d| d.eq_ignore_ascii_case(&dir))
        {
            self.dom.set_attribute(field, "dir", "auto")?;
        }
        Ok(())
    }

    /// Sets a template link's `href` (and the new-tab attributes); a template's own `href` must not
    /// survive when the entry has no safe link.
    fn template_link(
        &mut self,
        a: &Element,
        entry: &Entry<'_>,
        options: &Options,
    ) -> Result<(), JsValue> {
        self.dom.remove_attribute(a, "href")?;
        let Some(link) = entry.link.as_deref() else {
            return Ok(());
        };
        match POLICY.url(None, link) {
            Some(url) => {
                self.dom.set_attribute(a, "href", &url)?;
                if options.target == LinkTarget::NewTab {
                    self.dom.set_attribute(a, "target", "_blank")?;
                    self.dom.set_attribute(a, "rel", "noopener noreferrer")?;
                }
            }
            None => self.count_refused(),
        }
        Ok(())
    }
}
