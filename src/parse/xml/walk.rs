//! The element walk: child by child, leaf bodies as raw slices, and recovery from broken markup.

use super::names::{attr_present, Field, Ns};
use super::reader::{Broken, Tag, Token, XmlReader};
use super::Parser;
use crate::text::{cat, decimal};

impl<'a> Parser<'a, '_> {
    /// Where the reader is: the start of the next token.
    pub(super) fn offset(&self) -> usize {
        self.reader.position()
    }

    /// Restarts reading at `offset` of the input: to read an end tag again from the parent (recovery),
    /// or to continue after an end tag that closed an unclosed element.
    pub(super) fn reset(&mut self, offset: usize) {
        self.repairs = self.repairs.saturating_add(1);
        self.reader.seek(offset);
    }

    /// Records a reader error and decides whether reading can go on past it.
    pub(super) fn reader_error(&mut self, error: Broken) {
        let offset = self.reader.error_at();
        let message = match error {
            Broken::Syntax => "malformed XML: a tag, comment or CDATA section is not closed",
            Broken::IllFormed => "malformed XML: tags do not match or a reference is broken",
        };
        self.warn(message, offset);
        self.errors = self.errors.saturating_add(1);
        self.repairs = self.repairs.saturating_add(1);
        let now = self.offset();
        let stuck = self.last_error_at == Some(now);
        self.last_error_at = Some(now);
        if stuck || self.errors > 50 || now >= self.input.len() {
            self.stopped = true;
        }
    }

    /// Reads tokens until the next child element of the current container; `None` at its end.
    pub(super) fn next_child(&mut self, end: &str) -> Option<(Tag<'a>, bool, usize)> {
        while !self.stopped {
            let before = self.offset();
            match self.reader.next() {
                Token::Start(e) => return Some((e, e.empty, before)),
                Token::End(name) if name == end => return None,
                Token::End(name) => {
                    // An ancestor's end tag (`</channel>` inside an unclosed `<item>`) closes this element too:
                    // leave it to be read again by the parent.
                    let outer = self.open.len().saturating_sub(1);
                    if self.open.iter().take(outer).any(|open| *open == name) {
                        self.warn("an element is not closed before its parent ends", before);
                        self.reset(before);
                        return None;
                    }
                }
                Token::Eof => {
                    self.warn(cat(&["the document ends before </", end, ">"]), before);
                    self.stopped = true;
                    return None;
                }
                Token::Error(error) => self.reader_error(error),
                Token::Text(_) | Token::Reference | Token::DocType(_) | Token::Other => {}
            }
        }
        None
    }

    /// Looks a child element up in a level's table; a leaf field's raw text is read (and its end tag consumed)
    /// here, once for every field. Returns the field, the element's namespace and local name, and the text.
    pub(super) fn field(
        &mut self,
        table: &[(Ns, &[(&str, Field)])],
        e: &Tag<'a>,
        empty: bool,
        at: usize,
    ) -> (Field, Ns, &'a str, &'a str) {
        let (ns, local) = self.namespace(e.name);
        // The namespace first, then a handful of names: a short scan per element.
        let mut field = table
            .iter()
            .find(|(n, _)| *n == ns)
            .and_then(|(_, names)| names.iter().find(|(l, _)| *l == local))
            .map_or(Field::Skip, |(_, field)| *field);
        if field == Field::Skip && ns != Ns::Atom {
            field = self.field_in_any_case(table, ns, local, at);
        }
        if empty && field.is_container() {
            field = Field::Skip;
        }
        // An RSS `<link>` with an `href` is an Atom link that forgot its namespace; an Atom 0.3 `<link>`
        // with no `href` but text holds its URL as text, as RSS does.
        if field == Field::RssLink && attr_present(e, "href") {
            field = Field::Link;
        } else if field == Field::Link && !empty && !attr_present(e, "href") {
            field = Field::RssLink;
        }
        let raw = if field.is_leaf() {
            self.leaf(e, empty, at)
        } else {
            ""
        };
        (field, ns, local, raw)
    }

    /// An RSS, Dublin Core or iTunes name in the wrong case (`<pubdate>`, `<PubDate>`, `<Title>`,
    /// `<ITUNES:AUTHOR>`): no two names of a table differ only in case, so the name claims its field.
    /// Atom is case-sensitive and its feeds spell it right. One warning per document is enough.
    fn field_in_any_case(
        &mut self,
        table: &[(Ns, &[(&str, Field)])],
        ns: Ns,
        local: &str,
        at: usize,
    ) -> Field {
        let field = table
            .iter()
            .find(|(n, _)| *n == ns)
            .and_then(|(_, names)| names.iter().find(|(l, _)| l.eq_ignore_ascii_case(local)))
            .map_or(Field::Skip, |(_, field)| *field);
        if field != Field::Skip && !self.case_warned {
            self.case_warned = true;
            self.warn(
                "element names in the wrong case (such as <pubdate>) were read as the usual names",
                at,
            );
        }
        field
    }

    /// The raw inner text of a leaf element, cut to the text limit; consumes its end tag.
    pub(super) fn leaf(&mut self, e: &Tag<'a>, empty: bool, at: usize) -> &'a str {
        if empty {
            return "";
        }
        let content_start = self.offset();
        // Text-only bodies (escaped HTML, CDATA) are skipped with a memchr scan to their end tag instead
        // of token by token.
        if let Some(content_end) = self.reader.skip_text_only(e.name) {
            let raw = self.input.get(content_start..content_end).unwrap_or("");
            return self.cut_to_limit(raw, at);
        }
        let raw = match self.reader.read_to_end(e.name) {
            Ok((start, end)) => self.input.get(start..end).unwrap_or(""),
            Err(error) => match self.unclosed_leaf(content_start) {
                Some(raw) => raw,
                None if error == Broken::IllFormed => {
                    // The input ended inside this element: point at the element, not at line 1.
                    self.warn("the document ends before this element is closed", at);
                    self.repairs = self.repairs.saturating_add(1);
                    self.stopped = true;
                    return "";
                }
                None => {
                    self.reader_error(error);
                    return "";
                }
            },
        };
        self.cut_to_limit(raw, at)
    }

    /// The raw text, cut at a character boundary to the text limit (with a warning at the element).
    pub(super) fn cut_to_limit(&mut self, raw: &'a str, at: usize) -> &'a str {
        let max = self.options.max_text_bytes;
        if raw.len() > max {
            self.warn(
                cat(&["a text field longer than ", &decimal(max), " bytes was cut"]),
                at,
            );
            let mut cut = max;
            while cut > 0 && !raw.is_char_boundary(cut) {
                cut -= 1;
            }
            return raw.get(..cut).unwrap_or("");
        }
        raw
    }

    /// Recovers a leaf whose end tag never comes (`<title>x</titel>`, `<br>` in a feed's own markup):
    /// it ends at the first end tag that closes nothing opened inside it, or at an ancestor's end tag,
    /// whichever comes first. An ancestor's end tag is left
    /// for the ancestor; any other one is taken as this element's misspelled end tag.
    /// `None` when nothing closes it (the document is cut off inside it).
    pub(super) fn unclosed_leaf(&mut self, content_start: usize) -> Option<&'a str> {
        // A reader of its own: the main one stays where the error left it, for `reader_error`.
        let mut scan = XmlReader::at(self.input, content_start);
        let mut depth = 0usize;
        loop {
            let before = scan.position();
            match scan.next() {
                Token::Start(e) if !e.empty => depth = depth.saturating_add(1),
                Token::End(name) => {
                    // An ancestor's end tag ends the leaf even inside unclosed markup (`<p>a<br>b</p></item>`).
                    let for_ancestor = self.open.contains(&name);
                    if depth > 0 && !for_ancestor {
                        depth -= 1;
                        continue;
                    }
                    let after = scan.position();
                    let resume = if for_ancestor { before } else { after };
                    self.warn(
                        "an element is not closed; it ends at the next end tag",
                        before,
                    );
                    self.reset(resume);
                    return self.input.get(content_start..before);
                }
                Token::Eof | Token::Error(_) => return None,
                Token::Start(_)
                | Token::Text(_)
                | Token::Reference
                | Token::DocType(_)
                | Token::Other => {}
            }
        }
    }

    /// Reads past an element feedlet does not use.
    pub(super) fn skip(&mut self, e: &Tag<'a>, empty: bool, at: usize) {
        let _ = self.leaf(e, empty, at);
    }
}
