//! Atom constructs (RFC 4287 and Atom 0.3): text types, links and the choice among them, persons, content.

use std::borrow::Cow;

use super::names::{attr_of, local_name, Attr, Field, Ns};
use super::reader::Tag;
use super::rss::looks_like_html;
use super::Parser;
use crate::model::{Content, Entry, Escape, LazyText, Markup, Person};
use crate::text::dimension;
use crate::url::safe_url;

/// A `<link>` seen in Atom style (attributes), for choosing the entry's or feed's link afterwards.
pub(super) struct LinkCandidate {
    pub(super) rel: String,
    pub(super) mime: String,
    pub(super) href: String,
    pub(super) width: Option<u32>,
    pub(super) height: Option<u32>,
}

impl<'a> Parser<'a, '_> {
    /// The markup an Atom text construct declares (`type`, or Atom 0.3 `mode`).
    pub(super) fn atom_markup(&self, attrs: &[Attr<'_>]) -> Markup {
        let kind = attr_of(attrs, "", "type").unwrap_or("text").trim();
        let is = |name: &str| kind.eq_ignore_ascii_case(name);
        if is("xhtml") || is("application/xhtml+xml") {
            return Markup::Xhtml;
        }
        if is("html") || is("text/html") || attr_of(attrs, "", "mode") == Some("escaped") {
            return Markup::Html;
        }
        Markup::Text
    }

    /// RSS titles and descriptions are HTML in practice; Atom says so with `type`.
    pub(super) fn field_markup(&mut self, e: &Tag<'a>, ns: Ns) -> Markup {
        if ns == Ns::Atom {
            let attrs = self.attributes(e);
            self.atom_markup(&attrs)
        } else {
            Markup::Html
        }
    }

    /// An Atom `<link>` (or an RSS `<link href>`): its URL resolved against `xml:base` and checked, with its
    /// `rel`, type and size; `None` without a usable `href`.
    pub(super) fn atom_link(&mut self, e: &Tag<'a>) -> Option<LinkCandidate> {
        let attrs = self.attributes(e);
        let href = attr_of(&attrs, "", "href")?;
        let base = self.base_for(&attrs);
        let at = self.offset();
        // An empty reference is the base itself (RFC 3986 §5.2.2), when there is one.
        let href = if href.trim().is_empty() {
            base.as_deref().and_then(|b| safe_url(None, b))?
        } else {
            self.url(href, base.as_deref(), at)?
        };
        Some(LinkCandidate {
            rel: attr_of(&attrs, "", "rel")
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase(),
            mime: attr_of(&attrs, "", "type")
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase(),
            href,
            width: attr_of(&attrs, "", "width").and_then(dimension),
            height: attr_of(&attrs, "", "height").and_then(dimension),
        })
    }

    /// An Atom person construct (`<author>`, `<contributor>`): name, URI, email; `None` when it names nobody.
    pub(super) fn atom_person(&mut self, e: &Tag<'a>) -> Option<Person<'a>> {
        self.enter(e);
        let mut person = Person::default();
        while let Some((child, empty, at)) = self.next_child(e.name) {
            let (_, local) = self.namespace(child.name);
            let raw = self.leaf(&child, empty, at);
            match local {
                "name" => person.name = self.text(raw, Markup::Text),
                "uri" | "url" => person.uri = self.url_text(raw, at).map(Cow::Owned),
                "email" => person.email = self.plain(raw),
                _ => {}
            }
        }
        self.leave();
        if person.name.is_empty() {
            person.name = person.email.clone().or(person.uri.clone())?;
        }
        Some(person)
    }

    /// Atom `<content>` (markup from `type`, maybe a `src`) or RSS `<content:encoded>` (HTML):
    /// sets the entry's content when there is a body or a `src`.
    pub(super) fn content(
        &mut self,
        entry: &mut Entry<'a>,
        e: &Tag<'a>,
        empty: bool,
        at: usize,
        field: Field,
    ) {
        let attrs = self.attributes(e);
        let atom = field == Field::Content;
        let markup = match field {
            Field::Content => self.atom_markup(&attrs),
            Field::XhtmlBody => Markup::Xhtml,
            _ => Markup::Html,
        };
        let base = self.base_for(&attrs).or(self.feed_link.clone());
        let src = match attr_of(&attrs, "", "src").filter(|_| atom) {
            Some(src) => self.url(src, base.as_deref(), at).map(Cow::Owned),
            None => None,
        };
        let raw = self.leaf(e, empty, at);
        let body = if atom {
            self.atom_body(&attrs, raw, markup, at)
        } else {
            self.body(raw, markup)
        };
        if body.is_some() || src.is_some() {
            entry.content = Some(Content {
                markup: body.as_ref().map_or(markup, LazyText::markup),
                body,
                src,
                base: base.map(Cow::Owned),
            });
        }
    }
}

impl<'a> Parser<'a, '_> {
    /// An Atom text body: base64 when Atom 0.3 says `mode="base64"` or Atom 1.0's `type` is a media type
    /// that is neither text nor XML (RFC 4287 §4.1.3.3). Decoded base64 that is UTF-8 is kept as text (or
    /// HTML, when the type says so); anything else (an image, a broken encoding) is dropped with a warning.
    pub(super) fn atom_body(
        &mut self,
        attrs: &[Attr<'_>],
        raw: &'a str,
        markup: Markup,
        at: usize,
    ) -> Option<LazyText<'a>> {
        if !is_base64(attrs) {
            return self.body(raw, markup);
        }
        let encoded = self.text_as(raw, Markup::Text);
        let Some(bytes) = decode_base64(&encoded) else {
            // Not base64 at all (`application/json` written as it is): the text as written.
            return self.body(raw, Markup::Text);
        };
        match String::from_utf8(bytes) {
            Ok(text) if !text.trim().is_empty() => {
                // The media type says nothing about markup: decoded HTML is read as HTML.
                let markup = if markup == Markup::Html || looks_like_html(&text) {
                    Markup::Html
                } else {
                    Markup::Text
                };
                Some(LazyText::new(Cow::Owned(text), Escape::None, markup))
            }
            Ok(_) => None,
            Err(_) => {
                // Binary media has nothing to show; any other type's text that only looked like base64
                // (`<title type="application/x-custom">test</title>`) is shown as written.
                let kind = attr_of(attrs, "", "type").unwrap_or("").trim();
                let binary = ["image/", "audio/", "video/", "font/"]
                    .iter()
                    .any(|p| super::media::starts_with_ignore_case(kind, p));
                if binary {
                    self.warn("a base64 body that is not text was dropped", at);
                    None
                } else {
                    self.body(raw, Markup::Text)
                }
            }
        }
    }

    /// An Atom title or subtitle in base64 (`mode="base64"`, or a non-text media type) as text; `None` when
    /// it is not base64.
    pub(super) fn atom_base64_text(
        &mut self,
        e: &Tag<'a>,
        raw: &'a str,
    ) -> Option<Option<Cow<'a, str>>> {
        let attrs = self.attributes(e);
        if !is_base64(&attrs) {
            return None;
        }
        let at = self.offset();
        let body = self.atom_body(&attrs, raw, Markup::Text, at);
        Some(
            body.map(|b: LazyText<'a>| Cow::<'a, str>::Owned(b.plain_text().into_owned()))
                .filter(|t| !t.is_empty()),
        )
    }
}

