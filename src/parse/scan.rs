//! A small tolerant XML tokenizer: it cuts a `&str` into tags, text and the rest, as borrowed slices with byte offsets.
//!
//! It checks nothing a feed reader can do without: end tags need not match, `&` may dangle, comments may hold `--`.
//! What it cannot get past (a tag, comment, CDATA section, processing instruction or DOCTYPE that is never closed, or
//! an unknown `<!` construct) is an error after which it reports only the end of input, until it is moved with `seek`.

/// One piece of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Token<'a> {
    /// A start tag `<name …>` or an empty-element tag `<name …/>`.
    Start(Tag<'a>),
    /// An end tag: everything between `</` and `>`, trailing whitespace removed (unless that is all there is).
    End(&'a str),
    /// Text up to the next `<` or the end of input, references left as written.
    Text(&'a str),
    /// The inside of `<!DOCTYPE …>` after the keyword and its whitespace.
    DocType(&'a str),
    /// A comment, a CDATA section, a processing instruction or the XML declaration.
    Other,
    /// The end of the input, or anything after a `Broken::Syntax` error.
    Eof,
    Error(Broken),
}

/// Why a token could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Broken {
    /// Markup that is not closed or not known: the scanner stops (returns `Eof` from then on).
    Syntax,
    /// Markup that is closed but wrong (`<!DOCTYPE>` with no name): the scanner reads on after it.
    IllFormed,
}

/// A start tag: its name and the raw text of its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tag<'a> {
    /// The qualified name: everything up to the first whitespace.
    pub(crate) name: &'a str,
    /// What follows the name, up to `>` or `/>`.
    attributes: &'a str,
    /// `<name/>`: the element has no content and no end tag.
    pub(crate) empty: bool,
}

impl<'a> Tag<'a> {
    /// The attributes, parsed as they are asked for; malformed ones are skipped.
    pub(crate) fn attributes(&self) -> Attributes<'a> {
        Attributes {
            text: self.attributes,
            at: 0,
            skip_value: false,
        }
    }
}

/// The whitespace XML knows; names and attributes are split on it.
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}

/// The first byte at or after `from` that passes `test`; for short runs (names, attributes, tags).
fn find_where(bytes: &[u8], from: usize, test: impl Fn(u8) -> bool) -> Option<usize> {
    let found = bytes.get(from..)?.iter().position(|b| test(*b))?;
    from.checked_add(found)
}

/// The first `byte` at or after `from`, for long runs (text, bodies, attribute values): eight bytes are
/// tested at a time (see `find.rs`), then the hit is found in its word.
fn find_byte(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    let found = crate::find::byte(bytes.get(from..)?, byte)?;
    from.checked_add(found)
}

/// Where `needle` (ASCII, not empty) next starts at or after `from`.
fn find_str(text: &str, from: usize, needle: &str) -> Option<usize> {
    from.checked_add(crate::find::str_at(text.get(from..)?, needle)?)
}

/// `str::split_once` for an ASCII needle, with the byte search (no searcher set up per call).
pub(crate) use crate::find::split_once;

/// Where `byte` (ASCII) first is in `text`, with the block search above.
pub(crate) fn find(text: &str, byte: u8) -> Option<usize> {
    find_byte(text.as_bytes(), 0, byte)
}

/// Where a text-only element body ends: `(end of content, just past the end tag)`, when everything from
/// `start` up to `</name>` is text or CDATA. Any other markup (a child element, a comment) returns `None`,
/// and the token-by-token reading takes over with its nesting and recovery rules. This is how escaped HTML
/// bodies are skipped in one scan, without a token per reference or CDATA section.
pub(crate) fn text_only_end(input: &str, start: usize, name: &str) -> Option<(usize, usize)> {
    let bytes = input.as_bytes();
    let mut position = start;
    loop {
        let at = find_byte(bytes, position, b'<')?;
        let tail = input.get(at..)?;
        if let Some(after) = tail.strip_prefix("</") {
            let rest = after
                .strip_prefix(name)?
                .trim_start_matches([' ', '\t', '\r', '\n']);
            if !rest.starts_with('>') {
                return None;
            }
            let end_tag = tail.len().checked_sub(rest.len())?.checked_add(1)?;
            return Some((at, at.checked_add(end_tag)?));
        }
        if !tail.starts_with("<![CDATA[") {
            return None;
        }
        position = find_str(input, at.checked_add(9)?, "]]>")?.checked_add(3)?;
    }
}

