//! The one XML reader: quick-xml's borrowed reader, set up for sloppy feeds, as tokens with byte offsets.
//!
//! quick-xml is told to check nothing a feed reader can do without: end tags need not match or have a start,
//! `&` may dangle, comments may hold `--`. What it cannot get past (a tag, comment, CDATA section, processing
//! instruction or DOCTYPE that is never closed, or an unknown `<!` construct) is an error after which it reads
//! nothing more, until it is moved with `seek`. Text-only bodies are skipped to their end tag with memchr.

use std::io::BufRead;

use quick_xml::events::Event;
use quick_xml::Reader;

/// One piece of the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Token<'a> {
    /// A start tag `<name …>` or an empty-element tag `<name …/>`.
    Start(Tag<'a>),
    /// An end tag: everything between `</` and `>`, trailing whitespace removed (unless that is all there is).
    End(&'a str),
    /// Text up to the next reference or `<`; a `&` that starts no reference is text, and starts a text of its own.
    Text(&'a str),
    /// A reference (`&amp;`, `&#38;`, `&name;`), left as written.
    Reference,
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
pub(super) enum Broken {
    /// Markup that is not closed or not known: the reader stops (returns `Eof` from then on).
    Syntax,
    /// Markup that is closed but wrong (`<!DOCTYPE>` with no name), or an element the input ends inside:
    /// the reader reads on after it.
    IllFormed,
}

/// A start tag: its name and the text of its attributes, borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Tag<'a> {
    /// The qualified name: everything up to the first whitespace.
    pub(super) name: &'a str,
    /// The name and what follows it, up to `>` or `/>`: what quick-xml reads attributes from.
    content: &'a str,
    /// `<name/>`: the element has no content and no end tag.
    pub(super) empty: bool,
}

impl<'a> Tag<'a> {
    /// The attributes as `(name, raw value)`, read by quick-xml's rules as they are asked for. A malformed one
    /// (no `=`, an unquoted value) is skipped and reading goes on after it; an unclosed quote ends the list.
    /// Duplicates are kept: the first one wins where a field is looked up.
    pub(super) fn attributes(&self) -> impl Iterator<Item = (&'a str, &'a str)> {
        super::attributes::Attributes::new(self.content, self.name.len())
    }
}

/// quick-xml over `input`, tolerant where feeds are sloppy.
fn quick_reader(input: &str) -> Reader<&[u8]> {
    let mut reader = Reader::from_str(input);
    let config = reader.config_mut();
    config.allow_dangling_amp = true;
    config.allow_unmatched_ends = true;
    config.check_end_names = false;
    config.check_comments = false;
    reader
}

/// The tokenizer: quick-xml over the rest of the input from `base`, and where the last error is best shown.
pub(super) struct XmlReader<'a> {
    input: &'a str,
    /// Where quick-xml's input starts in `input`: its positions count from there.
    base: usize,
    reader: Reader<&'a [u8]>,
    error_at: usize,
    /// The last token was markup (or a reference): quick-xml is about to read text, so text can be passed
    /// over and the reader moved on in place.
    between_markup: bool,
    /// Before the root element, text is read as quick-xml's text and reference events (what may stand there
    /// depends on them); inside it, text between markup is passed over with one memchr.
    prolog: bool,
    /// About how many element names quick-xml holds: it keeps a list of open elements even when it checks no
    /// names, so a name stays for every start tag whose end tag it did not read (deep nesting, skipped bodies).
    held: usize,
}

/// How many names quick-xml may hold before it is replaced by a new reader at the same place (which holds none).
const NAMES_HELD: usize = 4096;

impl<'a> XmlReader<'a> {
    /// A reader at the start of a document; a byte order mark there is skipped.
    pub(super) fn new(input: &'a str) -> Self {
        let mut reader = Self::at(input, 0);
        reader.prolog = true;
        reader
    }

    /// A reader at `offset` of the input (a character boundary), inside the root element.
    pub(super) fn at(input: &'a str, offset: usize) -> Self {
        let mut reader = XmlReader {
            input,
            base: 0,
            reader: quick_reader(""),
            error_at: 0,
            between_markup: false,
            prolog: false,
            held: 0,
        };
        reader.seek(offset);
        reader
    }

    /// The root element has started: from now on text between markup is passed over without events.
    pub(super) fn leave_prolog(&mut self) {
        self.prolog = false;
    }

    /// Where the next token starts (or, after an error, where reading stopped).
    pub(super) fn position(&self) -> usize {
        let read = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        self.base.saturating_add(read)
    }

    /// Where the last error is best shown: the `<` of the broken markup, or the `>` of a nameless DOCTYPE.
    pub(super) fn error_at(&self) -> usize {
        self.error_at
    }

    /// Continues reading at `offset` (a character boundary), also after an error.
    pub(super) fn seek(&mut self, offset: usize) {
        let offset = offset.min(self.input.len());
        let rest = self.input.get(offset..).unwrap_or("");
        // quick-xml skips a byte order mark where it starts, without counting it.
        self.base = if rest.starts_with('\u{FEFF}') {
            offset.saturating_add(3)
        } else {
            offset
        };
        self.reader = quick_reader(rest);
        self.between_markup = false;
        self.held = 0;
    }

    /// Moves on to `offset`, at or after the position: in place right after a start tag (no new reader, so
    /// quick-xml's buffers are kept), else by `seek`.
    fn jump(&mut self, offset: usize) {
        let remaining = self.reader.get_ref().len();
        match offset.checked_sub(self.position()) {
            Some(skip) if self.between_markup && skip <= remaining => {
                self.reader.stream().consume(skip);
            }
            _ => self.seek(offset),
        }
    }

    /// The input between two offsets.
    fn slice(&self, start: usize, end: usize) -> &'a str {
        self.input.get(start..end).unwrap_or("")
    }

    /// The `len` bytes at `start`.
    fn slice_at(&self, start: usize, len: usize) -> &'a str {
        self.slice(start, start.saturating_add(len))
    }

    /// Reads the next token.
    pub(super) fn next(&mut self) -> Token<'a> {
        if self.held >= NAMES_HELD && self.between_markup {
            let here = self.position();
            self.seek(here);
        }
        let before = self.position();
        if let Some(text) = self.text_before_markup() {
            return text;
        }
        let event = self.reader.read_event();
        self.between_markup = !matches!(event, Ok(Event::Text(_) | Event::Eof) | Err(_));
        // Every markup event starts at `before`: quick-xml returns the text before markup as an event of its own.
        match event {
            Ok(Event::Start(ref tag) | Event::Empty(ref tag)) => {
                let empty = matches!(event, Ok(Event::Empty(_)));
                if !empty {
                    self.held = self.held.saturating_add(1);
                }
                let content = self.slice_at(before.saturating_add(1), tag.len());
                let name = content.get(..tag.name().into_inner().len()).unwrap_or("");
                Token::Start(Tag {
                    name,
                    content,
                    empty,
                })
            }
            Ok(Event::End(end)) => {
                self.held = self.held.saturating_sub(1);
                Token::End(self.slice_at(before.saturating_add(2), end.len()))
            }
            Ok(Event::Text(_)) => Token::Text(self.slice(before, self.position())),
            Ok(Event::GeneralRef(_)) => Token::Reference,
            Ok(Event::DocType(text)) => {
                let close = self.position().saturating_sub(1);
                Token::DocType(self.slice(close.saturating_sub(text.len()), close))
            }
            Ok(Event::Eof) => Token::Eof,
            Ok(Event::CData(_) | Event::Comment(_) | Event::Decl(_) | Event::PI(_)) => Token::Other,
            Err(error) => {
                let at = usize::try_from(self.reader.error_position()).unwrap_or(usize::MAX);
                self.error_at = self.base.saturating_add(at);
                Token::Error(match error {
                    quick_xml::Error::IllFormed(_) => Broken::IllFormed,
                    _ => Broken::Syntax,
                })
            }
        }
    }

    /// The text between two tags, passed over without quick-xml's events (it would check the text as UTF-8
    /// again and cut it at every reference): most of a feed's text events are the indentation between tags,
    /// and bodies are read as slices anyway. Before the root element only whitespace is passed over this way.
    fn text_before_markup(&mut self) -> Option<Token<'a>> {
        if !self.between_markup {
            return None;
        }
        let rest = *self.reader.get_ref();
        let text = if self.prolog {
            let spaces = rest
                .iter()
                .position(|b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))?;
            if rest.get(spaces) != Some(&b'<') {
                return None;
            }
            spaces
        } else {
            memchr::memchr(b'<', rest).unwrap_or(rest.len())
        };
        if text == 0 {
            return None;
        }
        let before = self.position();
        self.reader.stream().consume(text);
        Some(Token::Text(self.slice_at(before, text)))
    }

    /// Reads to the end tag of an element named `name` whose start tag was just read, counting nested
    /// elements of the same name: returns the content's span. `Broken::IllFormed` when the input ends first.
    /// (quick-xml's own `read_to_end` does the same, but brings a second copy of its event loop into the wasm.)
    pub(super) fn read_to_end(&mut self, name: &str) -> Result<(usize, usize), Broken> {
        let start = self.position();
        let mut depth = 0usize;
        loop {
            let before = self.position();
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

    /// Skips the body of the element `name` whose start tag was just read when it is text only (text and CDATA
    /// up to `</name>`): returns where the content ends, the end tag passed over. Any other markup (a child
    /// element, a comment) returns `None` and moves nothing; the token-by-token reading then takes over with its
    /// nesting and recovery rules. This is how escaped HTML bodies are read in one scan, without a token per
    /// reference or CDATA section.
    pub(super) fn skip_text_only(&mut self, name: &str) -> Option<usize> {
        let (content_end, resume) = self.text_only_end(self.position(), name)?;
        // quick-xml never sees this end tag: it keeps holding the start tag's name (`held` counts it).
        self.jump(resume);
        Some(content_end)
    }

    /// Where a text-only body that starts at `start` ends, `(the < of </name>, just past its >)`, if everything
    /// before it is text or CDATA.
    fn text_only_end(&self, start: usize, name: &str) -> Option<(usize, usize)> {
        let bytes = self.input.as_bytes();
        let mut position = start;
        loop {
            let at = position.checked_add(memchr::memchr(b'<', bytes.get(position..)?)?)?;
            let tail = self.input.get(at..)?;
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
            let body = tail.strip_prefix("<![CDATA[")?;
            let close = crate::find::str_at(body, "]]>")?;
            position = at.checked_add(9)?.checked_add(close)?.checked_add(3)?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every token with its start offset, until the end (at most 100, so that a loop shows as a failure).
    fn tokens(input: &str) -> Vec<(usize, Token<'_>)> {
        let mut reader = XmlReader::new(input);
        let mut list = Vec::new();
        for _ in 0..100 {
            let at = reader.position();
            let token = reader.next();
            list.push((at, token));
            if token == Token::Eof {
                break;
            }
        }
        list
    }

    fn start(content: &'static str, empty: bool) -> Token<'static> {
        let name = content.split([' ', '\t', '\r', '\n']).next().unwrap_or("");
        Token::Start(Tag {
            name,
            content,
            empty,
        })
    }

    #[test]
    fn tags_text_references_and_offsets() {
        assert_eq!(
            tokens("<a x='1'>hi &amp; <b/>& x</a >"),
            vec![
                (0, start("a x='1'", false)),
                (9, Token::Text("hi ")),
                (12, Token::Reference),
                (17, Token::Text(" ")),
                (18, start("b", true)),
                (22, Token::Text("& x")),
                (25, Token::End("a")),
                (30, Token::Eof),
            ]
        );
    }

    #[test]
    fn inside_the_root_text_is_one_token_up_to_markup() {
        let input = "<a>hi &amp; & x<b/> y &lt;";
        let mut reader = XmlReader::new(input);
        assert_eq!(reader.next(), start("a", false));
        reader.leave_prolog();
        assert_eq!(reader.next(), Token::Text("hi &amp; & x"));
        assert_eq!(reader.position(), 15);
        assert_eq!(reader.next(), start("b", true));
        assert_eq!(reader.next(), Token::Text(" y &lt;"));
        assert_eq!(reader.next(), Token::Eof);
        assert_eq!(reader.position(), input.len());
    }

    #[test]
    fn deep_nesting_holds_no_more_than_a_few_thousand_names() {
        let depth = NAMES_HELD * 3;
        let input = [
            "<r>",
            &"<n>".repeat(depth),
            "x",
            &"</n>".repeat(depth),
            "</r>",
        ]
        .concat();
        let mut reader = XmlReader::at(&input, 0);
        let mut starts = 0;
        loop {
            match reader.next() {
                Token::Start(_) => starts += 1,
                Token::Eof => break,
                _ => {}
            }
            assert!(reader.held <= NAMES_HELD);
        }
        assert_eq!(starts, depth + 1);
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
                (0, start("a b=\"x>y\"", false)),
                (11, Token::End("a c='>'")),
                (21, Token::Eof),
            ]
        );
        // A nameless end tag keeps its whitespace, so that it does not close a nameless start tag.
        assert_eq!(
            tokens("< x></\n></ >"),
            vec![
                (0, start(" x", false)),
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
            let mut reader = XmlReader::new(input);
            let mut token = reader.next();
            if let Token::Text(_) = token {
                token = reader.next();
            }
            assert_eq!(token, Token::Error(Broken::Syntax), "{input}");
            assert_eq!(reader.error_at(), error_at, "{input}");
            assert_eq!(reader.position(), stopped_at, "{input}");
            assert_eq!(reader.next(), Token::Eof, "{input}");
            assert_eq!(reader.next(), Token::Eof, "{input}");
        }
    }

    #[test]
    fn a_doctype_without_a_name_is_skipped() {
        let mut reader = XmlReader::new("<!DOCTYPE  ><a/>");
        assert_eq!(reader.next(), Token::Error(Broken::IllFormed));
        assert_eq!(reader.error_at(), 11);
        assert_eq!(reader.next(), start("a", true));
    }

    #[test]
    fn byte_order_mark_and_seek() {
        let mut reader = XmlReader::new("\u{feff}<a>x</a>");
        assert_eq!(reader.position(), 3);
        assert_eq!(reader.next(), start("a", false));
        reader.seek(7);
        assert_eq!(reader.next(), Token::End("a"));
        reader.seek(1000);
        assert_eq!(reader.next(), Token::Eof);
        // Seeking also restarts a reader that stopped at an error.
        let mut reader = XmlReader::new("<!x><b>");
        assert_eq!(reader.next(), Token::Error(Broken::Syntax));
        reader.seek(4);
        assert_eq!(reader.next(), start("b", false));
        // A byte order mark where reading restarts is passed over, as text would be.
        let mut reader = XmlReader::new("<a>\u{feff}<b/>");
        reader.seek(3);
        assert_eq!(reader.position(), 6);
        assert_eq!(reader.next(), start("b", true));
    }

    #[test]
    fn read_to_end_counts_nested_elements_of_the_same_name() {
        let input = "<a><a>x</a><a/><b></a>y</a>z";
        let mut reader = XmlReader::new(input);
        assert_eq!(reader.next(), start("a", false));
        assert_eq!(reader.read_to_end("a"), Ok((3, 18)));
        assert_eq!(reader.position(), 22);
        let mut reader = XmlReader::new("<a><b>");
        reader.next();
        assert_eq!(reader.read_to_end("a"), Err(Broken::IllFormed));
        let mut reader = XmlReader::new("<a><!-- x");
        reader.next();
        assert_eq!(reader.read_to_end("a"), Err(Broken::Syntax));
        assert_eq!(reader.error_at(), 3);
    }

    #[test]
    fn text_only_bodies_are_skipped_to_their_end_tag() {
        let input = "<r><t>a &amp; <![CDATA[<b>]]>c</t ><u>x<v/></u></r>";
        let mut reader = XmlReader::new(input);
        reader.next();
        assert_eq!(reader.next(), start("t", false));
        assert_eq!(reader.skip_text_only("t"), Some(30));
        assert_eq!(reader.position(), 35);
        assert_eq!(reader.next(), start("u", false));
        // A child element: nothing moves.
        assert_eq!(reader.skip_text_only("u"), None);
        assert_eq!(reader.position(), 38);
        assert_eq!(reader.next(), Token::Text("x"));
        // An unclosed CDATA section, a misspelled or missing end tag: not text only.
        for input in ["<t><![CDATA[x</t>", "<t>x</tt>", "<t>x</t", "<t>x"] {
            let mut reader = XmlReader::new(input);
            reader.next();
            assert_eq!(reader.skip_text_only("t"), None, "{input}");
            assert_eq!(reader.position(), 3, "{input}");
        }
    }

    #[test]
    fn many_skipped_bodies_read_on_with_a_new_quick_xml_reader() {
        let count = NAMES_HELD * 2 + 3;
        let input = ["<r>", &"<t>x</t> ".repeat(count), "<u/></r>"].concat();
        let mut reader = XmlReader::new(&input);
        reader.next();
        for n in 0..count {
            assert_eq!(reader.next(), start("t", false));
            assert_eq!(reader.skip_text_only("t"), Some(3 + n * 9 + 4));
            assert_eq!(reader.next(), Token::Text(" "));
        }
        assert!(reader.held <= NAMES_HELD);
        assert_eq!(reader.next(), start("u", true));
        assert_eq!(reader.next(), Token::End("r"));
        assert_eq!(reader.next(), Token::Eof);
    }

    fn attributes(tag: &str) -> Vec<(&str, &str)> {
        match XmlReader::new(tag).next() {
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
            content: "a b='1 c='2",
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
