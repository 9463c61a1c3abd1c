//! The XML feed reader: Atom 1.0/0.3, RSS 0.9x/2.0 and RSS 1.0 (RDF) into the model, recovering where it can.
//!
//! Only the feed's structure (feed, channel, entry, author, media group) is walked token by token (`scan.rs`).
//! Every leaf field is taken as a raw slice of the input, so escaped HTML bodies
//! are skipped over in one scan and decoded later, only if something shows them.

use std::borrow::Cow;

use super::scan::{self, text_only_end, Broken, Scanner, Tag, Token};
use crate::error::{Error, ErrorKind, Position, Warnings};
use crate::model::{Content, Date, Entry, Escape, Feed, Format, Image, LazyText, Markup, Person};
use crate::options::ParseOptions;
use crate::text::{collapse_whitespace, html_to_text};
use crate::text::{decimal, dimension};
use crate::url::{resolve, safe_url};

/// Parses an XML document whose first significant character is `<`.
pub(crate) fn parse<'a>(input: &'a str, options: &ParseOptions) -> Result<Feed<'a>, Error> {
    let mut parser = Parser::new(input, options);
    let result = parser.document();
    // A fatal error (a limit) wins over whatever was read before it.
    if let Some(error) = parser.fatal.take() {
        return Err(error);
    }
    let mut feed = result?;
    feed.warnings = parser.warnings.finish(input);
    Ok(feed)
}

/// Namespace bindings (plus scope markers) kept in scope at once.
const MAX_BINDINGS: usize = 256;

/// The namespaces feedlet reads, whatever prefix a document gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    /// No namespace: RSS 2 elements, or Atom in a document that forgot to declare it.
    None,
    Atom,
    /// RSS 1.0 and 0.90 element namespaces: read like RSS 2.
    Rss,
    Rdf,
    Content,
    Dc,
    Media,
    Itunes,
    Xml,
    Other,
}

/// The namespace URIs feedlet knows, without a trailing `/` or `#`.
#[rustfmt::skip]
const NAMESPACE_URIS: &[(&str, Ns)] = &[
    ("http://www.w3.org/2005/Atom", Ns::Atom), ("http://purl.org/atom/ns", Ns::Atom),
    ("http://purl.org/rss/1.0", Ns::Rss), ("http://my.netscape.com/rdf/simple/0.9", Ns::Rss),
    ("http://backend.userland.com/rss2", Ns::Rss), ("http://blogs.law.harvard.edu/tech/rss", Ns::Rss),
    ("http://www.w3.org/1999/02/22-rdf-syntax-ns", Ns::Rdf),
    ("http://purl.org/rss/1.0/modules/content", Ns::Content),
    ("http://purl.org/dc/elements/1.1", Ns::Dc), ("http://purl.org/dc/terms", Ns::Dc),
    ("http://search.yahoo.com/mrss", Ns::Media), ("http://video.search.yahoo.com/mrss", Ns::Media),
    ("http://www.w3.org/XML/1998/namespace", Ns::Xml),
];

fn namespace_of_uri(uri: &str) -> Ns {
    let mut uri = uri.trim();
    while matches!(uri.as_bytes().last(), Some(b'/' | b'#')) {
        uri = uri.get(..uri.len().saturating_sub(1)).unwrap_or("");
    }
    // Feeds spell the iTunes namespace in every case (`DTDs/PodCast-1.0.dtd`).
    if uri.eq_ignore_ascii_case("http://www.itunes.com/dtds/podcast-1.0.dtd") {
        return Ns::Itunes;
    }
    lookup(NAMESPACE_URIS, uri)
}

/// The conventional prefixes, read when a document uses them without declaring them.
#[rustfmt::skip]
const NAMESPACE_PREFIXES: &[(&str, Ns)] = &[
    ("atom", Ns::Atom), ("atom10", Ns::Atom), ("a10", Ns::Atom), ("rdf", Ns::Rdf), ("content", Ns::Content),
    ("dc", Ns::Dc), ("dcterms", Ns::Dc), ("media", Ns::Media), ("itunes", Ns::Itunes), ("xml", Ns::Xml),
    ("rss", Ns::Rss),
];

fn lookup(table: &[(&str, Ns)], key: &str) -> Ns {
    table
        .iter()
        .find(|(name, _)| *name == key)
        .map_or(Ns::Other, |(_, ns)| *ns)
}

/// Undeclared prefixes are common in real feeds (`dc:creator` without `xmlns:dc`): read them by convention.
fn namespace_of_prefix(prefix: &str) -> Ns {
    lookup(NAMESPACE_PREFIXES, prefix)
}

/// What a child of the channel or of an entry is to feedlet. The tables below map (namespace, local name)
/// to a field, so each level is one table lookup, one leaf read and one `match` on a small enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    // Read from attributes or child elements; these read (or skip) the element themselves.
    Entry,
    Channel,
    Image,
    Person,
    Link,
    Content,
    Media,
    Enclosure,
    ItunesImage,
    Encoded,
    // Leaf fields: the element's raw text is read first, then the field takes what it needs.
    Skip,
    Title,
    DcTitle,
    Summary,
    DcDescription,
    ItunesSummary,
    RssLink,
    Id,
    Guid,
    Published,
    Updated,
    DcDate,
    Language,
    Author,
    ItunesAuthor,
    ManagingEditor,
    Icon,
    Logo,
    Category,
    RssCategory,
}

impl Field {
    /// Containers read their children; an empty one (`<author/>`) has none and is skipped.
    fn is_container(self) -> bool {
        matches!(self, Field::Channel | Field::Image | Field::Person)
    }

    /// Fields read from the start tag's attributes alone: their element is skipped after them.
    fn skips_after(self) -> bool {
        matches!(self, Field::Link | Field::Enclosure | Field::ItunesImage)
    }