/// The `>` that ends a tag whose text starts at `from`; a `>` inside a quoted value does not count.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let found = find_where(bytes, at, |b| matches!(b, b'>' | b'"' | b'\''))?;
        let quote = *bytes.get(found)?;
        if quote == b'>' {
            return Some(found);
        }
        let close = find_byte(bytes, found.checked_add(1)?, quote)?;
        at = close.checked_add(1)?;
    }
}

/// The `>` that ends a `<!DOCTYPE` whose text starts at `from`: quoted literals, the internal subset and the
/// declarations, comments and processing instructions inside it are stepped over.
fn doctype_end(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = from;
    // Before the internal subset: a quoted system or public literal may hold `[` and `>`.
    loop {
        let found = find_where(bytes, at, |b| matches!(b, b'\'' | b'"' | b'[' | b'>'))?;
        match *bytes.get(found)? {
            b'>' => return Some(found),
            b'[' => {
                at = found.checked_add(1)?;
                break;
            }
            quote => {
                let close = find_where(bytes, found.checked_add(1)?, |b| b == quote)?;
                at = close.checked_add(1)?;
            }
        }
    }
    // Inside the internal subset, until `]`.
    loop {
        let found = find_where(bytes, at, |b| b == b']' || b == b'<')?;
        let markup = found.checked_add(1)?;
        if bytes.get(found) == Some(&b']') {
            return find_byte(bytes, markup, b'>');
        }
        let rest = bytes.get(markup..)?;
        at = if rest.starts_with(b"?") {
            find_str(text, markup.checked_add(1)?, "?>")?.checked_add(2)?
        } else if rest.starts_with(b"!--") {
            find_str(text, markup.checked_add(3)?, "-->")?.checked_add(3)?
        } else if rest.starts_with(b"!ENTITY") {
            tag_end(bytes, markup.checked_add(7)?)?.checked_add(1)?
        } else if rest.starts_with(b"!ATTLIST") {
            tag_end(bytes, markup.checked_add(8)?)?.checked_add(1)?
        } else if rest.starts_with(b"!NOTATION") {
            tag_end(bytes, markup.checked_add(9)?)?.checked_add(1)?
        } else {
            // `<!ELEMENT` and anything unknown end at the next `>`.
            find_byte(bytes, markup, b'>')?.checked_add(1)?
        };
    }
}

/// The tokenizer: a position in the input and whether reading stopped at an error.
pub(crate) struct Scanner<'a> {
    input: &'a str,
    position: usize,
    error_at: usize,
    stopped: bool,
}

impl<'a> Scanner<'a> {
    /// A scanner at the start of a document; a byte order mark there is skipped.
    pub(crate) fn new(input: &'a str) -> Self {
        let position = if input.starts_with('\u{FEFF}') { 3 } else { 0 };
        Scanner {
            input,
            position,
            error_at: 0,
            stopped: false,
        }
    }

    /// Where the next token starts (or, after an error, where reading stopped).
    pub(crate) fn position(&self) -> usize {
        self.position
    }

    /// Where the last error is best shown: the `<` of the broken markup, or the `>` of a nameless DOCTYPE.
    pub(crate) fn error_at(&self) -> usize {
        self.error_at
    }

    /// Continues reading at `offset` (a character boundary), also after an error.
    pub(crate) fn seek(&mut self, offset: usize) {
        self.position = offset.min(self.input.len());
        self.stopped = false;
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.input.get(start..end).unwrap_or("")
    }