/// Whether an Atom text element is base64: Atom 0.3 `mode="base64"`, or a media type that is neither text nor XML.
fn is_base64(attrs: &[Attr<'_>]) -> bool {
    attr_of(attrs, "", "mode").is_some_and(|m| m.trim() == "base64")
        || is_base64_type(attr_of(attrs, "", "type").unwrap_or("").trim())
}

impl Parser<'_, '_> {}

/// A media type (not Atom's `text`, `html`, `xhtml`) that is neither `text/*` nor XML: its body is base64.
fn is_base64_type(kind: &str) -> bool {
    let kind = kind.to_ascii_lowercase();
    let kind = kind.split(';').next().unwrap_or("").trim();
    kind.contains('/')
        && !kind.starts_with("text/")
        && !kind.ends_with("+xml")
        && !kind.ends_with("/xml")
        && kind != "application/xml-dtd"
        && kind != "application/json"
        && !kind.ends_with("+json")
}

/// Standard base64 (RFC 4648 §4), whitespace ignored, padding optional; `None` for any other byte.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let mut acc: u32 = 0;
    let mut bits = 0u32;
    for byte in text.bytes() {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => break,
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            _ => return None,
        };
        acc = ((acc << 6) | u32::from(value)) & 0xFF_FFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((acc >> bits) & 0xFF).unwrap_or(0));
        }
    }
    Some(out)
}

/// Atom's order: an HTML alternate, then a link with no rel, then the first link that is not `self`.
pub(super) fn choose_link(links: &[LinkCandidate]) -> Option<&str> {
    let html = |m: &str| m.is_empty() || m == "text/html" || m == "application/xhtml+xml";
    // Each link's place in that order (4: never); the first link of the best place wins.
    let rank = |l: &LinkCandidate| match l.rel.as_str() {
        "alternate" if html(&l.mime) => 0,
        "" => 1,
        "alternate" => 2,
        "self" | "enclosure" | "hub" | "replies" | "edit" => 4,
        _ => 3,
    };
    let mut best: Option<(&LinkCandidate, u8)> = None;
    for link in links {
        let place = rank(link);
        if place < 4 && best.is_none_or(|(_, held)| place < held) {
            best = Some((link, place));
        }
    }
    best.map(|(l, _)| l.href.as_str())
}

/// Atom xhtml content is wrapped in one `<div>` that is not part of the content.
pub(super) fn strip_xhtml_div(raw: &str) -> &str {
    let trimmed = raw.trim();
    let Some(after_open) = trimmed.strip_prefix("<") else {
        return raw;
    };
    let name_end = after_open
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(after_open.len());
    let name = after_open.get(..name_end).unwrap_or("");
    if local_name(name) != "div" {
        return raw;
    }
    let Some(open_end) = after_open.find('>') else {
        return raw;
    };
    let inner = after_open.get(open_end.saturating_add(1)..).unwrap_or("");
    match crate::find::last_str_at(inner, "</") {
        Some(close) => inner.get(..close).unwrap_or(inner),
        None => inner,
    }
}
