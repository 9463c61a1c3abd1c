//! RSS constructs (0.9x, 1.0 and 2.0, with Dublin Core and iTunes): titles that may be HTML, and people as `email (Name)`.

use std::borrow::Cow;

use super::media::starts_with_ignore_case;
use super::names::{local_name, split_at_byte, Ns};
use super::reader::{Token, XmlReader};
use super::Parser;
use crate::model::{Markup, Person};

impl<'a> Parser<'a, '_> {
    /// An RSS `<author>` (or `dc:creator`) as text. One with child elements
    /// (`<author><name>A</name><title>VP</title></author>`) gives its `<name>` only, with a warning:
    /// every child's text run together is not a name.
    pub(super) fn author_text(&mut self, raw: &'a str, at: usize) -> Cow<'a, str> {
        if memchr::memchr(b'<', raw.as_bytes()).is_some() {
            let mut scan = XmlReader::new(raw);
            loop {
                match scan.next() {
                    Token::Start(e)
                        if !e.empty && local_name(e.name).eq_ignore_ascii_case("name") =>
                    {
                        if let Ok((start, end)) = scan.read_to_end(e.name) {
                            let name = self.text(raw.get(start..end).unwrap_or(""), Markup::Text);
                            if !name.is_empty() {
                                self.warn("an author holds elements; only its <name> was read", at);
                                return name;
                            }
                        }
                        break;
                    }
                    Token::Eof | Token::Error(_) => break,
                    _ => {}
                }
            }
        }
        self.text(raw, Markup::Text)
    }

    /// An RSS (or Dublin Core) title is HTML only when it looks like HTML once XML is decoded: a known lowercase
    /// tag or a character reference (double escaping). Otherwise it is text, so `Optional&lt;T&gt;` keeps its `<T>`.
    /// Atom titles say what they are with `type`.
    pub(super) fn title_markup(&self, raw: &str, ns: Ns, declared: Markup) -> Markup {
        if ns == Ns::Atom {
            return declared;
        }
        let decoded =
            crate::text::unescape_xml_with(raw, &self.entities, self.options.max_text_bytes);
        if looks_like_html(&decoded) {
            Markup::Html
        } else {
            Markup::Text
        }
    }
}

/// True when text holds a common HTML tag (`<p>`, `</b>`, `<br/>`, lowercase as feeds write them) or a
/// character reference; a generic type such as `List<String>` or `Vec<T>` is not HTML.
pub(super) fn looks_like_html(text: &str) -> bool {
    #[rustfmt::skip]
    const TAGS: &[&str] = &[
        "a", "abbr", "b", "big", "blockquote", "br", "cite", "code", "del", "div", "em", "font", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
        "small", "span", "strike", "strong", "sub", "sup", "table", "td", "th", "tr", "tt", "u", "ul", "wbr",
    ];
    let mut rest = text;
    while let Some(at) = rest.find(['<', '&']) {
        let tail = rest.get(at..).unwrap_or("");
        rest = tail.get(1..).unwrap_or("");
        if tail.starts_with('&') {
            let name_end = rest.find(';').unwrap_or(usize::MAX);
            let name = rest.get(..name_end).unwrap_or("");
            let named = !name.is_empty()
                && name.len() <= 32
                && name.bytes().all(|b| b.is_ascii_alphanumeric());
            let numeric = name.strip_prefix('#').is_some_and(|n| {
                let digits = n.strip_prefix(['x', 'X']).unwrap_or(n);
                !digits.is_empty()
                    && digits.len() <= 8
                    && digits.bytes().all(|b| b.is_ascii_hexdigit())
            });
            if named || numeric {
                return true;
            }
            continue;
        }
        let name = rest.strip_prefix('/').unwrap_or(rest);
        let end = name
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(name.len());
        let (tag, after) = name.split_at_checked(end).unwrap_or(("", ""));
        if TAGS.contains(&tag)
            && (after.starts_with(['>', '/', ' ', '\t', '\n']) || after.is_empty())
        {
            return true;
        }
    }
    false
}

/// RSS `author` is often `email (Name)` or `Name <email>`.
pub(super) fn rss_person(text: Cow<'_, str>) -> Person<'_> {
    match name_and_email(&text) {
        Some((name, email)) => Person {
            name: Cow::Owned(name.to_owned()),
            uri: None,
            email: Some(Cow::Owned(email.to_owned())),
        },
        None => Person {
            name: text,
            uri: None,
            email: None,
        },
    }
}

/// The name and email in `email (Name)`, `Name (email)` or `Name <email>`, if the text is one of those.
/// Byte searches: every delimiter is ASCII.
fn name_and_email(text: &str) -> Option<(&str, &str)> {
    let trimmed = text.trim();
    let has_at = |s: &str| s.as_bytes().contains(&b'@');
    if let Some((before, rest)) = split_at_byte(trimmed, b'(') {
        let inside = trim_end_byte(rest.trim_end(), b')').trim();
        let before = before.trim();
        // `email (Name)` as the RSS spec writes it, or `Name (email)` as many feeds do.
        let (name, email) = if has_at(before) {
            (inside, before)
        } else {
            let mut email = inside;
            while let Some(rest) = email.strip_prefix("mailto:") {
                email = rest;
            }
            (before, email)
        };
        if !name.is_empty() && !has_at(name) && has_at(email) {
            return Some((name, email));
        }
    }
    let (name, rest) = split_at_byte(trimmed, b'<')?;
    let email = trim_end_byte(rest.trim_end(), b'>').trim();
    let name = name.trim();
    (!name.is_empty() && has_at(email)).then_some((name, email))
}

/// Removes every trailing `byte` (ASCII).
fn trim_end_byte(mut s: &str, byte: u8) -> &str {
    while s.as_bytes().last() == Some(&byte) {
        s = s.get(..s.len().saturating_sub(1)).unwrap_or("");
    }
    s
}

/// Whether a URL starts with `http://` or `https://`, in any case.
pub(super) fn is_http(s: &str) -> bool {
    starts_with_ignore_case(s, "http://") || starts_with_ignore_case(s, "https://")
}
