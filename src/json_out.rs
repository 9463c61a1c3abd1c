//! The model as JSON text, written by hand: the same document as `serde_json::to_string(&feed)`.
//!
//! The wasm build's `parseFeed` hands this string to the engine's `JSON.parse`, which builds the objects
//! natively; that is smaller and faster than creating each object and string through a call across the
//! JS boundary (serde-wasm-bindgen). A native test pins the output to serde's, byte for byte.

use std::borrow::Cow;

use crate::error::Warning;
use crate::model::{Content, Date, Entry, Feed, Format, Image, Markup, Person};
use crate::text::number;

/// Writes `feed` as compact JSON, with the field names and order of its `Serialize` impl.
pub fn feed_to_json(feed: &Feed<'_>) -> String {
    write_feed(feed, true)
}

/// The feed with `"entries":[]`: the wasm build appends the entries in bounded chunks ([`entry`]),
/// so that a 10 MB feed never holds a second 10 MB of JSON in linear memory.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) fn feed_head_json(feed: &Feed<'_>) -> String {
    write_feed(feed, false)
}

fn write_feed(feed: &Feed<'_>, with_entries: bool) -> String {
    let mut out = String::with_capacity(if with_entries { 4096 } else { 512 });
    let w = &mut out;
    w.push_str("{\"format\":");
    string(
        w,
        match feed.format {
            Format::Atom => "atom",
            Format::Rss2 => "rss2",
            Format::Rss1 => "rss1",
            Format::Json => "json",
        },
    );
    field(w, "title", feed.title.as_deref());
    field(w, "subtitle", feed.subtitle.as_deref());
    field(w, "link", feed.link.as_deref());
    field(w, "feedUrl", feed.feed_url.as_deref());
    field(w, "id", feed.id.as_deref());
    date(w, "updated", feed.updated.as_ref());
    field(w, "language", feed.language.as_deref());
    people(w, &feed.authors);
    field(w, "icon", feed.icon.as_deref());
    w.push_str(",\"entries\":[");
    for (i, e) in feed.entries.iter().enumerate().filter(|_| with_entries) {
        if i > 0 {
            w.push(',');
        }
        entry(w, e);
    }
    w.push_str("],\"warnings\":[");
    for (i, warning) in feed.warnings.iter().enumerate() {
        if i > 0 {
            w.push(',');
        }
        self::warning(w, warning);
    }
    w.push_str("]}");
    out
}

/// Appends one entry object.
pub(crate) fn entry(w: &mut String, e: &Entry<'_>) {
    w.push_str("{\"id\":");
    string(w, &e.id);
    field(w, "title", e.title.as_deref());
    field(w, "link", e.link.as_deref());
    date(w, "published", e.published.as_ref());
    date(w, "updated", e.updated.as_ref());
    field(w, "summary", e.summary_text().as_deref());
    w.push_str(",\"content\":");
    // Decoded once, for the value and for the thumbnail.
    let body: Option<Cow<'_, str>> = e
        .content
        .as_ref()
        .and_then(|c| c.body.as_ref())
        .map(|b| b.decoded());
    match &e.content {
        Some(c) => content(w, c, body.as_deref()),
        None => w.push_str("null"),
    }
    people(w, &e.authors);
    w.push_str(",\"categories\":[");
    for (i, c) in e.categories.iter().enumerate() {
        if i > 0 {
            w.push(',');
        }
        string(w, c);
    }
    w.push_str("],\"image\":");
    match crate::select::thumbnail_with(e, body.as_deref()) {
        Some(image) => self::image(w, &image),
        None => w.push_str("null"),
    }
    w.push('}');
}

fn content(w: &mut String, c: &Content<'_>, body: Option<&str>) {
    w.push_str("{\"type\":");
    string(
        w,
        match c.markup {
            Markup::Text => "text",
            Markup::Html => "html",
            Markup::Xhtml => "xhtml",
        },
    );
    field(w, "value", body);
    field(w, "src", c.src.as_deref());
    field(w, "base", c.base.as_deref());
    w.push('}');
}

