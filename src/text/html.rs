//! HTML to plain text: a tolerant tokenizer over untrusted markup, hidden and block elements, whitespace collapsing.

use std::borrow::Cow;

use super::entities::decode_entities;

/// Collapses every run of Unicode whitespace (including U+00A0 and U+3000) into one
/// ASCII space and trims both ends; borrows when the text is already clean.
pub fn collapse_whitespace(s: &str) -> Cow<'_, str> {
    let mut after_space = true; // so a leading space counts as dirty
    let clean = s.chars().all(|c| {
        let ok = if c == ' ' {
            !after_space
        } else {
            !c.is_whitespace()
        };
        after_space = c == ' ';
        ok
    }) && !s.ends_with(' ');
    if clean {
        return Cow::Borrowed(s);
    }
    let mut sink = Sink::default();
    sink.push(s);
    Cow::Owned(sink.out)
}

/// Accumulates text with whitespace collapsed on the fly, so `html_to_text` needs one buffer.
#[derive(Default)]
struct Sink {
    out: String,
    gap: bool,
}

impl Sink {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.gap = true;
            } else {
                if self.gap && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.gap = false;
                self.out.push(c);
            }
        }
    }
}

/// Converts an HTML fragment to plain text.
///
/// Tags, comments, doctypes and processing instructions are removed; the contents of
/// script, style, template, noscript, iframe, object, svg, math, head and title are
/// dropped; CDATA contents are kept verbatim; block-level tags and `<br>` separate
/// words; text is entity-decoded exactly once and whitespace collapsed. A `<` not
/// followed by a letter, `/`, `!` or `?` is literal text, and an unclosed tag at the
/// end is dropped.
///
/// # Examples
///
/// ```
/// use feedlet::html_to_text;
/// assert_eq!(html_to_text("<p>Caf&eacute;</p><p>au <b>lait</b></p><script>x()</script>"), "Café au lait");
/// assert_eq!(html_to_text("a < b &amp;&amp; <a title='x>y'>c</a>"), "a < b && c");
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut sink = Sink {
        out: String::with_capacity(html.len().min(1 << 16)),
        gap: false,
    };
    for tok in Tokens(html, HIDDEN) {
        match tok {
            Tok::Text(t) => sink.push(&decode_entities(t)),
            Tok::Cdata(t) => sink.push(t),
            Tok::Start(name, _) | Tok::End(name) => {
                if is_one_of(name, BLOCK) {
                    sink.gap = true;
                }
            }
        }
    }
    sink.out
}

/// Elements whose content never reaches the reader as text.
#[rustfmt::skip]
pub(super) const HIDDEN: &[&str] =
    &["script", "style", "template", "noscript", "iframe", "object", "svg", "math", "head", "title"];

/// Elements whose bodies are never markup of the page itself (raw text, or an inert or embedded document):
/// what a reader of a whole page's tags skips, keeping `<head>` and its `<link>`s.
const RAW: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "object", "svg", "math", "title",
    "textarea", "xmp",
];

/// Tags that render as a line or box break, so adjacent words must not merge.
#[rustfmt::skip]
const BLOCK: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "nav", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul",
];

fn is_one_of(name: &str, set: &[&str]) -> bool {
    set.iter().any(|k| name.eq_ignore_ascii_case(k))
}

pub(super) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let (head, tail) = s.split_at_checked(prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then_some(tail)
}