    fn is_leaf(self) -> bool {
        self as u8 >= Field::Skip as u8
    }
}

/// The channel's (or Atom feed's) children by namespace; anything else is skipped.
#[rustfmt::skip]
const FEED_FIELDS: &[(Ns, &[(&str, Field)])] = &[
    (Ns::Atom, &[
        ("entry", Field::Entry), ("title", Field::Title), ("subtitle", Field::Summary), ("tagline", Field::Summary),
        ("link", Field::Link), ("id", Field::Id), ("updated", Field::Updated), ("modified", Field::Updated),
        ("author", Field::Person), ("icon", Field::Icon), ("logo", Field::Logo),
    ]),
    (Ns::Rss, &[
        ("item", Field::Entry), ("channel", Field::Channel), ("title", Field::Title), ("description", Field::Summary),
        ("link", Field::RssLink), ("lastBuildDate", Field::Updated),
        // Feed level: the update date only when there is no other.
        ("pubDate", Field::Published),
        ("language", Field::Language), ("managingEditor", Field::ManagingEditor), ("image", Field::Image),
    ]),
    // Feed level: a subtitle (DcDescription) only when there is no other.
    (Ns::Dc, &[
        ("title", Field::DcTitle), ("description", Field::DcDescription), ("date", Field::Updated),
        ("language", Field::Language), ("creator", Field::Author),
    ]),
    (Ns::Itunes, &[
        ("summary", Field::DcDescription), ("subtitle", Field::DcDescription), ("author", Field::Author),
        ("image", Field::ItunesImage),
    ]),
];

/// An entry's (or item's) children by namespace; anything else is skipped.
#[rustfmt::skip]
const ENTRY_FIELDS: &[(Ns, &[(&str, Field)])] = &[
    // The most frequent first: the scan stops at the first match.
    (Ns::Atom, &[
        ("category", Field::Category), ("link", Field::Link), ("title", Field::Title), ("id", Field::Id),
        ("updated", Field::Updated), ("published", Field::Published), ("content", Field::Content),
        ("summary", Field::Summary), ("author", Field::Person), ("contributor", Field::Person),
        ("issued", Field::Published), ("created", Field::Published), ("modified", Field::Updated),
    ]),
    (Ns::Rss, &[
        ("title", Field::Title), ("link", Field::RssLink), ("guid", Field::Guid), ("pubDate", Field::Published),
        ("description", Field::Summary), ("author", Field::Author), ("category", Field::RssCategory),
        ("enclosure", Field::Enclosure),
    ]),
    (Ns::Dc, &[
        ("title", Field::DcTitle), ("modified", Field::Updated), ("date", Field::DcDate),
        ("description", Field::DcDescription), ("creator", Field::Author), ("subject", Field::RssCategory),
    ]),
    (Ns::Itunes, &[
        ("summary", Field::ItunesSummary), ("subtitle", Field::ItunesSummary), ("author", Field::ItunesAuthor),
        ("image", Field::ItunesImage),
    ]),
    (Ns::Content, &[("encoded", Field::Encoded)]),
    (Ns::Media, &[("thumbnail", Field::Media), ("content", Field::Media), ("group", Field::Media)]),
];

/// An attribute of the element at hand: local name, namespace prefix and decoded value.
struct Attr<'x> {
    prefix: &'x str,
    local: &'x str,
    /// Borrowed from the input unless a reference had to be decoded.
    value: Cow<'x, str>,
}

/// A `<link>` seen in Atom style (attributes), for choosing the entry's or feed's link afterwards.
struct LinkCandidate {
    rel: String,
    mime: String,
    href: String,
    width: Option<u32>,
    height: Option<u32>,
}

/// Thumbnail candidates in order of preference; the first filled one wins.
#[derive(Default)]
struct Thumbnails {
    media_thumbnail: Option<Image>,
    media_content: Option<Image>,
    enclosure: Option<Image>,
    itunes: Option<Image>,
}

impl Thumbnails {
    fn best(self) -> Option<Image> {
        if self.media_thumbnail.is_some() {
            self.media_thumbnail
        } else if self.media_content.is_some() {
            self.media_content
        } else if self.enclosure.is_some() {
            self.enclosure
        } else {
            self.itunes
        }
    }

    fn offer_media_content(&mut self, image: Image) {
        let area = |i: &Image| u64::from(i.width.unwrap_or(0)) * u64::from(i.height.unwrap_or(0));
        match &self.media_content {
            Some(current) if area(current) >= area(&image) => {}
            _ => self.media_content = Some(image),
        }
    }
}

/// What the channel level remembers while entries are read.
#[derive(Default)]
struct FeedState {
    links: Vec<LinkCandidate>,
    rss_link: Option<String>,
    atom_logo: Option<String>,
    atom_icon: Option<String>,
    rss_image: Option<String>,
    /// `dc:creator`, else `itunes:author`: the feed's author when it has no Atom author.
    creator: Option<String>,
    managing_editor: Option<String>,
}

struct Parser<'a, 'o> {
    input: &'a str,
    /// The tokenizer; recovery moves it back to an end tag or on past a repaired element.
    scan: Scanner<'a>,
    /// The qualified names of the open containers (feed, channel, entry, author…), outermost first.
    open: Vec<&'a str>,
    options: &'o ParseOptions,
    format: Format,
    /// Namespace bindings in scope: (prefix, namespace); "" is the default namespace.
    bindings: Vec<(&'a str, Ns)>,
    /// The `xml:base` chain, resolved; the last one applies.
    bases: Vec<Option<String>>,
    /// The channel's link, the last resort for relative URLs.
    feed_link: Option<String>,
    /// Entities declared in an internal DTD subset, never expanded recursively.
    entities: Vec<(String, String)>,
    warnings: Warnings,
    fatal: Option<Error>,
    depth: usize,
    errors: usize,
    /// How many times reading recovered from broken markup (errors, unclosed or misnested elements).
    repairs: usize,
    last_error_at: Option<usize>,
    stopped: bool,
    entry_limit_warned: bool,
    bindings_warned: bool,
}

impl<'a, 'o> Parser<'a, 'o> {
    fn new(input: &'a str, options: &'o ParseOptions) -> Self {
        Parser {
            input,
            scan: Scanner::new(input),
            open: Vec::new(),
            options,
            format: Format::Atom,
            bindings: Vec::new(),
            bases: vec![options.base_url.clone()],
            feed_link: None,
            entities: Vec::new(),
            warnings: Warnings::new(options.max_warnings),
            fatal: None,
            depth: 0,
            errors: 0,
            repairs: 0,
            last_error_at: None,
            stopped: false,
            entry_limit_warned: false,
            bindings_warned: false,
        }
    }