    /// Stops at broken markup that starts at `start`; the scanner stays at `position`.
    fn broken(&mut self, start: usize, position: usize) -> Token<'a> {
        self.error_at = start;
        self.position = position;
        self.stopped = true;
        Token::Error(Broken::Syntax)
    }

    /// Reads the next token.
    pub(crate) fn next(&mut self) -> Token<'a> {
        if self.stopped {
            return Token::Eof;
        }
        let start = self.position;
        let bytes = self.input.as_bytes();
        let end = self.input.len();
        match bytes.get(start) {
            None => {
                self.stopped = true;
                return Token::Eof;
            }
            Some(b'<') => {}
            Some(_) => {
                let text_end = find_byte(bytes, start, b'<').unwrap_or(end);
                self.position = text_end;
                return Token::Text(self.slice(start, text_end));
            }
        }
        let after = start.saturating_add(1);
        match bytes.get(after) {
            None => self.broken(start, start),
            Some(b'/') => match tag_end(bytes, after) {
                Some(close) => {
                    self.position = close.saturating_add(1);
                    let name = self.slice(after.saturating_add(1), close);
                    // `</\n>` keeps its whitespace: only a name has trailing whitespace taken off.
                    let trimmed = name.trim_end_matches([' ', '\t', '\r', '\n']);
                    Token::End(if trimmed.is_empty() { name } else { trimmed })
                }
                None => self.broken(start, end),
            },
            Some(b'?') => match find_str(self.input, after, "?>") {
                // `<?>` is no processing instruction: its `?` is taken twice.
                Some(question) if question > after => {
                    self.position = question.saturating_add(2);
                    Token::Other
                }
                Some(question) => self.broken(start, question.saturating_add(2)),
                None => self.broken(start, end),
            },
            Some(b'!') => self.bang(start),
            Some(_) => match tag_end(bytes, after) {
                Some(close) => {
                    self.position = close.saturating_add(1);
                    let inside = self.slice(after, close);
                    let (inside, empty) = match inside.strip_suffix('/') {
                        Some(inside) => (inside, true),
                        None => (inside, false),
                    };
                    let name_end = inside.bytes().position(is_space).unwrap_or(inside.len());
                    let (name, attributes) =
                        inside.split_at_checked(name_end).unwrap_or((inside, ""));
                    Token::Start(Tag {
                        name,
                        attributes,
                        empty,
                    })
                }
                None => self.broken(start, end),
            },
        }
    }

    /// `<!`: a comment, a CDATA section or a DOCTYPE.
    fn bang(&mut self, start: usize) -> Token<'a> {
        let rest = self.slice(start, self.input.len());
        let end = self.input.len();
        match rest.as_bytes().get(2) {
            Some(b'-') => match find_str(self.input, start.saturating_add(4), "-->") {
                Some(close) if rest.starts_with("<!--") => {
                    self.position = close.saturating_add(3);
                    Token::Other
                }
                Some(close) => self.broken(start, close.saturating_add(3)),
                None => self.broken(start, end),
            },
            Some(b'[') => match find_str(self.input, start.saturating_add(3), "]]>") {
                Some(close) if rest.starts_with("<![CDATA[") => {
                    self.position = close.saturating_add(3);
                    Token::Other
                }
                Some(close) => self.broken(start, close.saturating_add(3)),
                None => self.broken(start, end),
            },
            Some(b'D' | b'd') => match doctype_end(self.input, start) {
                Some(close) => {
                    let keyword = rest
                        .get(..9)
                        .filter(|k| k.eq_ignore_ascii_case("<!DOCTYPE"));
                    if keyword.is_none() {
                        return self.broken(start, close.saturating_add(1));
                    }
                    self.position = close.saturating_add(1);
                    let inside = self.slice(start.saturating_add(9), close);
                    let name = inside.trim_start_matches([' ', '\t', '\r', '\n']);
                    if name.is_empty() {
                        self.error_at = close;
                        return Token::Error(Broken::IllFormed);
                    }
                    Token::DocType(name)
                }
                None => self.broken(start, end),
            },
            _ => self.broken(start, start),
        }
    }

    /// Reads to the end tag of an element named `name` whose start tag was just read, counting nested
    /// elements of the same name: returns the content's span. `Broken::IllFormed` when the input ends first.
    pub(crate) fn read_to_end(&mut self, name: &str) -> Result<(usize, usize), Broken> {
        let start = self.position;
        let mut depth = 0usize;
        loop {
            let before = self.position;
            match self.next() {
                Token::Start(tag) if !tag.empty && tag.name == name => {
                    depth = depth.saturating_add(1);
                }
                Token::End(end) if end == name => {
                    if depth == 0 {
                        return Ok((start, before));
                    }
                    depth -= 1;
                }
                Token::Eof => return Err(Broken::IllFormed),
                Token::Error(kind) => return Err(kind),
                _ => {}
            }
        }
    }
}

