//! The DOM sink: the list description (`render/list.rs`) written into live elements with web-sys, the same elements `render_html` writes as text.
//!
//! Feed text enters the DOM only as text nodes, and attributes are set one by one as the description
//! and the policy decide. Rich summaries are parsed into an inert `DOMParser` document and rebuilt by
//! the policy's walk, which reads that document only through prototype accessors (`prototypes.rs`);
//! nothing is ever serialized and re-parsed.

mod intl;
mod prototypes;
mod template;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DomParser, Element, HtmlTemplateElement, Node, SupportedType};

use crate::model::{Feed, Markup};
use crate::options::Options;
use crate::render::{render_into, render_skeleton_into, Sink};
use intl::Dates;
use prototypes::Dom;

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
    let mut sink = DomSink::new(template, Some(Dates::new(options)?))?;
    let count = render_into(&mut sink, feeds, options)?;
    sink.replace_children(target)?;
    if let Some(tag) = &sink.refused_field {
        // Once per render, however many items the template filled.
        let mut message = String::from("feedlet: data-field on <");
        message.push_str(tag);
        message.push_str("> left empty: feed text goes only where content is plain text");
        web_sys::console::warn_1(&message.into());
    }
    Ok(Rendered {
        count,
        refused_urls: sink.refused,
    })
}

/// Renders the loading skeleton into `target`.
pub(crate) fn render_skeleton(target: &Node, options: &Options) -> Result<(), JsValue> {
    let mut sink = DomSink::new(None, None)?;
    render_skeleton_into(&mut sink, options)?;
    sink.replace_children(target)
}

/// A [`Sink`] building elements in the page's document.
struct DomSink<'o> {
    dom: Dom,
    document: Document,
    template: Option<&'o HtmlTemplateElement>,
    dates: Option<Dates>,
    /// The open elements, innermost last, each with whether it has content yet.
    stack: Vec<(Element, bool)>,
    /// The outermost element, once closed.
    root: Option<Element>,
    refused: usize,
    /// The first template field refused because its content is not plain text (its local name).
    refused_field: Option<String>,
    /// One element per (tag, class, part) with its class and part set; later ones are shallow clones,
    /// which costs one call into the DOM instead of three (and no strings to decode).
    prototypes: Vec<([&'static str; 3], Element)>,
}

impl<'o> DomSink<'o> {
    fn new(
        template: Option<&'o HtmlTemplateElement>,
        dates: Option<Dates>,
    ) -> Result<Self, JsValue> {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .ok_or_else(|| JsValue::from_str("feedlet needs a document"))?;
        Ok(DomSink {
            dom: Dom::new()?,
            document,
            template,
            dates,
            stack: Vec::new(),
            root: None,
            refused: 0,
            refused_field: None,
            prototypes: Vec::new(),
        })
    }

    /// Puts the finished section in `target` in place of its children.
    fn replace_children(&self, target: &Node) -> Result<(), JsValue> {
        let Some(root) = &self.root else {
            return Err(JsValue::from_str("feedlet: nothing was rendered"));
        };
        target.set_text_content(None);
        self.dom.append_child(target, root)
    }

    fn element(
        &mut self,
        tag: &'static str,
        class: &'static str,
        part: &'static str,
    ) -> Result<Element, JsValue> {
        if class.is_empty() {
            return self.dom.create_element(&self.document, tag);
        }
        let key = [tag, class, part];
        if let Some((_, prototype)) = self.prototypes.iter().find(|(k, _)| *k == key) {
            return Ok(prototype.clone_node()?.unchecked_into());
        }
        let element = self.dom.create_element(&self.document, tag)?;
        element.set_attribute("class", class)?;
        if !part.is_empty() {
            element.set_attribute("part", part)?;
        }
        self.prototypes
            .push((key, element.clone_node()?.unchecked_into()));
        Ok(element)
    }

    /// Makes `element` (a node of the page's template) the parent of what is written next, until
    /// [`DomSink::leave`]; it is not appended anywhere when left.
    fn enter(&mut self, element: Element) {
        self.stack.push((element, true));
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    /// A date's display text: `Intl` when this render has formatters.
    fn date_text(&self, timestamp: i64) -> String {
        match &self.dates {
            Some(dates) => dates.display(timestamp),
            None => crate::date::format_utc(timestamp),
        }
    }

    fn count_refused(&mut self) {
        self.refused = self.refused.saturating_add(1);
    }
}

impl Sink for DomSink<'_> {
    type Error = JsValue;
    type Tree = Dom;

    fn open(
        &mut self,
        tag: &'static str,
        class: &'static str,
        part: &'static str,
    ) -> Result<(), JsValue> {
        let element = self.element(tag, class, part)?;
        self.stack.push((element, false));
        Ok(())
    }

    fn attribute(&mut self, name: &'static str, value: &str) -> Result<(), JsValue> {
        match self.stack.last() {
            Some((element, _)) => element.set_attribute(name, value),
            None => Ok(()),
        }
    }

    fn text(&mut self, text: &str) -> Result<(), JsValue> {
        let Some((element, has_content)) = self.stack.last_mut() else {
            return Ok(());
        };
        if *has_content {
            let node = self.dom.create_text_node(&self.document, text)?;
            self.dom.append_child(element, &node)
        } else {
            // The first content of an element: one call sets it.
            *has_content = true;
            element.set_text_content(Some(text));
            Ok(())
        }
    }

    fn date(&mut self, timestamp: i64) -> Result<(), JsValue> {
        let text = self.date_text(timestamp);
        self.text(&text)
    }

    fn close(&mut self) -> Result<(), JsValue> {
        let Some((element, _)) = self.stack.pop() else {
            return Ok(());
        };
        match self.stack.last_mut() {
            Some((parent, has_content)) => {
                *has_content = true;
                self.dom.append_child(parent, &element)
            }
            None => {
                self.root = Some(element);
                Ok(())
            }
        }
    }

    fn refused(&mut self) {
        self.count_refused();
    }

    /// HTML bodies are parsed as `text/html`; XHTML bodies by the XML parser (`application/xhtml+xml`),
    /// so `<a/>`, `<textarea/>` or a foreign-namespace `<img>` mean what the feed said, and a fragment
    /// the XML parser rejects shows as text.
    fn parse(&mut self, body: &str, markup: Markup) -> Result<Option<(Dom, JsValue)>, JsValue> {
        let parser = DomParser::new()?;
        let xhtml = markup == Markup::Xhtml;
        let inert = if xhtml {
            let wrapped = crate::text::xhtml_document(body);
            parser.parse_from_string(&wrapped, SupportedType::ApplicationXhtmlXml)?
        } else {
            parser.parse_from_string(body, SupportedType::TextHtml)?
        };
        Ok(self
            .dom
            .summary_root(&inert, xhtml)
            .map(|root| (self.dom.clone(), root)))
    }

    fn template(
        &mut self,
        post: &crate::select::Post<'_, '_>,
        options: &Options,
    ) -> Result<bool, JsValue> {
        let Some(template) = self.template else {
            return Ok(false);
        };
        self.fill_template(template, post, options)?;
        Ok(true)
    }
}
