//! The DOM renderer: builds the recent-posts list in a live element with web-sys, the same structure as `html.rs`.
//!
//! Feed text enters the DOM only through `set_text_content`/text nodes, and attributes are set one by one
//! from a fixed list after `safe_url` checks. Rich summaries are rebuilt node by node from an inert
//! `DOMParser` document; nothing is ever serialized and re-parsed.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, HtmlTemplateElement, Node, SupportedType};

use crate::model::{Entry, Feed, Markup};
use crate::options::{DateStyle, Layout, LinkTarget, Options, SummaryMode};
use crate::render::html::layout_name;
use crate::render::sanitize::{
    allowed_attributes, dimension, element_action, Action, MAX_DEPTH, MAX_NODES,
};
use crate::select::{meta_shown, select, Post};
use crate::text::decimal;
use crate::text::is_tracking_pixel;
use crate::url::safe_url;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, declared here so that a bad locale or time zone is a caught error, not a trap.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<DateFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "DateTimeFormat")]
    fn format(this: &DateFormat, date: &js_sys::Date) -> Result<String, JsValue>;

    /// `Intl.RelativeTimeFormat`.
    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    fn new(locales: &JsValue, options: &JsValue) -> Result<RelativeFormat, JsValue>;
    #[wasm_bindgen(method, catch, js_class = "RelativeTimeFormat", js_name = format)]
    fn format_relative(this: &RelativeFormat, value: f64, unit: &str) -> Result<String, JsValue>;
}

/// What one render did, for the caller's result object.
pub(crate) struct Rendered {
    pub count: usize,
    pub refused_urls: usize,
}

