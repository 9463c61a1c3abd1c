//! Leaf values: a leaf's raw text decoded to text, a lazy body, a date or a checked URL.

use std::borrow::Cow;

use super::atom::strip_xhtml_div;
use super::names::{attr_of, Ns};
use super::reader::Tag;
use super::Parser;
use crate::model::{Date, Escape, LazyText, Markup};
use crate::text::{collapse_whitespace, html_to_text};
use crate::url::safe_url;

impl<'a> Parser<'a, '_> {
    /// A URL read from the feed, resolved against `base` (else the element's base) and checked; a refused one
    /// is dropped with a warning.
    pub(super) fn url(&mut self, raw: &str, base: Option<&str>, at: usize) -> Option<String> {
        let raw = raw.trim();
        if raw.is_empty() {
            return None;
        }
        let url = safe_url(base.or(self.current_base()), raw);
        if url.is_none() {
            self.warn("a link that is not http(s) was dropped", at);
        }
        url
    }

    /// Decodes a leaf to text of the given markup, eagerly (for short fields: titles, names, ids).
    pub(super) fn text(&self, raw: &'a str, markup: Markup) -> Cow<'a, str> {
        self.text_as(raw, naked_markup(raw, markup))
    }

    /// Decodes a leaf as exactly the markup given (ids and dates keep naked markup as written).
    pub(super) fn text_as(&self, raw: &'a str, markup: Markup) -> Cow<'a, str> {
        let decoded = if markup == Markup::Xhtml {
            Cow::Borrowed(raw)
        } else {
            crate::text::unescape_xml_with(raw, &self.entities, self.options.max_text_bytes)
        };
        match markup {
            Markup::Html => Cow::Owned(html_to_text(&decoded)),
            Markup::Xhtml => Cow::Owned(html_to_text(&crate::text::xhtml_to_html(&decoded))),
            Markup::Text => match decoded {
                Cow::Borrowed(b) => collapse_whitespace(b),
                Cow::Owned(o) => Cow::Owned(collapse_whitespace(&o).into_owned()),
            },
        }
    }

    /// Keeps a body as a raw slice, to be decoded only if shown.
    pub(super) fn lazy(&self, raw: &'a str, markup: Markup) -> LazyText<'a> {
        let markup = naked_markup(raw, markup);
        if markup == Markup::Xhtml {
            return LazyText::new(Cow::Borrowed(strip_xhtml_div(raw)), Escape::None, markup);
        }
        if self.entities.is_empty() {
            LazyText::new(Cow::Borrowed(raw), Escape::Xml, markup)
        } else {
            let decoded =
                crate::text::unescape_xml_with(raw, &self.entities, self.options.max_text_bytes);
            LazyText::new(Cow::Owned(decoded.into_owned()), Escape::None, markup)
        }
    }

    /// A leaf as plain text (whitespace collapsed, markup kept as written); `None` when empty.
    pub(super) fn plain(&self, raw: &'a str) -> Option<Cow<'a, str>> {
        let text = self.text_as(raw, Markup::Text);
        (!text.is_empty()).then_some(text)
    }

    /// Puts the leaf's date, if it has one, in `slot`: over what is there when `replace`, else only if empty.
    pub(super) fn put_date(
        &mut self,
        slot: &mut Option<Date<'a>>,
        raw: &'a str,
        replace: bool,
        at: usize,
    ) {
        if replace || slot.is_none() {
            if let Some(date) = self.date(raw, at) {
                *slot = Some(date);
            }
        }
    }

    /// A leaf as a date (kept raw too, whatever its form); `None` when empty. A date that cannot be read is
    /// kept as text for display, with a warning: it is never sorted by.
    pub(super) fn date(&mut self, raw: &'a str, at: usize) -> Option<Date<'a>> {
        let text = self.plain(raw)?;
        let date = Date::parse(text);
        if date.timestamp.is_none() {
            self.warn("a date feedlet could not read is shown as written", at);
        }
        Some(date)
    }

    /// A body kept raw (`LazyText`); `None` when it is blank.
    pub(super) fn body(&self, raw: &'a str, markup: Markup) -> Option<LazyText<'a>> {
        (!raw.trim().is_empty()).then(|| self.lazy(raw, markup))
    }

    /// A title (or an RSS category): its markup as declared or guessed, decoded to text; `None` when empty.
    pub(super) fn title_text(&mut self, e: &Tag<'a>, raw: &'a str, ns: Ns) -> Option<Cow<'a, str>> {
        if ns == Ns::Atom {
            if let Some(text) = self.atom_base64_text(e, raw) {
                return text;
            }
        }
        let markup = self.field_markup(e, ns);
        let markup = self.title_markup(raw, ns, markup);
        Some(self.text(raw, markup)).filter(|t| !t.is_empty())
    }

    /// A feed's subtitle decoded to text eagerly; `None` when empty.
    pub(super) fn described_text(
        &mut self,
        e: &Tag<'a>,
        raw: &'a str,
        ns: Ns,
    ) -> Option<Cow<'a, str>> {
        if ns == Ns::Atom {
            if let Some(text) = self.atom_base64_text(e, raw) {
                return text;
            }
        }
        let markup = self.field_markup(e, ns);
        Some(self.text(raw, markup)).filter(|t| !t.is_empty())
    }

    /// A leaf whose text is a URL (`<link>`, `<icon>`, `<url>`, `<uri>`), resolved and checked.
    pub(super) fn url_text(&mut self, raw: &'a str, at: usize) -> Option<String> {
        let text = self.text(raw, Markup::Text);
        self.url(&text, None, at)
    }

    /// An attribute that holds a URL (`<itunes:image href>`), resolved and checked.
    pub(super) fn attr_url(&mut self, e: &Tag<'a>, name: &str, at: usize) -> Option<String> {
        let attrs = self.attributes(e);
        let value = attr_of(&attrs, "", name)?;
        self.url(value, None, at)
    }
}

/// A text field that holds child elements (naked markup such as `<title><b>x</b></title>`) is inline XHTML:
/// its markup is stripped and its text decoded once, as for `type="xhtml"`.
fn naked_markup(raw: &str, markup: Markup) -> Markup {
    if markup != Markup::Text {
        return markup;
    }
    let mut rest = raw;
    while let Some(at) = memchr::memchr(b'<', rest.as_bytes()) {
        let tail = rest.get(at..).unwrap_or("");
        if let Some(body) = tail.strip_prefix("<![CDATA[") {
            rest = crate::find::split_once(body, "]]>").map_or("", |(_, after)| after);
        } else if tail
            .get(1..)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| c.is_ascii_alphabetic())
        {
            return Markup::Xhtml;
        } else {
            rest = tail.get(1..).unwrap_or("");
        }
    }
    Markup::Text
}