    fn offset(&self) -> usize {
        self.scan.position()
    }

    /// Restarts reading at `offset` of the input: to read an end tag again from the parent (recovery),
    /// or to continue after an end tag that closed an unclosed element.
    fn reset(&mut self, offset: usize) {
        self.repairs = self.repairs.saturating_add(1);
        self.scan.seek(offset);
    }

    fn position(&self, offset: usize) -> Position {
        Position::of(self.input, offset)
    }

    fn warn(&mut self, message: impl Into<String>, offset: usize) {
        self.warnings.push(offset, message);
    }

    fn fail(&mut self, kind: ErrorKind, message: impl Into<String>, offset: usize) {
        if self.fatal.is_none() {
            self.fatal = Some(Error::new(kind, message, self.position(offset)));
        }
        self.stopped = true;
    }

    /// Records a reader error and decides whether reading can go on past it.
    fn reader_error(&mut self, error: Broken) {
        let offset = self.scan.error_at();
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

    fn document(&mut self) -> Result<Feed<'a>, Error> {
        loop {
            let before = self.offset();
            match self.scan.next() {
                Token::Start(e) => return self.root(e, e.empty, before),
                Token::DocType(text) => self.doctype(text, before),
                Token::Text(text) => {
                    if let Some(stray) = stray_text(text) {
                        return Err(Error::new(
                            ErrorKind::NotXmlOrJson,
                            "text before the root element: this is not an XML feed",
                            self.position(before.saturating_add(stray)),
                        ));
                    }
                }
                Token::Eof => {
                    return Err(Error::new(
                        ErrorKind::Syntax,
                        "the document has no root element",
                        self.position(before),
                    ))
                }
                Token::End(_) | Token::Other => {}
                Token::Error(_) => {
                    let at = self.scan.error_at();
                    return Err(Error::new(
                        ErrorKind::Syntax,
                        "malformed XML before the root element",
                        self.position(at),
                    ));
                }
            }
        }
    }