/// Renders the list for `feeds` into `target`, replacing its children.
pub(crate) fn render(
    target: &Node,
    feeds: &[Feed<'_>],
    options: &Options,
    template: Option<&HtmlTemplateElement>,
) -> Result<Rendered, JsValue> {
    let renderer = Renderer::new(options)?;
    let posts = select(feeds, options);
    let section = renderer.section(feeds.first().and_then(|f| f.language.as_deref()))?;
    if let Some(heading) = options.heading.as_deref().filter(|h| !h.is_empty()) {
        let h2 = renderer.element("h2", "feedlet__heading", "heading")?;
        h2.set_attribute("dir", "auto")?;
        h2.set_text_content(Some(heading));
        section.append_child(&h2)?;
    }
    if posts.is_empty() {
        let empty = renderer.element("p", "feedlet__empty", "empty")?;
        empty.set_text_content(Some(&options.empty_text));
        section.append_child(&empty)?;
    } else {
        let list = renderer.element("ul", "feedlet__list", "list")?;
        list.set_attribute("role", "list")?;
        for post in &posts {
            let item = renderer.element("li", "feedlet__item", "item")?;
            let feed_lang = feeds.get(post.feed).and_then(|f| f.language.as_deref());
            let first_lang = feeds.first().and_then(|f| f.language.as_deref());
            if let Some(lang) = feed_lang.filter(|l| Some(*l) != first_lang) {
                item.set_attribute("lang", lang)?;
            }
            match template {
                Some(template) => renderer.fill_template(&item, template, post)?,
                None => renderer.item(&item, post)?,
            }
            list.append_child(&item)?;
        }
        section.append_child(&list)?;
    }
    target.set_text_content(None);
    target.append_child(&section)?;
    Ok(Rendered {
        count: posts.len(),
        refused_urls: renderer.refused.get(),
    })
}

/// Renders the loading skeleton: placeholder items in a section marked `aria-busy`.
pub(crate) fn render_skeleton(target: &Node, options: &Options) -> Result<(), JsValue> {
    let renderer = Renderer::new(options)?;
    let section = renderer.section(None)?;
    section.set_attribute(
        "class",
        &[
            "feedlet feedlet--",
            layout_name(options.layout),
            " feedlet--loading",
        ]
        .concat(),
    )?;
    section.set_attribute("aria-busy", "true")?;
    let list = renderer.element("ul", "feedlet__list", "list")?;
    list.set_attribute("role", "list")?;
    for _ in 0..options.limit.clamp(1, 6) {
        let item = renderer.element("li", "feedlet__item feedlet__item--skeleton", "item")?;
        item.set_attribute("aria-hidden", "true")?;
        for class in [
            "feedlet__bone feedlet__bone--title",
            "feedlet__bone feedlet__bone--meta",
        ] {
            let bone = renderer.document.create_element("span")?;
            bone.set_attribute("class", class)?;
            item.append_child(&bone)?;
        }
        list.append_child(&item)?;
    }
    section.append_child(&list)?;
    target.set_text_content(None);
    target.append_child(&section)?;
    Ok(())
}

struct Renderer<'o> {
    document: Document,
    options: &'o Options,
    date_format: Option<DateFormat>,
    relative_format: Option<RelativeFormat>,
    now: f64,
    refused: Cell<usize>,
    /// One element per (tag, class, part) with its fixed attributes set; later ones are shallow clones,
    /// which costs one call into the DOM instead of three (and no strings to decode).
    prototypes: RefCell<Vec<([&'static str; 3], Element)>>,
}

impl<'o> Renderer<'o> {
    fn new(options: &'o Options) -> Result<Self, JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("feedlet needs a document"))?;
        let locales = match options.locale.as_deref().filter(|l| !l.trim().is_empty()) {
            Some(locale) => JsValue::from_str(locale.trim()),
            None => JsValue::UNDEFINED,
        };
        let (date_format, relative_format) = if options.date {
            let format_options = js_sys::Object::new();
            let style = if options.date_style == DateStyle::Long {
                "long"
            } else {
                "medium"
            };
            js_sys::Reflect::set(&format_options, &"dateStyle".into(), &style.into())?;
            if let Some(zone) = options
                .time_zone
                .as_deref()
                .filter(|z| !z.trim().is_empty())
            {
                js_sys::Reflect::set(&format_options, &"timeZone".into(), &zone.trim().into())?;
            }
            // A locale or time zone the browser rejects falls back to the defaults rather than failing the render.
            let date_format = DateFormat::new(&locales, &format_options)
                .or_else(|_| DateFormat::new(&JsValue::UNDEFINED, &format_options))
                .or_else(|_| DateFormat::new(&JsValue::UNDEFINED, &JsValue::UNDEFINED))
                .ok();
            let relative_format = if options.date_style == DateStyle::Relative {
                let relative_options = js_sys::Object::new();
                js_sys::Reflect::set(&relative_options, &"numeric".into(), &"auto".into())?;
                RelativeFormat::new(&locales, &relative_options)
                    .or_else(|_| RelativeFormat::new(&JsValue::UNDEFINED, &relative_options))
                    .ok()
            } else {
                None
            };
            (date_format, relative_format)
        } else {
            (None, None)
        };
        Ok(Renderer {
            document,
            options,
            date_format,
            relative_format,
            now: js_sys::Date::now(),
            refused: Cell::new(0),
            prototypes: RefCell::new(Vec::new()),
        })
    }

    fn section(&self, lang: Option<&str>) -> Result<Element, JsValue> {
        let section = self.document.create_element("section")?;
        section.set_attribute(
            "class",
            &["feedlet feedlet--", layout_name(self.options.layout)].concat(),
        )?;
        if let Some(lang) = lang.filter(|l| !l.trim().is_empty()) {
            section.set_attribute("lang", lang.trim())?;
        }
        Ok(section)
    }

    fn element(
        &self,
        tag: &'static str,
        class: &'static str,
        part: &'static str,
    ) -> Result<Element, JsValue> {
        let mut prototypes = self.prototypes.borrow_mut();
        let key = [tag, class, part];
        if let Some((_, prototype)) = prototypes.iter().find(|(k, _)| *k == key) {
            return Ok(prototype.clone_node()?.unchecked_into());
        }
        let element = self.document.create_element(tag)?;
        element.set_attribute("class", class)?;
        element.set_attribute("part", part)?;
        prototypes.push((key, element.clone_node()?.unchecked_into()));
        Ok(element)
    }

    fn item(&self, item: &Element, post: &Post<'_, '_>) -> Result<(), JsValue> {
        let entry = post.entry;
        let options = self.options;
        if options.layout == Layout::Cards {
            if let Some(image) = &post.image {
                let img = self.image(&image.url, image.width, image.height)?;
                item.append_child(&img)?;
            }
        }
        let title = self.title(entry)?;
        item.append_child(&title)?;
        let (date, authors, categories) = meta_shown(entry, options);
        if date.is_some() || authors || categories {
            let meta = self.element("div", "feedlet__meta", "meta")?;
            if date.is_some() {
                let time = self.time(entry, "time")?;
                meta.append_child(&time)?;
            }
            if authors {
                let span = self.element("span", "feedlet__author", "author")?;
                span.set_attribute("dir", "auto")?;
                span.set_text_content(Some(&author_names(entry)));
                meta.append_child(&span)?;
            }
            if categories {
                let span = self.element("span", "feedlet__categories", "categories")?;
                span.set_attribute("dir", "auto")?;
                span.set_text_content(Some(&category_names(entry)));
                meta.append_child(&span)?;
            }
            item.append_child(&meta)?;
        }
        if options.layout != Layout::Compact && options.summary {
            if let Some(summary) = self.summary(entry, post, "p")? {
                item.append_child(&summary)?;
            }
        }
        Ok(())
    }

    fn title(&self, entry: &Entry<'_>) -> Result<Element, JsValue> {
        let text = entry.title.as_deref().unwrap_or("(untitled)");
        let element = match entry.link.as_deref() {
            Some(link) => {
                let a = self.element("a", "feedlet__title", "title")?;
                self.set_link(&a, link)?;
                a
            }
            None => self.element("span", "feedlet__title", "title")?,
        };
        element.set_attribute("dir", "auto")?;
        element.set_text_content(Some(text));
        Ok(element)
    }

    /// Sets `href` (and the new-tab attributes) on a link; the URL was checked when the model was built,
    /// and is checked again here because a `Feed` object can come from JavaScript.
    fn set_link(&self, a: &Element, link: &str) -> Result<bool, JsValue> {
        match safe_url(None, link) {
            Some(url) => {
                a.set_attribute("href", &url)?;
                if self.options.target == LinkTarget::NewTab {
                    a.set_attribute("target", "_blank")?;
                    a.set_attribute("rel", "noopener noreferrer")?;
                }
                Ok(true)
            }
            None => {
                self.refused.set(self.refused.get().saturating_add(1));
                Ok(false)
            }
        }
    }

    fn image(
        &self,
        url: &str,
        width: Option<u32>,
        height: Option<u32>,
    ) -> Result<Element, JsValue> {
        let img = self.element("img", "feedlet__image", "image")?;
        match safe_url(None, url) {
            Some(url) => img.set_attribute("src", &url)?,
            None => self.refused.set(self.refused.get().saturating_add(1)),
        }
        set_image_attributes(&img, width, height)?;
        Ok(img)
    }

    fn time(&self, entry: &Entry<'_>, tag: &'static str) -> Result<Element, JsValue> {
        let time = self.element(tag, "feedlet__date", "date")?;
        if let Some(date) = entry.date() {
            if tag == "time" {
                time.set_attribute("datetime", &date.to_iso())?;
            }
            time.set_text_content(Some(&self.display_date(date.timestamp, &date.raw)));
        }
        Ok(time)
    }

    fn display_date(&self, timestamp: Option<i64>, raw: &str) -> String {
        let Some(seconds) = timestamp else {
            return raw.to_owned();
        };
        let millis = seconds as f64 * 1000.0;
        if let Some(relative) = &self.relative_format {
            let (value, unit) = relative_parts((millis - self.now) / 1000.0);
            if let Ok(text) = relative.format_relative(value, unit) {
                return text;
            }
        }
        let date = js_sys::Date::new(&JsValue::from_f64(millis));
        match &self.date_format {
            Some(format) => format
                .format(&date)
                .unwrap_or_else(|_| crate::date::format_utc(seconds)),
            None => crate::date::format_utc(seconds),
        }
    }

    fn summary(
        &self,
        entry: &Entry<'_>,
        post: &Post<'_, '_>,
        tag: &'static str,
    ) -> Result<Option<Element>, JsValue> {
        if self.options.summary_mode == SummaryMode::Html {
            if let Some(rich) = self.rich_summary(entry)? {
                return Ok(Some(rich));
            }
        }
        let Some(text) = &post.summary else {
            return Ok(None);
        };
        let element = self.element(tag, "feedlet__summary", "summary")?;
        element.set_attribute("dir", "auto")?;
        element.set_text_content(Some(text));
        Ok(Some(element))
    }

    /// `summary="html"`: the entry's HTML parsed by the browser into an inert document, then rebuilt
    /// in the live document element by element, keeping only the allowed elements and attributes.
    fn rich_summary(&self, entry: &Entry<'_>) -> Result<Option<Element>, JsValue> {
        let from_summary = entry
            .summary
            .as_ref()
            .filter(|s| s.markup() != Markup::Text);
        let from_content = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_ref())
            .filter(|b| b.markup() != Markup::Text);
        let Some(body) = from_summary.or(from_content) else {
            return Ok(None);
        };
        let base = entry
            .content
            .as_ref()
            .and_then(|c| c.base.as_deref())
            .or(entry.link.as_deref());
        let parser = DomParser::new()?;
        // XHTML is read by the XML parser, so `<a/>`, `<textarea/>` or a foreign-namespace `<img>` mean
        // what the feed said; a fragment the XML parser rejects falls back to the plain-text summary.
        let source: Node = if body.markup() == Markup::Xhtml {
            let wrapped = crate::text::xhtml_document(&body.decoded());
            let inert = parser.parse_from_string(&wrapped, SupportedType::ApplicationXhtmlXml)?;
            if inert.get_elements_by_tag_name("parsererror").length() > 0 {
                return Ok(None);
            }
            match inert.document_element() {
                Some(root) => root.into(),
                None => return Ok(None),
            }
        } else {
            let inert = parser.parse_from_string(&body.decoded(), SupportedType::TextHtml)?;
            match inert.body() {
                Some(body) => body.into(),
                None => return Ok(None),
            }
        };
        let container =
            self.element("div", "feedlet__summary feedlet__summary--html", "summary")?;
        container.set_attribute("dir", "auto")?;
        let mut budget = MAX_NODES;
        self.copy_children(&source, &container, base, 0, &mut budget)?;
        Ok(Some(container))
    }

    fn copy_children(
        &self,
        source: &Node,
        target: &Node,
        base: Option<&str>,
        depth: usize,
        budget: &mut usize,
    ) -> Result<(), JsValue> {
        if depth > MAX_DEPTH {
            return Ok(());
        }
        let mut child = source.first_child();
        while let Some(node) = child {
            child = node.next_sibling();
            if *budget == 0 {
                break;
            }
            *budget -= 1;
            match node.node_type() {
                Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                    let text = node.node_value().unwrap_or_default();
                    target.append_child(&self.document.create_text_node(&text))?;
                }
                Node::ELEMENT_NODE => {
                    let Some(element) = node.dyn_ref::<Element>() else {
                        continue;
                    };
                    // Only HTML-namespace elements count: an `<svg><a>` keeps nothing of its SVG self.
                    let html_namespace =
                        element.namespace_uri().as_deref() == Some("http://www.w3.org/1999/xhtml");
                    let action = if html_namespace {
                        element_action(&element.local_name())
                    } else {
                        Action::Drop
                    };
                    match action {
                        Action::Drop => {}
                        Action::Unwrap => {
                            self.copy_children(&node, target, base, depth + 1, budget)?
                        }
                        Action::Keep(name) => {
                            if let Some(fresh) = self.copy_element(element, name, base)? {
                                self.copy_children(&node, &fresh, base, depth + 1, budget)?;
                                target.append_child(&fresh)?;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// A fresh element with only the allowed, checked attributes; `None` drops it (an unsafe or pixel image).
    fn copy_element(
        &self,
        source: &Element,
        name: &str,
        base: Option<&str>,
    ) -> Result<Option<Element>, JsValue> {
        let fresh = self.document.create_element(name)?;
        let mut width = None;
        let mut height = None;
        for attribute in allowed_attributes(name) {
            let Some(value) = source.get_attribute(attribute) else {
                continue;
            };
            match *attribute {
                "href" => match safe_url(base, &value) {
                    Some(url) => {
                        fresh.set_attribute("href", &url)?;
                        fresh.set_attribute("rel", "noopener noreferrer nofollow ugc")?;
                        if self.options.target == LinkTarget::NewTab {
                            fresh.set_attribute("target", "_blank")?;
                        }
                    }
                    None => self.refused.set(self.refused.get().saturating_add(1)),
                },
                "src" => match safe_url(base, &value) {
                    Some(url) => fresh.set_attribute("src", &url)?,
                    None => {
                        self.refused.set(self.refused.get().saturating_add(1));
                        return Ok(None);
                    }
                },
                "width" => width = dimension(&value),
                "height" => height = dimension(&value),
                "alt" => fresh.set_attribute("alt", &value)?,
                _ => {}
            }
        }
        if name == "img" {
            let src = fresh.get_attribute("src");
            match src {
                Some(src) if !is_tracking_pixel(&src, width, height) => {}
                _ => return Ok(None),
            }
            if fresh.get_attribute("alt").is_none() {
                fresh.set_attribute("alt", "")?;
            }
            set_image_attributes(&fresh, width, height)?;
        }
        Ok(Some(fresh))
    }

    /// Fills a clone of the page's `<template>` for one entry: marked elements get text, `href` or `src`.
    fn fill_template(
        &self,
        item: &Element,
        template: &HtmlTemplateElement,
        post: &Post<'_, '_>,
    ) -> Result<(), JsValue> {
        let entry = post.entry;
        let fragment = template.content().clone_node_with_deep(true)?;
        let fragment: web_sys::DocumentFragment = fragment.dyn_into()?;
        let fields = fragment.query_selector_all("[data-field]")?;
        for index in 0..fields.length() {
            let Some(element) = fields
                .item(index)
                .and_then(|n| n.dyn_into::<Element>().ok())
            else {
                continue;
            };
            let field = element.get_attribute("data-field").unwrap_or_default();
            let tag = element.local_name();
            match field.as_str() {
                "title" => {
                    element.set_text_content(Some(entry.title.as_deref().unwrap_or("(untitled)")));
                    if tag == "a" {
                        self.template_link(&element, entry)?;
                    }
                }
                "link" => {
                    if tag == "a" {
                        self.template_link(&element, entry)?;
                    } else {
                        element.set_text_content(entry.link.as_deref());
                    }
                }
                "date" => match entry.date() {
                    Some(date) => {
                        if tag == "time" {
                            element.set_attribute("datetime", &date.to_iso())?;
                        }
                        element
                            .set_text_content(Some(&self.display_date(date.timestamp, &date.raw)));
                    }
                    None => element.remove(),
                },
                "summary" => match self.summary(entry, post, "span")? {
                    Some(summary) => {
                        element.set_text_content(None);
                        element.append_child(&summary)?;
                    }
                    None => element.remove(),
                },
                "image" => match (
                    &post
                        .image
                        .clone()
                        .or_else(|| crate::select::thumbnail(entry)),
                    tag.as_str(),
                ) {
                    (Some(image), "img") => match safe_url(None, &image.url) {
                        Some(url) => {
                            element.set_attribute("src", &url)?;
                            if element.get_attribute("alt").is_none() {
                                element.set_attribute("alt", "")?;
                            }
                            set_image_attributes(&element, image.width, image.height)?;
                        }
                        None => element.remove(),
                    },
                    _ => element.remove(),
                },
                "author" => element.set_text_content(Some(&author_names(entry))),
                "categories" => element.set_text_content(Some(&category_names(entry))),
                _ => {}
            }
        }
        item.append_child(&fragment)?;
        Ok(())
    }

    fn template_link(&self, a: &Element, entry: &Entry<'_>) -> Result<(), JsValue> {
        // A template's own href must not survive when the entry has no safe link.
        a.remove_attribute("href")?;
        if let Some(link) = entry.link.as_deref() {
            self.set_link(a, link)?;
        }
        Ok(())
    }
}

fn set_image_attributes(
    img: &Element,
    width: Option<u32>,
    height: Option<u32>,
) -> Result<(), JsValue> {
    img.set_attribute("alt", &img.get_attribute("alt").unwrap_or_default())?;
    img.set_attribute("loading", "lazy")?;
    img.set_attribute("decoding", "async")?;
    img.set_attribute("referrerpolicy", "no-referrer")?;
    if let Some(width) = width {
        img.set_attribute("width", &decimal(width as usize))?;
    }
    if let Some(height) = height {
        img.set_attribute("height", &decimal(height as usize))?;
    }
    Ok(())
}

fn author_names(entry: &Entry<'_>) -> String {
    let names: Vec<&str> = entry.authors.iter().map(|p| p.name.as_ref()).collect();
    names.join(", ")
}

fn category_names(entry: &Entry<'_>) -> String {
    let names: Vec<&str> = entry.categories.iter().map(AsRef::as_ref).collect();
    names.join(", ")
}

/// Picks the unit for a relative date the way people say it: "3 days ago", "last month".
fn relative_parts(seconds: f64) -> (f64, &'static str) {
    let abs = seconds.abs();
    let (divisor, unit) = if abs < 60.0 {
        (1.0, "second")
    } else if abs < 3600.0 {
        (60.0, "minute")
    } else if abs < 86_400.0 {
        (3600.0, "hour")
    } else if abs < 7.0 * 86_400.0 {
        (86_400.0, "day")
    } else if abs < 30.0 * 86_400.0 {
        (7.0 * 86_400.0, "week")
    } else if abs < 365.0 * 86_400.0 {
        (30.0 * 86_400.0, "month")
    } else {
        (365.0 * 86_400.0, "year")
    };
    ((seconds / divisor).round(), unit)
}
