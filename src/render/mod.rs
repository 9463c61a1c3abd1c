//! Render: one list description (`list.rs`) written through the [`Sink`] trait into an HTML string here, or into live DOM elements in the web layer.
//!
//! The description decides every element, class, part, attribute and text; a sink only writes them.
//! So the CLI's HTML and the widget's DOM cannot differ, apart from what a sink alone can do:
//! the browser formats dates with `Intl`, fills a page's `<template>` and parses rich summaries.

mod bidi;
pub(crate) mod html;
mod list;
mod policy;
pub mod sanitize;

#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub(crate) use bidi::isolated;
pub use html::{render_html, HtmlSink};
#[cfg_attr(not(target_arch = "wasm32"), allow(unused_imports))]
pub(crate) use list::{author_names, category_names, summary};
pub use list::{render_into, render_skeleton_into};

use crate::model::Markup;
use crate::options::Options;
use crate::select::Post;
use sanitize::Tree;

/// Where the list description writes: an HTML string, live DOM elements, or a recording for tests.
///
/// Calls nest like markup: [`open`](Sink::open), then the element's [`attribute`](Sink::attribute)s,
/// then its content ([`text`](Sink::text), [`date`](Sink::date) and nested elements), then
/// [`close`](Sink::close). Every name is one of the renderer's or the policy's own (`&'static str`);
/// every value and text is data that the sink must escape or set as data.
pub trait Sink {
    /// What a failed write returns (a JS exception in the browser, never for a string).
    type Error;
    /// The tree a rich summary is parsed into: the browser's inert document; [`sanitize::NoTree`]
    /// where no HTML parser is at hand, so summaries show as text.
    type Tree: Tree;

    /// Starts an element; `class` and `part` are written when not empty.
    fn open(
        &mut self,
        tag: &'static str,
        class: &'static str,
        part: &'static str,
    ) -> Result<(), Self::Error>;

    /// Adds an attribute to the element just opened.
    fn attribute(&mut self, name: &'static str, value: &str) -> Result<(), Self::Error>;

    /// Adds text to the open element.
    fn text(&mut self, text: &str) -> Result<(), Self::Error>;

    /// Writes a date's display text (seconds since the epoch) into the open `<time>`.
    fn date(&mut self, timestamp: i64) -> Result<(), Self::Error>;

    /// Ends the element opened last.
    fn close(&mut self) -> Result<(), Self::Error>;

    /// Counts a URL that failed `safe_url` or the policy, for the caller's result.
    fn refused(&mut self) {}

    /// Parses an entry's HTML or XHTML body into [`Sink::Tree`], returning the tree and its root
    /// (whose children are the summary); `None` shows the text summary instead.
    #[allow(clippy::type_complexity)]
    fn parse(
        &mut self,
        _body: &str,
        _markup: Markup,
    ) -> Result<Option<(Self::Tree, <Self::Tree as Tree>::Node)>, Self::Error> {
        Ok(None)
    }

    /// Writes one item's content from the page's own `<template>`; `false` (no template) writes the
    /// built-in item.
    fn template(&mut self, _post: &Post<'_, '_>, _options: &Options) -> Result<bool, Self::Error> {
        Ok(false)
    }
}