/// The attributes of a start tag as `(name, raw value)`; an attribute without `=` or quotes is skipped.
pub(crate) struct Attributes<'a> {
    text: &'a str,
    at: usize,
    /// After an unquoted value: skip to the next whitespace first.
    skip_value: bool,
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.text.as_bytes();
        loop {
            if self.skip_value {
                self.skip_value = false;
                self.at = find_where(bytes, self.at, is_space)?;
            }
            let key_start = find_where(bytes, self.at, |b| !is_space(b))?;
            // Every path below moves `at` forward or ends the iteration.
            self.at = bytes.len();
            // The key's first byte is never its end, even when it is `=`.
            let key_end = find_where(bytes, key_start.checked_add(1)?, |b| {
                b == b'=' || is_space(b)
            })?;
            let equals = find_where(bytes, key_end, |b| !is_space(b))?;
            if bytes.get(equals) != Some(&b'=') {
                // `key other`: no value; `other` may be the next attribute.
                self.at = equals;
                continue;
            }
            let quote_at = find_where(bytes, equals.checked_add(1)?, |b| !is_space(b))?;
            let quote = *bytes.get(quote_at)?;
            if quote != b'"' && quote != b'\'' {
                self.at = quote_at;
                self.skip_value = true;
                continue;
            }
            let value_start = quote_at.checked_add(1)?;
            let value_end = find_byte(bytes, value_start, quote)?;
            self.at = value_end.checked_add(1)?;
            let key = self.text.get(key_start..key_end)?;
            let value = self.text.get(value_start..value_end)?;
            return Some((key, value));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token with its start offset, until the end (at most 100, so that a loop shows as a failure).
    fn tokens(input: &str) -> Vec<(usize, Token<'_>)> {
        let mut scanner = Scanner::new(input);
        let mut list = Vec::new();
        for _ in 0..100 {
            let at = scanner.position();
            let token = scanner.next();
            list.push((at, token));
            if token == Token::Eof {
                break;
            }
        }
        list
    }

    fn start(name: &'static str, attributes: &'static str, empty: bool) -> Token<'static> {
        Token::Start(Tag {
            name,
            attributes,
            empty,
        })
    }

    #[test]
    fn tags_text_and_offsets() {
        assert_eq!(
            tokens("<a x='1'>hi &amp; <b/></a >"),
            vec![
                (0, start("a", " x='1'", false)),
                (9, Token::Text("hi &amp; ")),
                (18, start("b", "", true)),
                (22, Token::End("a")),
                (27, Token::Eof),
            ]
        );
    }

    #[test]
    fn comments_cdata_pis_and_doctype() {
        assert_eq!(
            tokens("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a \"<>\">]><!-- x -- y --><![CDATA[<a>]]>"),
            vec![
                (0, Token::Other),
                (21, Token::DocType("rss [<!ENTITY a \"<>\">]")),
                (54, Token::Other),
                (69, Token::Other),
                (84, Token::Eof),
            ]
        );
        // A quoted `>` in a tag or an end tag does not end it.
        assert_eq!(
            tokens("<a b=\"x>y\"></a c='>'>"),
            vec![
                (0, start("a", " b=\"x>y\"", false)),
                (11, Token::End("a c='>'")),
                (21, Token::Eof),
            ]
        );
        // A nameless end tag keeps its whitespace, so that it does not close a nameless start tag.
        assert_eq!(
            tokens("< x></\n></ >"),
            vec![
                (0, start("", " x", false)),
                (4, Token::End("\n")),
                (8, Token::End(" ")),
                (12, Token::Eof),
            ]
        );
    }

    #[test]
    fn unclosed_markup_stops_reading() {
        for (input, error_at, stopped_at) in [
            ("<a", 0, 2),
            ("x<", 1, 1),
            ("<a b='>", 0, 7),
            ("</a", 0, 3),
            ("<!-- x", 0, 6),
            ("<!-->", 0, 5),
            ("<![CDATA[ x", 0, 11),
            ("<!DOCTYPE x [", 0, 13),
            ("<?pi", 0, 4),
            ("<?>", 0, 3),
            ("<!x>", 0, 0),
            ("<!-x-->", 0, 7),
            ("<![CDAT[x]]>", 0, 12),
            ("<!Doc>", 0, 6),
        ] {
            let mut scanner = Scanner::new(input);
            let mut token = scanner.next();
            if let Token::Text(_) = token {
                token = scanner.next();
            }
            assert_eq!(token, Token::Error(Broken::Syntax), "{input}");
            assert_eq!(scanner.error_at(), error_at, "{input}");
            assert_eq!(scanner.position(), stopped_at, "{input}");
            assert_eq!(scanner.next(), Token::Eof, "{input}");
            assert_eq!(scanner.next(), Token::Eof, "{input}");
        }
    }

    #[test]
    fn a_doctype_without_a_name_is_skipped() {
        let mut scanner = Scanner::new("<!DOCTYPE  ><a/>");
        assert_eq!(scanner.next(), Token::Error(Broken::IllFormed));
        assert_eq!(scanner.error_at(), 11);
        assert_eq!(scanner.next(), start("a", "", true));
    }

    #[test]
    fn byte_order_mark_and_seek() {
        let mut scanner = Scanner::new("\u{feff}<a>x</a>");
        assert_eq!(scanner.position(), 3);
        assert_eq!(scanner.next(), start("a", "", false));
        scanner.seek(7);
        assert_eq!(scanner.next(), Token::End("a"));
        scanner.seek(1000);
        assert_eq!(scanner.next(), Token::Eof);
        // Seeking also restarts a scanner that stopped at an error.
        let mut scanner = Scanner::new("<!x><b>");
        assert_eq!(scanner.next(), Token::Error(Broken::Syntax));
        scanner.seek(4);
        assert_eq!(scanner.next(), start("b", "", false));
    }

    #[test]
    fn read_to_end_counts_nested_elements_of_the_same_name() {
        let input = "<a><a>x</a><a/><b></a>y</a>z";
        let mut scanner = Scanner::new(input);
        assert_eq!(scanner.next(), start("a", "", false));
        assert_eq!(scanner.read_to_end("a"), Ok((3, 18)));
        assert_eq!(scanner.position(), 22);
        let mut scanner = Scanner::new("<a><b>");
        scanner.next();
        assert_eq!(scanner.read_to_end("a"), Err(Broken::IllFormed));
        let mut scanner = Scanner::new("<a><!-- x");
        scanner.next();
        assert_eq!(scanner.read_to_end("a"), Err(Broken::Syntax));
        assert_eq!(scanner.error_at(), 3);
    }

    fn attributes(tag: &str) -> Vec<(&str, &str)> {
        match Scanner::new(tag).next() {
            Token::Start(tag) => tag.attributes().collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn attributes_are_read_lazily_and_malformed_ones_skipped() {
        assert_eq!(
            attributes("<a href=\"h\" x:rel = 'r'/>"),
            vec![("href", "h"), ("x:rel", "r")]
        );
        // Values stay raw; duplicates are kept.
        assert_eq!(
            attributes("<a t='&amp;' t=\"2\">"),
            vec![("t", "&amp;"), ("t", "2")]
        );
        // No `=`, an unquoted value, an unclosed quote: skipped, and reading goes on where it can.
        assert_eq!(attributes("<a b c='1'>"), vec![("c", "1")]);
        assert_eq!(attributes("<a b=1 c='2'>"), vec![("c", "2")]);
        assert_eq!(attributes("<a b=1>"), vec![]);
        assert_eq!(attributes("<a ='1' c>"), vec![]);
        assert_eq!(attributes("<a x='1'= y='2'>"), vec![("x", "1"), ("y", "2")]);
        assert_eq!(attributes("<a ==' 1'>"), vec![("=", " 1")]);
        assert_eq!(attributes("<a b= c='2'>"), vec![]);
        let tag = Tag {
            name: "a",
            attributes: " b='1 c='2",
            empty: false,
        };
        assert_eq!(tag.attributes().collect::<Vec<_>>(), vec![("b", "1 c=")]);
        assert_eq!(attributes("<a b=\"1>"), vec![]);
        assert_eq!(attributes("<a b=>"), vec![]);
    }

    #[test]
    fn no_input_makes_it_loop_or_panic() {
        let samples = [
            "<rss><channel><item><title>a &amp b</title><link>x</link></item></channel></rss>",
            "<!DOCTYPE x [<!ENTITY a 'b'><!-- c --><?d e?><!ELEMENT f (g)>]><x>&a;</x>",
            "<a b='c\"d' e=\"f'g\"/><![CDATA[]]><!----><??><a></a >",
            "한국어<ü ä='ö'>日本語</ü>",
        ];
        for sample in samples {
            for cut in 0..=sample.len() {
                let Some(prefix) = sample.get(..cut) else {
                    continue;
                };
                let list = tokens(prefix);
                assert!(list.len() < 100, "{prefix}");
                assert_eq!(list.last().map(|t| t.1), Some(Token::Eof), "{prefix}");
                for (_, token) in list {
                    if let Token::Start(tag) = token {
                        assert!(tag.attributes().count() <= prefix.len());
                    }
                }
            }
        }
    }
}