fn people(w: &mut String, people: &[Person<'_>]) {
    w.push_str(",\"authors\":[");
    for (i, p) in people.iter().enumerate() {
        if i > 0 {
            w.push(',');
        }
        w.push_str("{\"name\":");
        string(w, &p.name);
        field(w, "uri", p.uri.as_deref());
        field(w, "email", p.email.as_deref());
        w.push('}');
    }
    w.push(']');
}

fn image(w: &mut String, image: &Image) {
    w.push_str("{\"url\":");
    string(w, &image.url);
    w.push_str(",\"width\":");
    optional_number(w, image.width);
    w.push_str(",\"height\":");
    optional_number(w, image.height);
    w.push('}');
}

fn warning(w: &mut String, warning: &Warning) {
    w.push_str("{\"message\":");
    string(w, &warning.message);
    w.push_str(",\"line\":");
    number(w, warning.line);
    w.push_str(",\"column\":");
    number(w, warning.column);
    w.push('}');
}

fn date(w: &mut String, name: &str, value: Option<&Date<'_>>) {
    let iso = value.map(Date::to_iso);
    field(w, name, iso.as_deref());
}

/// `,"name":"value"` or `,"name":null`.
fn field(w: &mut String, name: &str, value: Option<&str>) {
    w.push_str(",\"");
    w.push_str(name);
    w.push_str("\":");
    match value {
        Some(v) => string(w, v),
        None => w.push_str("null"),
    }
}

fn optional_number(w: &mut String, value: Option<u32>) {
    match value {
        Some(n) => number(w, n),
        None => w.push_str("null"),
    }
}

/// A JSON string literal: `"`, `\` and control characters escaped as serde_json does.
/// Runs without escapes are copied whole; the scan is a plain byte loop (this is the hot path of `parseFeed`).
fn string(w: &mut String, s: &str) {
    w.reserve(s.len() + 2);
    w.push('"');
    let mut rest = s;
    while let Some(at) = crate::find::json_special(rest.as_bytes()) {
        // `at` is an ASCII byte, so both cuts are on character boundaries.
        w.push_str(rest.get(..at).unwrap_or(""));
        let b = rest.as_bytes().get(at).copied().unwrap_or(b' ');
        match b {
            b'"' => w.push_str("\\\""),
            b'\\' => w.push_str("\\\\"),
            b'\n' => w.push_str("\\n"),
            b'\r' => w.push_str("\\r"),
            b'\t' => w.push_str("\\t"),
            0x08 => w.push_str("\\b"),
            0x0c => w.push_str("\\f"),
            _ => {
                w.push_str("\\u00");
                w.push(char::from(
                    HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'),
                ));
                w.push(char::from(
                    HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0'),
                ));
            }
        }
        rest = rest.get(at + 1..).unwrap_or("");
    }
    w.push_str(rest);
    w.push('"');
}

const HEX: &[u8; 16] = b"0123456789abcdef";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_like_serde_json() {
        let tricky = "a\"b\\c\nd\re\tf\u{8}\u{c}\u{1}\u{1f}\u{7f}é한\u{2028}😀";
        let mut out = String::new();
        string(&mut out, tricky);
        assert_eq!(out, serde_json::to_string(tricky).unwrap());
    }

    #[test]
    fn head_and_entry_chunks_make_the_whole_document() {
        let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
            <entry><id>1</id><title>A "quoted"</title><summary type="html">&lt;p&gt;x&lt;/p&gt;</summary></entry>
            <entry><id>2</id><content type="html">&lt;img src="https://e.x/a.png"&gt;</content></entry></feed>"#;
        let feed =
            crate::parse::parse_str(xml, &Default::default(), crate::platform_decode).unwrap();
        let mut entries = String::new();
        for (i, e) in feed.entries.iter().enumerate() {
            entries.push_str(if i == 0 { "" } else { "," });
            entry(&mut entries, e);
        }
        let whole =
            feed_head_json(&feed).replace("\"entries\":[]", &format!("\"entries\":[{entries}]"));
        assert_eq!(whole, feed_to_json(&feed));
        assert_eq!(whole, serde_json::to_string(&feed).unwrap());
    }
}