/// The start tags of an HTML document, read without running anything: each tag's name as written and its
/// attributes (names as written, values entity-decoded once, the first of duplicates kept as HTML does).
/// Comments are skipped, and the bodies of script, style, template and the other hidden elements are never read.
pub fn start_tags(html: &str) -> impl Iterator<Item = (&str, Vec<(&str, Cow<'_, str>)>)> {
    Tokens(html, RAW).filter_map(|token| match token {
        Tok::Start(name, attrs) => {
            let mut cur = attrs;
            let mut self_closed = false;
            let mut list: Vec<(&str, Cow<'_, str>)> = Vec::new();
            while let Some((key, value)) = next_attr(&mut cur, &mut self_closed) {
                if !list.iter().any(|(k, _)| k.eq_ignore_ascii_case(key)) {
                    list.push((key, super::entities::decode(value, true)));
                }
            }
            Some((name, list))
        }
        _ => None,
    })
}

/// A lexical piece of HTML; names and attribute text borrow from the input.
pub(super) enum Tok<'a> {
    /// Raw text, still entity-encoded.
    Text(&'a str),
    Cdata(&'a str),
    /// Tag name and the raw attribute text.
    Start(&'a str, &'a str),
    End(&'a str),
}

/// A forgiving single-pass HTML tokenizer; comments and the like are skipped, and the
/// bodies of the elements in its list (`HIDDEN` for text, `RAW` for a page's tags) are jumped over so no consumer sees them.
pub(super) struct Tokens<'a>(pub(super) &'a str, pub(super) &'static [&'static str]);

impl<'a> Iterator for Tokens<'a> {
    type Item = Tok<'a>;

    fn next(&mut self) -> Option<Tok<'a>> {
        loop {
            let s = self.0;
            if s.is_empty() {
                return None;
            }
            let lt = s.find('<').unwrap_or(s.len());
            if lt > 0 {
                let (text, rest) = s.split_at_checked(lt)?;
                self.0 = rest;
                return Some(Tok::Text(text));
            }
            let (tok, rest) = markup(s, self.1);
            self.0 = rest;
            if tok.is_some() {
                return tok;
            }
        }
    }
}

/// Lexes the markup at `s` (which starts with `<`); returns the token, if any, and the rest.
fn markup<'s>(s: &'s str, hidden: &[&str]) -> (Option<Tok<'s>>, &'s str) {
    let after = s.get(1..).unwrap_or("");
    let mut chars = after.chars();
    match chars.next() {
        Some('!') => {
            // Searching from the dashes makes `<!-->` and `<!--->` empty comments, as in HTML5.
            if let Some(body) = after.get(1..).filter(|b| b.starts_with("--")) {
                return (None, past(body, "-->"));
            }
            if let Some(body) = strip_prefix_ci(after, "![CDATA[") {
                let (text, rest) = crate::find::split_once(body, "]]>").unwrap_or((body, ""));
                return (Some(Tok::Cdata(text)), rest);
            }
            (None, past(after, ">"))
        }
        Some('?') => (None, past(after, ">")),
        Some('/') => {
            let tail = chars.as_str();
            if tail.starts_with(|c: char| c.is_ascii_alphabetic()) {
                match tag(tail) {
                    Some((name, _, _, rest)) => (Some(Tok::End(name)), rest),
                    None => (None, ""),
                }
            } else {
                // `</>` and `</ x>` vanish like comments in browsers.
                (None, past(tail, ">"))
            }
        }
        Some(c) if c.is_ascii_alphabetic() => match tag(after) {
            Some((name, attrs, self_closed, rest)) => {
                let rest = if !self_closed && is_one_of(name, hidden) {
                    skip_to_close(rest, name)
                } else {
                    rest
                };
                (Some(Tok::Start(name, attrs)), rest)
            }
            None => (None, ""),
        },
        _ => (Some(Tok::Text(s.get(..1).unwrap_or(""))), after),
    }
}

/// The text after the first `pat`, or nothing when it never closes.
fn past<'a>(s: &'a str, pat: &str) -> &'a str {
    crate::find::split_once(s, pat).map_or("", |(_, rest)| rest)
}

/// Lexes `name attrs>` (after `<` or `</`) into (name, raw attributes, self-closing, rest).
/// Returns None when the tag never closes.
fn tag(s: &str) -> Option<(&str, &str, bool, &str)> {
    let n = s
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(s.len());
    let (name, region) = s.split_at_checked(n)?;
    let mut cur = region;
    let mut self_closed = false;
    while next_attr(&mut cur, &mut self_closed).is_some() {}
    let attrs = region.get(..region.len() - cur.len())?;
    let rest = cur.strip_prefix('>')?;
    Some((name, attrs, self_closed, rest))
}

/// Reads one attribute from `cur`, advancing it; None at `>` or the end. Quotes only
/// open after `=`, as in HTML5, so `alt=don't` does not swallow the document.
pub(super) fn next_attr<'a>(
    cur: &mut &'a str,
    self_closed: &mut bool,
) -> Option<(&'a str, &'a str)> {
    let s = cur.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
    *self_closed = cur
        .get(..cur.len() - s.len())
        .is_some_and(|skipped| skipped.ends_with('/'));
    *cur = s;
    if s.starts_with('>') {
        return None;
    }
    let mut it = s.char_indices();
    it.next()?; // the first character is always part of the name, even `=`
    let end = it
        .find(|&(_, c)| c.is_ascii_whitespace() || matches!(c, '/' | '>' | '='))
        .map_or(s.len(), |(i, _)| i);
    let (name, s) = s.split_at_checked(end)?;
    *cur = s;
    let Some(v) = s
        .trim_start_matches(|c: char| c.is_ascii_whitespace())
        .strip_prefix('=')
    else {
        return Some((name, ""));
    };
    let v = v.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let (value, rest) = match v.chars().next() {
        Some(q @ ('"' | '\'')) => {
            let body = v.get(1..).unwrap_or("");
            body.split_once(q).unwrap_or((body, ""))
        }
        _ => {
            let e = v
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(v.len());
            v.split_at_checked(e)?
        }
    };
    *cur = rest;
    Some((name, value))
}

/// Skips a hidden element's body to its `</name`; without one the rest is dropped, as
/// browsers do for unclosed script. Nesting is ignored: same-name nesting is rare here.
fn skip_to_close<'a>(s: &'a str, name: &str) -> &'a str {
    let mut from = s;
    while let Some(i) = crate::find::str_at(from, "</") {
        let cand = from.get(i..).unwrap_or("");
        let after = cand.get(2..).unwrap_or("");
        if let Some(t) = strip_prefix_ci(after, name) {
            if t.chars()
                .next()
                .is_none_or(|c| c.is_ascii_whitespace() || c == '/' || c == '>')
            {
                return cand;
            }
        }
        from = after;
    }
    ""
}