    fn root(&mut self, e: Tag<'a>, empty: bool, at: usize) -> Result<Feed<'a>, Error> {
        let name = e.name;
        let local = local_name(name);
        self.format = match local {
            // An Atom Entry Document (RFC 4287 §4.1.2) is read as a feed of one entry.
            "feed" | "entry" => Format::Atom,
            "rss" | "channel" => Format::Rss2,
            "RDF" => Format::Rss1,
            _ => {
                let message = if local.eq_ignore_ascii_case("html") {
                    "this is an HTML page, not a feed (is the feed URL right, or did a login page answer?)"
                        .to_owned()
                } else {
                    [
                        "the root element <",
                        local,
                        "> is not a feed (expected <feed>, <rss> or <rdf:RDF>)",
                    ]
                    .concat()
                };
                return Err(Error::new(ErrorKind::NotAFeed, message, self.position(at)));
            }
        };
        let mut feed = Feed::new(self.format);
        let mut state = FeedState::default();
        let attrs = self.enter(&e);
        if let Some(lang) = attr_of(&attrs, "xml", "lang") {
            let lang = lang.trim();
            if !lang.is_empty() {
                feed.language = Some(Cow::Owned(lang.to_owned()));
            }
        }
        if local == "entry" {
            let entry = if empty {
                None
            } else {
                self.entry(&e, &attrs, at)
            };
            feed.entries.extend(entry);
        } else if !empty {
            self.feed_level(&mut feed, &mut state, name);
        }
        self.leave();
        self.finish_feed(&mut feed, state);
        Ok(feed)
    }

    /// Pushes the element's namespace bindings and `xml:base`; returns its attributes.
    fn enter(&mut self, e: &Tag<'a>) -> Vec<Attr<'a>> {
        let attrs = self.attributes(e);
        self.bindings.push(("\u{0}", Ns::Other)); // scope marker
        for attr in &attrs {
            let prefix = if attr.prefix == "xmlns" {
                attr.local
            } else if attr.prefix.is_empty() && attr.local == "xmlns" {
                ""
            } else {
                continue;
            };
            // Every element name is looked up through the bindings in scope: thousands of declarations
            // would make each lookup slow (a denial of service), and no real feed needs more than a few dozen.
            if self.bindings.len() >= MAX_BINDINGS {
                if !self.bindings_warned {
                    self.bindings_warned = true;
                    let at = self.offset();
                    self.warn(
                        "too many namespace declarations; the rest are read by their usual prefixes",
                        at,
                    );
                }
                continue;
            }
            self.bindings.push((prefix, namespace_of_uri(&attr.value)));
        }
        let base = self.base_for(&attrs);
        self.bases.push(base);
        self.depth = self.depth.saturating_add(1);
        self.open.push(e.name);
        attrs
    }

    fn leave(&mut self) {
        self.open.pop();
        while let Some((prefix, _)) = self.bindings.pop() {
            if prefix == "\u{0}" {
                break;
            }
        }
        self.bases.pop();
        self.depth = self.depth.saturating_sub(1);
    }

    /// The base URL for an element with these attributes: its `xml:base` resolved against the parent's.
    fn base_for(&self, attrs: &[Attr<'_>]) -> Option<String> {
        let parent = self.bases.last().cloned().flatten();
        match attr_of(attrs, "xml", "base") {
            Some(base) => {
                let base = base.trim();
                match &parent {
                    Some(p) => resolve(p, base).or(parent),
                    None if crate::url::has_scheme(base) => Some(base.to_owned()),
                    None => None,
                }
            }
            None => parent,
        }
    }

    /// The base that applies to an element: the `xml:base` chain, the document URL, then the feed's link.
    fn current_base(&self) -> Option<&str> {
        self.bases
            .last()
            .and_then(|b| b.as_deref())
            .or(self.feed_link.as_deref())
    }

    fn url(&mut self, raw: &str, base: Option<&str>, at: usize) -> Option<String> {
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

    fn attributes(&mut self, e: &Tag<'a>) -> Vec<Attr<'a>> {
        let mut list = Vec::new();
        for (key, value) in e.attributes() {
            let (prefix, local) = split_name(key);
            let value =
                crate::text::unescape_xml_with(value, &self.entities, self.options.max_text_bytes);
            list.push(Attr {
                prefix,
                local,
                value,
            });
        }
        list
    }

    fn namespace(&self, qname: &'a str) -> (Ns, &'a str) {
        let (prefix, local) = split_name(qname);
        let bound = self
            .bindings
            .iter()
            .rev()
            .find(|(p, _)| *p == prefix)
            .map(|(_, ns)| *ns);
        let ns = match bound {
            Some(ns) => ns,
            None if prefix.is_empty() => Ns::None,
            None => namespace_of_prefix(prefix),
        };
        let ns = match (ns, self.format) {
            (Ns::None, Format::Atom) => Ns::Atom,
            (Ns::None, _) => Ns::Rss,
            (ns, _) => ns,
        };
        (ns, local)
    }

    /// Reads tokens until the next child element of the current container; `None` at its end.
    fn next_child(&mut self, end: &str) -> Option<(Tag<'a>, bool, usize)> {
        while !self.stopped {
            let before = self.offset();
            match self.scan.next() {
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
                    self.warn(["the document ends before </", end, ">"].concat(), before);
                    self.stopped = true;
                    return None;
                }
                Token::Error(error) => self.reader_error(error),
                Token::Text(_) | Token::DocType(_) | Token::Other => {}
            }
        }
        None
    }

    /// The raw inner text of a leaf element, cut to the text limit; consumes its end tag.
    fn leaf(&mut self, e: &Tag<'a>, empty: bool, at: usize) -> &'a str {
        if empty {
            return "";
        }
        let content_start = self.offset();
        // Text-only bodies (escaped HTML, CDATA) are skipped with a memchr scan to their end tag instead
        // of token by token.
        if let Some((content_end, resume)) = text_only_end(self.input, content_start, e.name) {
            self.jump(resume);
            let raw = self.input.get(content_start..content_end).unwrap_or("");
            return self.cut_to_limit(raw, at);
        }
        let raw = match self.scan.read_to_end(e.name) {
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

    fn cut_to_limit(&mut self, raw: &'a str, at: usize) -> &'a str {
        let max = self.options.max_text_bytes;
        if raw.len() > max {
            self.warn(
                ["a text field longer than ", &decimal(max), " bytes was cut"].concat(),
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

    /// Continues reading at `offset` of the input after a fast scan (not a repair).
    fn jump(&mut self, offset: usize) {
        self.scan.seek(offset);
    }

    /// Recovers a leaf whose end tag never comes (`<title>x</titel>`, `<br>` in a feed's own markup):
    /// it ends at the first end tag that closes nothing opened inside it, or at an ancestor's end tag,
    /// whichever comes first. An ancestor's end tag is left
    /// for the ancestor; any other one is taken as this element's misspelled end tag.
    /// `None` when nothing closes it (the document is cut off inside it).
    fn unclosed_leaf(&mut self, content_start: usize) -> Option<&'a str> {
        let mut scan = Scanner::new(self.input);
        scan.seek(content_start);
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
                Token::Start(_) | Token::Text(_) | Token::DocType(_) | Token::Other => {}
            }
        }
    }

    fn skip(&mut self, e: &Tag<'a>, empty: bool, at: usize) {
        let _ = self.leaf(e, empty, at);
    }

    /// Decodes a leaf to text of the given markup, eagerly (for short fields: titles, names, ids).
    fn text(&self, raw: &'a str, markup: Markup) -> Cow<'a, str> {
        self.text_as(raw, naked_markup(raw, markup))
    }

    /// Decodes a leaf as exactly the markup given (ids and dates keep naked markup as written).
    fn text_as(&self, raw: &'a str, markup: Markup) -> Cow<'a, str> {
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
    fn lazy(&self, raw: &'a str, markup: Markup) -> LazyText<'a> {
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

    fn plain(&self, raw: &'a str) -> Option<Cow<'a, str>> {
        let text = self.text_as(raw, Markup::Text);
        (!text.is_empty()).then_some(text)
    }

    /// Puts the leaf's date, if it has one, in `slot`: over what is there when `replace`, else only if empty.
    fn put_date(&self, slot: &mut Option<Date<'a>>, raw: &'a str, replace: bool) {
        if replace || slot.is_none() {
            if let Some(date) = self.date(raw) {
                *slot = Some(date);
            }
        }
    }

    fn date(&self, raw: &'a str) -> Option<Date<'a>> {
        let text = self.plain(raw)?;
        Some(Date::parse(text))
    }

    /// The markup an Atom text construct declares (`type`, or Atom 0.3 `mode`).
    fn atom_markup(&self, attrs: &[Attr<'_>]) -> Markup {
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

    fn feed_level(&mut self, feed: &mut Feed<'a>, state: &mut FeedState, end: &str) {
        if self.depth > self.options.max_depth {
            let at = self.offset();
            self.fail(
                ErrorKind::LimitExceeded,
                "elements are nested too deeply",
                at,
            );
            return;
        }
        while let Some((e, empty, at)) = self.next_child(end) {
            let (field, ns, _, raw) = self.field(FEED_FIELDS, &e, empty, at);
            match field {
                Field::Entry => {
                    if feed.entries.len() >= self.options.max_entries {
                        if !self.entry_limit_warned {
                            self.entry_limit_warned = true;
                            let max = self.options.max_entries;
                            self.warn(
                                ["only the first ", &decimal(max), " entries were read"].concat(),
                                at,
                            );
                        }
                        self.skip(&e, empty, at);
                        continue;
                    }
                    let attrs = self.enter(&e);
                    let entry = if empty {
                        None
                    } else {
                        self.entry(&e, &attrs, at)
                    };
                    self.leave();
                    if let Some(entry) = entry {
                        feed.entries.push(entry);
                    }
                }
                Field::Channel => {
                    self.enter(&e);
                    self.feed_level(feed, state, e.name);
                    self.leave();
                }
                Field::Title => feed.title = self.title_text(&e, raw, ns),
                Field::DcTitle if feed.title.is_none() => {
                    feed.title = self.title_text(&e, raw, ns);
                }
                Field::Summary => feed.subtitle = self.described_text(&e, raw, ns),
                Field::DcDescription if feed.subtitle.is_none() => {
                    feed.subtitle = self.described_text(&e, raw, ns);
                }
                Field::Link => {
                    let link = self.atom_link(&e);
                    self.feed_link_candidate(feed, state, link, at);
                }
                Field::RssLink if state.rss_link.is_none() => {
                    state.rss_link = self.url_text(raw, at);
                    if self.feed_link.is_none() {
                        self.feed_link =
                            state.rss_link.clone().filter(|l| crate::url::has_scheme(l));
                    }
                }
                Field::Id => feed.id = self.plain(raw),
                Field::Updated => self.put_date(&mut feed.updated, raw, true),
                Field::Published if feed.updated.is_none() => {
                    feed.updated = self.date(raw);
                }
                Field::Language => {
                    if let Some(lang) = self.plain(raw) {
                        feed.language = Some(lang);
                    }
                }
                Field::Person => {
                    if let Some(person) = self.atom_person(&e) {
                        feed.authors.push(person);
                    }
                }
                Field::Author | Field::ManagingEditor => {
                    let slot = if field == Field::ManagingEditor {
                        &mut state.managing_editor
                    } else {
                        &mut state.creator
                    };
                    if slot.is_none() {
                        let text = self.text(raw, Markup::Text);
                        if !text.is_empty() {
                            *slot = Some(text.into_owned());
                        }
                    }
                }
                Field::Icon => state.atom_icon = self.url_text(raw, at),
                Field::Logo => state.atom_logo = self.url_text(raw, at),
                Field::Image => {
                    self.enter(&e);
                    while let Some((child, child_empty, child_at)) = self.next_child(e.name) {
                        let (_, child_local) = self.namespace(child.name);
                        let raw = self.leaf(&child, child_empty, child_at);
                        if child_local == "url" && state.rss_image.is_none() {
                            state.rss_image = self.url_text(raw, child_at);
                        }
                    }
                    self.leave();
                }
                Field::ItunesImage if state.rss_image.is_none() => {
                    state.rss_image = self.attr_url(&e, "href", at);
                }
                _ => {}
            }
            if field.skips_after() {
                self.skip(&e, empty, at);
            }
            if self.stopped {
                break;
            }
        }
    }

    /// Looks a child element up in a level's table; a leaf field's raw text is read (and its end tag consumed)
    /// here, once for every field. Returns the field, the element's namespace and local name, and the text.
    fn field(
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
        if empty && field.is_container() {
            field = Field::Skip;
        }
        // An RSS `<link>` with an `href` is an Atom link that forgot its namespace.
        if field == Field::RssLink && attr_present(e, "href") {
            field = Field::Link;
        }
        let raw = if field.is_leaf() {
            self.leaf(e, empty, at)
        } else {
            ""
        };
        (field, ns, local, raw)
    }

    /// A title (or an RSS category): its markup as declared or guessed, decoded to text; `None` when empty.
    fn title_text(&mut self, e: &Tag<'a>, raw: &'a str, ns: Ns) -> Option<Cow<'a, str>> {
        let markup = self.field_markup(e, ns);
        let markup = self.title_markup(raw, ns, markup);
        Some(self.text(raw, markup)).filter(|t| !t.is_empty())
    }

    /// A feed's subtitle decoded to text eagerly; `None` when empty.
    fn described_text(&mut self, e: &Tag<'a>, raw: &'a str, ns: Ns) -> Option<Cow<'a, str>> {
        let markup = self.field_markup(e, ns);
        Some(self.text(raw, markup)).filter(|t| !t.is_empty())
    }

    /// A leaf whose text is a URL (`<link>`, `<icon>`, `<url>`, `<uri>`), resolved and checked.
    fn url_text(&mut self, raw: &'a str, at: usize) -> Option<String> {
        let text = self.text(raw, Markup::Text);
        self.url(&text, None, at)
    }

    /// An attribute that holds a URL (`<itunes:image href>`), resolved and checked.
    fn attr_url(&mut self, e: &Tag<'a>, name: &str, at: usize) -> Option<String> {
        let attrs = self.attributes(e);
        let value = attr_of(&attrs, "", name)?;
        self.url(value, None, at)
    }

    /// A body kept raw (`LazyText`); `None` when it is blank.
    fn body(&self, raw: &'a str, markup: Markup) -> Option<LazyText<'a>> {
        (!raw.trim().is_empty()).then(|| self.lazy(raw, markup))
    }

    /// Atom `<content>` (markup from `type`, maybe a `src`) or RSS `<content:encoded>` (HTML):
    /// sets the entry's content when there is a body or a `src`.
    fn content(&mut self, entry: &mut Entry<'a>, e: &Tag<'a>, empty: bool, at: usize, atom: bool) {
        let attrs = self.attributes(e);
        let markup = if atom {
            self.atom_markup(&attrs)
        } else {
            Markup::Html
        };
        let base = self.base_for(&attrs).or(self.feed_link.clone());
        let src = match attr_of(&attrs, "", "src").filter(|_| atom) {
            Some(src) => self.url(src, base.as_deref(), at).map(Cow::Owned),
            None => None,
        };
        let raw = self.leaf(e, empty, at);
        let body = self.body(raw, markup);
        if body.is_some() || src.is_some() {
            entry.content = Some(Content {
                markup: body.as_ref().map_or(markup, LazyText::markup),
                body,
                src,
                base: base.map(Cow::Owned),
            });
        }
    }

    fn feed_link_candidate(
        &mut self,
        feed: &mut Feed<'a>,
        state: &mut FeedState,
        link: Option<LinkCandidate>,
        _at: usize,
    ) {
        let Some(link) = link else { return };
        if link.rel == "self" {
            if feed.feed_url.is_none() {
                feed.feed_url = Some(Cow::Owned(link.href));
            }
        } else {
            state.links.push(link);
            if self.feed_link.is_none() {
                self.feed_link = choose_link(&state.links)
                    .filter(|l| crate::url::has_scheme(l))
                    .map(str::to_owned);
            }
        }
    }

    /// An RSS (or Dublin Core) title is HTML only when it looks like HTML once XML is decoded: a known lowercase
    /// tag or a character reference (double escaping). Otherwise it is text, so `Optional&lt;T&gt;` keeps its `<T>`.
    /// Atom titles say what they are with `type`.
    fn title_markup(&self, raw: &str, ns: Ns, declared: Markup) -> Markup {
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

    /// RSS titles and descriptions are HTML in practice; Atom says so with `type`.
    fn field_markup(&mut self, e: &Tag<'a>, ns: Ns) -> Markup {
        if ns == Ns::Atom {
            let attrs = self.attributes(e);
            self.atom_markup(&attrs)
        } else {
            Markup::Html
        }
    }

    fn atom_link(&mut self, e: &Tag<'a>) -> Option<LinkCandidate> {
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

    fn atom_person(&mut self, e: &Tag<'a>) -> Option<Person<'a>> {
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

    fn entry(&mut self, e: &Tag<'a>, _attrs: &[Attr<'a>], at: usize) -> Option<Entry<'a>> {
        let mut entry = Entry::default();
        let mut links: Vec<LinkCandidate> = Vec::new();
        let mut rss_link: Option<String> = None;
        let mut guid: Option<(Cow<'a, str>, bool)> = None;
        let mut dc_date: Option<Date<'a>> = None;
        let mut thumbnails = Thumbnails::default();
        let repairs = self.repairs;
        let mut itunes_summary: Option<LazyText<'a>> = None;
        let mut dc_description: Option<LazyText<'a>> = None;
        let mut itunes_author: Option<Person<'a>> = None;
        while let Some((child, empty, at)) = self.next_child(e.name) {
            if child.name == e.name {
                // `<item>` inside an `<item>`: the previous one was never closed. Read the new one as a sibling.
                self.warn("an entry is not closed before the next one starts", at);
                self.reset(at);
                break;
            }
            let (field, ns, local, raw) = self.field(ENTRY_FIELDS, &child, empty, at);
            match field {
                Field::Title => entry.title = self.title_text(&child, raw, ns),
                Field::DcTitle if entry.title.is_none() => {
                    entry.title = self.title_text(&child, raw, ns);
                }
                Field::Link => links.extend(self.atom_link(&child)),
                Field::RssLink if rss_link.is_none() => {
                    rss_link = self.url_text(raw, at);
                }
                Field::Id => {
                    if let Some(id) = self.plain(raw) {
                        entry.id = id;
                    }
                }
                Field::Guid => {
                    let attrs = self.attributes(&child);
                    let permalink = attr_of(&attrs, "", "isPermaLink")
                        .is_none_or(|v| v.trim().eq_ignore_ascii_case("true"));
                    if let Some(id) = self.plain(raw) {
                        guid = Some((id, permalink));
                    }
                }
                Field::Published => {
                    self.put_date(&mut entry.published, raw, local == "published");
                }
                Field::Updated => self.put_date(&mut entry.updated, raw, true),
                Field::DcDate => dc_date = self.date(raw),
                Field::Summary => {
                    let markup = self.field_markup(&child, ns);
                    if let Some(body) = self.body(raw, markup) {
                        entry.summary = Some(body);
                    }
                }
                Field::ItunesSummary if itunes_summary.is_none() => {
                    itunes_summary = self.body(raw, Markup::Text);
                }
                Field::DcDescription if dc_description.is_none() => {
                    dc_description = self.body(raw, Markup::Html);
                }
                Field::Author => {
                    let text = self.text(raw, Markup::Text);
                    if !text.is_empty() {
                        let person = rss_person(text);
                        if !entry.authors.iter().any(|p| p.name == person.name) {
                            entry.authors.push(person);
                        }
                    }
                }
                Field::ItunesAuthor if itunes_author.is_none() => {
                    let text = self.text(raw, Markup::Text);
                    if !text.is_empty() {
                        itunes_author = Some(rss_person(text));
                    }
                }
                Field::Content | Field::Encoded => {
                    self.content(&mut entry, &child, empty, at, field == Field::Content);
                }
                Field::Person => {
                    let person = self.atom_person(&child);
                    if local == "author" {
                        entry.authors.extend(person);
                    }
                }
                Field::Category => {
                    let attrs = self.attributes(&child);
                    let label = attr_of(&attrs, "", "label")
                        .filter(|l| !l.trim().is_empty())
                        .or(attr_of(&attrs, "", "term"));
                    if let Some(label) = label {
                        let label = collapse_whitespace(label).into_owned();
                        if !label.is_empty() {
                            entry.categories.push(Cow::Owned(label));
                        }
                    }
                }
                Field::RssCategory => {
                    // Read like RSS titles (`Rock &amp;amp; Roll`, `Optional<T>`).
                    if let Some(term) = self.title_text(&child, raw, ns) {
                        entry.categories.push(term);
                    }
                }
                Field::Media => self.media(&child, empty, at, &mut thumbnails),
                Field::Enclosure => {
                    let attrs = self.attributes(&child);
                    if let Some(url) = attr_of(&attrs, "", "url") {
                        let mime = attr_of(&attrs, "", "type").unwrap_or("").trim();
                        if thumbnails.enclosure.is_none() && is_image(mime, url) {
                            thumbnails.enclosure = self.url(url, None, at).map(image);
                        }
                    }
                }
                Field::ItunesImage if thumbnails.itunes.is_none() => {
                    thumbnails.itunes = self.attr_url(&child, "href", at).map(image);
                }
                _ => {}
            }
            if field.skips_after() {
                self.skip(&child, empty, at);
            }
            if self.stopped {
                break;
            }
        }
        // Atom enclosures of an image type are thumbnails too.
        if thumbnails.enclosure.is_none() {
            thumbnails.enclosure = links
                .iter()
                .find(|l| l.rel == "enclosure" && is_image(&l.mime, &l.href))
                .map(|l| Image {
                    url: l.href.clone(),
                    width: l.width,
                    height: l.height,
                });
        }
        // RSS: the trimmed `<link>` first; Atom-style links (and `atom:link` in RSS) after it.
        entry.link = rss_link
            .or_else(|| choose_link(&links).map(str::to_owned))
            .or_else(|| {
                guid.as_ref()
                    .filter(|(id, permalink)| *permalink && is_http(id))
                    .and_then(|(id, _)| safe_url(None, id))
            })
            .map(Cow::Owned);
        if entry.id.is_empty() {
            if let Some((id, _)) = guid {
                entry.id = id;
            }
        }
        if entry.published.is_none() {
            entry.published = dc_date;
        }
        if entry.summary.is_none() {
            entry.summary = dc_description.or(itunes_summary);
        }
        if entry.authors.is_empty() {
            entry.authors.extend(itunes_author);
        }
        entry.image = thumbnails.best();
        // An entry that needed repairs and still has nothing to show or link to is noise: skip it.
        let untitled = entry.title.is_none() && entry.link.is_none();
        let broken = self.stopped || self.repairs != repairs;
        if untitled && broken {
            self.warn("a broken entry was skipped", at);
            return None;
        }
        Some(entry)
    }

    /// `media:thumbnail`, `media:content` (which may hold its own thumbnails) and `media:group` (which holds both).
    fn media(&mut self, e: &Tag<'a>, empty: bool, at: usize, thumbnails: &mut Thumbnails) {
        let (_, local) = self.namespace(e.name);
        let group = local == "group";
        if !group {
            let attrs = self.attributes(e);
            let url = attr_of(&attrs, "", "url").and_then(|u| self.url(u, None, at));
            if let Some(url) = url {
                let image = Image {
                    url,
                    width: attr_of(&attrs, "", "width").and_then(dimension),
                    height: attr_of(&attrs, "", "height").and_then(dimension),
                };
                if local == "thumbnail" {
                    if thumbnails.media_thumbnail.is_none() {
                        thumbnails.media_thumbnail = Some(image);
                    }
                } else {
                    let medium = attr_of(&attrs, "", "medium").unwrap_or("");
                    let mime = attr_of(&attrs, "", "type").unwrap_or("");
                    if medium.eq_ignore_ascii_case("image")
                        || starts_with_ignore_case(mime.trim(), "image/")
                    {
                        thumbnails.offer_media_content(image);
                    }
                }
            }
        }
        if empty {
            return;
        }
        if local == "thumbnail" {
            // A thumbnail holds nothing feedlet reads; skipping it keeps nested thumbnails from recursing.
            self.skip(e, empty, at);
            return;
        }
        self.enter(e);
        while let Some((inner, inner_empty, inner_at)) = self.next_child(e.name) {
            let (inner_ns, inner_local) = self.namespace(inner.name);
            let wanted = inner_local == "thumbnail" || (group && inner_local == "content");
            if inner_ns == Ns::Media && wanted {
                self.media(&inner, inner_empty, inner_at, thumbnails);
            } else {
                self.skip(&inner, inner_empty, inner_at);
            }
        }
        self.leave();
    }

    fn finish_feed(&mut self, feed: &mut Feed<'a>, state: FeedState) {
        feed.link = state
            .rss_link
            .or_else(|| choose_link(&state.links).map(str::to_owned))
            .map(Cow::Owned);
        feed.icon = state
            .atom_icon
            .or(state.atom_logo)
            .or(state.rss_image)
            .map(Cow::Owned);
        // managingEditor is the last resort: it names an editor, not the writer.
        if feed.authors.is_empty() {
            if let Some(editor) = state.creator.or(state.managing_editor) {
                feed.authors.push(rss_person(Cow::Owned(editor)));
            }
        }
    }

    /// Reads `<!ENTITY name "value">` declarations from an internal DTD subset.
    /// External entities are never fetched, and values are kept as text, never expanded again.
    fn doctype(&mut self, dtd: &str, at: usize) {
        let mut rest = dtd;
        while let Some((_, after)) = scan::split_once(rest, "<!ENTITY") {
            rest = after;
            let declaration = rest.split('>').next().unwrap_or("");
            let mut words = declaration.split_whitespace();
            let Some(name) = words.next() else { continue };
            if name == "%" {
                continue;
            }
            // The name is the first word: what follows it starts right after it.
            let after_name = declaration
                .trim_start()
                .get(name.len()..)
                .unwrap_or("")
                .trim_start();
            if after_name.starts_with("SYSTEM") || after_name.starts_with("PUBLIC") {
                self.warn(
                    ["the external entity &", name, "; is not loaded"].concat(),
                    at,
                );
                continue;
            }
            let quote = after_name
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'');
            let Some(quote) = quote else { continue };
            let value = after_name
                .get(1..)
                .and_then(|v| v.split(quote).next())
                .unwrap_or("");
            if self.entities.len() >= 256 || value.len() > 4096 {
                self.warn(
                    ["the entity &", name, "; is too large and is not expanded"].concat(),
                    at,
                );
                continue;
            }
            // References inside the value stay literal: expansion is one level deep by construction.
            self.entities.push((name.to_owned(), value.to_owned()));
        }
    }
}

/// A text field that holds child elements (naked markup such as `<title><b>x</b></title>`) is inline XHTML:
/// its markup is stripped and its text decoded once, as for `type="xhtml"`.
fn naked_markup(raw: &str, markup: Markup) -> Markup {
    if markup != Markup::Text {
        return markup;
    }
    let mut rest = raw;
    while let Some(at) = scan::find(rest, b'<') {
        let tail = rest.get(at..).unwrap_or("");
        if let Some(body) = tail.strip_prefix("<![CDATA[") {
            rest = scan::split_once(body, "]]>").map_or("", |(_, after)| after);
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

/// True when text holds a common HTML tag (`<p>`, `</b>`, `<br/>`, lowercase as feeds write them) or a
/// character reference; a generic type such as `List<String>` or `Vec<T>` is not HTML.
fn looks_like_html(text: &str) -> bool {
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

/// `prefix:local` into its parts (`""` for no prefix); a byte search, as names are short.
fn split_name(qname: &str) -> (&str, &str) {
    split_at_byte(qname, b':').unwrap_or(("", qname))
}

fn local_name(qname: &str) -> &str {
    qname.rsplit(':').next().unwrap_or(qname)
}

fn attr_of<'x>(attrs: &'x [Attr<'_>], prefix: &str, local: &str) -> Option<&'x str> {
    attrs
        .iter()
        .find(|a| {
            a.local == local && (a.prefix == prefix || (prefix.is_empty() && a.prefix == "atom"))
        })
        .map(|a| a.value.as_ref())
}

fn attr_present(e: &Tag<'_>, name: &str) -> bool {
    e.attributes().any(|(key, _)| key == name)
}

/// Where text before the root element stops being whitespace, if it does. References (`&amp;`) are
/// dropped there; a `&` that starts no reference is text.
fn stray_text(text: &str) -> Option<usize> {
    let mut from = 0;
    loop {
        let rest = text.get(from..)?;
        let amp = rest.find('&');
        let plain = rest.get(..amp.unwrap_or(rest.len()))?;
        if !plain.trim().is_empty() {
            return Some(from);
        }
        let amp = from.checked_add(amp?)?;
        let after = amp.checked_add(1)?;
        match text.get(after..)?.find([';', '&']) {
            Some(end) if text.as_bytes().get(after.checked_add(end)?) == Some(&b';') => {
                from = after.checked_add(end)?.checked_add(1)?;
            }
            _ => return Some(amp),
        }
    }
}

/// Atom's order: an HTML alternate, then a link with no rel, then the first link that is not `self`.
fn choose_link(links: &[LinkCandidate]) -> Option<&str> {
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

/// An image known only by its URL (an enclosure, an iTunes image).
fn image(url: String) -> Image {
    Image {
        url,
        width: None,
        height: None,
    }
}

fn is_http(s: &str) -> bool {
    starts_with_ignore_case(s, "http://") || starts_with_ignore_case(s, "https://")
}

/// An image by MIME type, or, with no type, by the URL's extension (velog's enclosures have none).
/// The MIME type may be in any case (`image/JPEG`).
fn is_image(mime: &str, url: &str) -> bool {
    if !mime.is_empty() {
        return starts_with_ignore_case(mime, "image/");
    }
    let end = url
        .bytes()
        .position(|b| b == b'?' || b == b'#')
        .unwrap_or(url.len());
    let path = url.as_bytes().get(..end).unwrap_or_default();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg"]
        .iter()
        .any(|ext| {
            path.len() >= ext.len()
                && path
                    .get(path.len() - ext.len()..)
                    .is_some_and(|tail| tail.eq_ignore_ascii_case(ext.as_bytes()))
        })
}

/// `starts_with`, ignoring ASCII case.
fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// RSS `author` is often `email (Name)` or `Name <email>`.
fn rss_person(text: Cow<'_, str>) -> Person<'_> {
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

/// Splits at the first `byte` (ASCII), which belongs to neither half.
fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    // Names and authors are short: a plain loop beats a block search here.
    let at = s.bytes().position(|b| b == byte)?;
    Some((s.get(..at)?, s.get(at.saturating_add(1)..)?))
}

/// Removes every trailing `byte` (ASCII).
fn trim_end_byte(mut s: &str, byte: u8) -> &str {
    while s.as_bytes().last() == Some(&byte) {
        s = s.get(..s.len().saturating_sub(1)).unwrap_or("");
    }
    s
}

/// Atom xhtml content is wrapped in one `<div>` that is not part of the content.
fn strip_xhtml_div(raw: &str) -> &str {
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
    match inner.rfind("</") {
        Some(close) => inner.get(..close).unwrap_or(inner),
        None => inner,
    }
}
