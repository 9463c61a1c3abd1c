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

mod date;
mod decode;
mod entities;
mod error;
mod find;
mod html;
mod json_out;
mod model;
mod options;
mod parse;
pub mod sanitize;
mod select;
mod text;
mod url;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod wasm;

use std::borrow::Cow;

pub use date::{format_utc, parse_date};
pub use decode::{sniff, Sniffed};
pub use error::{Error, ErrorKind, Position, Warning};
pub use html::render_html;
pub use json_out::feed_to_json as to_json;
pub use model::{Content, Date, Entry, Escape, Feed, Format, Image, LazyText, Markup, Person};
pub use options::{DateStyle, Layout, LinkTarget, Options, ParseOptions, Sort, SummaryMode};
pub use select::{select, summary, thumbnail, Post};
pub use text::{decode_entities, excerpt, grapheme_count, html_to_text};
pub use url::{has_scheme, resolve, safe_url};
#[cfg(target_arch = "wasm32")]
pub use wasm::{parse_feed, render_feed, render_feeds, render_skeleton};

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
    if input.len() > options.max_input_bytes {
        return Err(Error::new(
            ErrorKind::LimitExceeded,
            [
                "the input is ",
                &text::decimal(input.len()),
                " bytes, over the limit of ",
                &text::decimal(options.max_input_bytes),
                " bytes",
            ]
            .concat(),
            Position::default_start(),
        ));
    }
    let (text, warnings) = decode::decode_with(input, options.charset.as_deref(), platform_decode)?;
    let mut feed = match text {
        Cow::Borrowed(text) => parse::parse_text(text, options)?,
        Cow::Owned(text) => parse::parse_text(&text, options)?.into_owned(),
    };
    if !warnings.is_empty() {
        feed.warnings.splice(0..0, warnings);
    }
    Ok(feed)
}

/// Parses a feed from text that is already decoded.
///
/// # Examples
/// ```
/// let feed = feedlet::parse_str(r#"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"Hi"}]}"#, &Default::default()).unwrap();
/// assert_eq!(feed.entries[0].title.as_deref(), Some("Hi"));
/// ```
pub fn parse_str<'a>(input: &'a str, options: &ParseOptions) -> Result<Feed<'a>, Error> {
    if input.len() > options.max_input_bytes {
        return parse(input.as_bytes(), options);
    }
    parse::parse_text(input, options)
}

/// The indices of `keys` in ascending key order, ties in index order (a stable sort's order).
/// Every sort in the crate goes through here, on `(key, index)` pairs with a small heap sort: one short
/// function instead of a stable or pattern-defeating sort instantiated per element type (several kilobytes
/// of wasm), and O(n log n) in the worst case. The pairs are all distinct, so the order is fully determined.
pub(crate) fn stable_order(keys: impl Iterator<Item = u64>) -> Vec<usize> {
    let mut pairs: Vec<(u64, u64)> = keys.zip(0u64..).collect();
    heap_sort(&mut pairs);
    pairs
        .into_iter()
        .filter_map(|(_, index)| usize::try_from(index).ok())
        .collect()
}

/// `items` ordered by `key`, equal keys in their original order.
pub(crate) fn sorted_by_key<T>(items: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    let order = stable_order(items.iter().map(key));
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect()
}

/// Sorts ascending. Small and O(n log n) in the worst case; not stable, which is why callers sort
/// distinct values (a key paired with its index).
pub(crate) fn heap_sort<T: Ord + Copy + Default>(v: &mut [T]) {
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end);
    }
}

/// Moves `v[root]` down the max-heap held in `v[..end]`.
fn sift_down<T: Ord + Copy + Default>(v: &mut [T], mut root: usize, end: usize) {
    let at = |v: &[T], i: usize| v.get(i).copied().unwrap_or_default();
    loop {
        let mut child = root.saturating_mul(2).saturating_add(1);
        if child >= end {
            return;
        }
        if child + 1 < end && at(v, child) < at(v, child + 1) {
            child += 1;
        }
        if at(v, root) >= at(v, child) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn platform_decode(label: &str, bytes: &[u8]) -> Option<String> {
    decode::decode_legacy(label, bytes)
}

#[cfg(target_arch = "wasm32")]
fn platform_decode(label: &str, bytes: &[u8]) -> Option<String> {
    wasm::decode_legacy(label, bytes)
}

#[cfg(test)]
mod tests {
    #[test]
    fn stable_order_sorts_by_key_and_keeps_ties_in_index_order() {
        let keys = [5u64, 1, 5, 0, 1, u64::MAX, 5];
        assert_eq!(
            super::stable_order(keys.into_iter()),
            vec![3, 1, 4, 0, 2, 6, 5]
        );
        assert!(super::stable_order(std::iter::empty()).is_empty());
    }

    #[test]
    fn heap_sort_agrees_with_the_standard_sort() {
        // A fixed pseudo-random sequence: lengths 0..300, keys from small ranges (many ties) and full ranges.
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for len in 0..300u64 {
            for modulus in [1, 3, 1000, u64::MAX] {
                let keys: Vec<u64> = (0..len).map(|_| next() % modulus).collect();
                let mut want: Vec<usize> = (0..keys.len()).collect();
                want.sort_by_key(|&i| keys[i]);
                assert_eq!(super::stable_order(keys.iter().copied()), want);
            }
        }
    }
}
