//! feedlet: a tolerant, panic-free parser for Atom, RSS, RDF and JSON Feed that renders a recent-posts list,
//! in the browser through WebAssembly or as static HTML.
//!
//! Data flows one way: bytes → [`decode`](parse) → parse → [`Feed`] → [`select`] → render
//! ([`render_html`] here, the DOM renderer in the wasm build).
//!
//! # Examples
//! ```
//! let xml = r#"<?xml version="1.0"?>
//! <feed xmlns="http://www.w3.org/2005/Atom">
//!   <title>기술블로그</title>
//!   <entry>
//!     <title>최종적 일관성</title>
//!     <link href="/posts/one/"/>
//!     <published>2026-03-07T00:00:00+09:00</published>
//!     <summary type="html">&lt;p&gt;&amp;quot;Hello&amp;quot;&lt;/p&gt;</summary>
//!   </entry>
//! </feed>"#;
//! let options = feedlet::ParseOptions {
//!     base_url: Some("https://blog.example/feed.xml".into()),
//!     ..Default::default()
//! };
//! let feed = feedlet::parse(xml.as_bytes(), &options).unwrap();
//! let entry = &feed.entries[0];
//! assert_eq!(entry.title.as_deref(), Some("최종적 일관성"));
//! assert_eq!(entry.link.as_deref(), Some("https://blog.example/posts/one/"));
//! assert_eq!(entry.published.as_ref().unwrap().to_iso(), "2026-03-06T15:00:00Z");
//! assert_eq!(entry.summary_text().as_deref(), Some("\"Hello\""));
//! ```
#![forbid(unsafe_code)]

// Layers, lowest first (ARCHITECTURE.md; tests/layers.rs holds the order):
// leaves (error, options, sort, find, date, url, text) → model → decode → parse → select → render → web.
mod date;
mod error;
mod find;
mod options;
mod sort;
mod text;
mod url;

mod model;

mod decode;
mod discover;

mod parse;

mod select;

mod render;

#[cfg(target_arch = "wasm32")]
mod web;

pub use render::sanitize;

pub use date::{format_utc, parse_date};
pub use decode::{sniff, Sniffed};
pub use discover::{discover, FeedLink};
pub use error::{Error, ErrorKind, Position, Warning};
pub use model::{
    Content, Date, Entry, Escape, Feed, Format, Image, LazyText, Markup, Person, ShownDate,
};
pub use options::{
    DateStyle, FeedType, Layout, LinkTarget, Options, ParseOptions, Read, Sort, SummaryMode,
};
pub use render::{render_html, render_into, render_skeleton_into, HtmlSink, Sink};
pub use select::{narrow, prepare, select, summary, thumbnail, Post};
pub use text::{
    decode_entities, dimension, excerpt, grapheme_count, html_to_text, xhtml_document,
    xhtml_to_html,
};
pub use url::{has_scheme, resolve, safe_url, web_host};
#[cfg(target_arch = "wasm32")]
pub use web::{parse_feed, read_options, render_feed, render_feeds, render_skeleton, select_feeds};

/// Parses a feed from bytes: sniffs and decodes the encoding, then reads Atom, RSS, RDF or JSON Feed.
///
/// Returns an [`Error`] only when no feed can be had (empty, not XML or JSON, not a feed, a limit exceeded);
/// everything recoverable becomes a [`Warning`] in `feed.warnings`.
/// The feed borrows from `input` when it is UTF-8 without repairs.
///
/// # Examples
/// ```
/// let feed = feedlet::parse(b"<rss><channel><title>T</title></channel></rss>", &Default::default()).unwrap();
/// assert_eq!(feed.format, feedlet::Format::Rss2);
/// let error = feedlet::parse(b"<html><body>login</body></html>", &Default::default()).unwrap_err();
/// assert_eq!(error.kind, feedlet::ErrorKind::NotAFeed);
/// ```
pub fn parse<'a>(input: &'a [u8], options: &ParseOptions) -> Result<Feed<'a>, Error> {
    parse::parse_bytes(input, options, platform_decode, platform_json)
}

/// Parses a feed from text that is already decoded.
///
/// # Examples
/// ```
/// let feed = feedlet::parse_str(r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Hi"}]}"#, &Default::default()).unwrap();
/// assert_eq!(feed.entries[0].title.as_deref(), Some("Hi"));
/// ```
pub fn parse_str<'a>(input: &'a str, options: &ParseOptions) -> Result<Feed<'a>, Error> {
    parse::parse_str(input, options, platform_json)
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn platform_decode(label: &str, bytes: &[u8]) -> Option<String> {
    decode::decode_legacy(label, bytes)
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn platform_decode(label: &str, bytes: &[u8]) -> Option<String> {
    web::decode_legacy(label, bytes)
}

// JSON text to a JSON Feed document: serde_json natively, the engine's `JSON.parse` in the browser.
#[cfg(not(target_arch = "wasm32"))]
use parse::json::read_native as platform_json;
#[cfg(target_arch = "wasm32")]
use web::read_json as platform_json;
