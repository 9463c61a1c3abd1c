//! The XML feed reader: Atom 1.0/0.3, RSS 0.9x/2.0 and RSS 1.0 (RDF) into the model, recovering where it can.
//!
//! This module walks the document to its root element, picks the format from it and holds the scopes
//! (namespace bindings, `xml:base`, DTD entities) the levels below read in. Only the feed's structure (feed,
//! channel, entry, author, media group) is walked token by token, over one quick-xml reader (`reader.rs`);
//! every leaf field is taken as a raw slice of the input, so escaped HTML bodies are skipped over in one
//! memchr scan and decoded later, only if something shows them.
//!
//! - `reader.rs`: quick-xml as tokens with byte offsets, `seek`, the text-only skip.
//! - `walk.rs`: child by child, leaf bodies, recovery from broken markup.
//! - `names.rs`: namespaces, the field tables, attributes by name.
//! - `dtd.rs`: entities of an internal DTD subset.
//! - `feed.rs`, `entry.rs`: the channel and entry levels, one `match` on the field each.
//! - `atom.rs`, `rss.rs`, `media.rs`: what each vocabulary's elements mean (RSS 1.0's elements are RSS's).
//! - `values.rs`: leaf text to text, lazy bodies, dates and checked URLs.

mod atom;
mod attributes;
mod dtd;
mod entry;
mod feed;
mod media;
mod names;
mod reader;
mod rss;
mod values;
mod walk;

use std::borrow::Cow;

use crate::error::{Error, ErrorKind, Position, Warnings};
use crate::model::{Feed, Format};
use crate::options::ParseOptions;
use crate::url::resolve;
use feed::FeedState;
use names::{attr_of, local_name, namespace_of_prefix, namespace_of_uri, split_name, Attr, Ns};
use reader::{Tag, Token, XmlReader};

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

/// The state of one parse: the reader, the open elements and scopes, the warnings and how reading went.
struct Parser<'a, 'o> {
    input: &'a str,
    /// The reader; recovery moves it back to an end tag or on past a repaired element.
    reader: XmlReader<'a>,
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
    /// Whether the wrong-case name warning was given (once per document).
    case_warned: bool,
}

impl<'a, 'o> Parser<'a, 'o> {
    /// A parser at the start of `input`.
    fn new(input: &'a str, options: &'o ParseOptions) -> Self {
        Parser {
            input,
            reader: XmlReader::new(input),
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
            case_warned: false,
        }
    }

    /// The line and column of a byte offset.
    fn position(&self, offset: usize) -> Position {
        Position::of(self.input, offset)
    }

    /// Records a recovered problem at a byte offset.
    fn warn(&mut self, message: impl Into<String>, offset: usize) {
        self.warnings.push(offset, message);
    }

    /// Records an error that ends the parse (the first one wins) and stops reading.
    fn fail(&mut self, kind: ErrorKind, message: impl Into<String>, offset: usize) {
        if self.fatal.is_none() {
            self.fatal = Some(Error::new(kind, message, self.position(offset)));
        }
        self.stopped = true;
    }

    /// Reads up to the root element (a DOCTYPE's entities on the way) and the feed in it.
    fn document(&mut self) -> Result<Feed<'a>, Error> {
        loop {
            let before = self.offset();
            match self.reader.next() {
                Token::Start(e) => {
                    self.reader.leave_prolog();
                    return self.root(e, e.empty, before);
                }
                Token::DocType(text) => self.doctype(text, before),
                // References (`&amp;`) are dropped there; a `&` that starts no reference is text.
                Token::Text(text) if text.starts_with('&') || !text.trim().is_empty() => {
                    return Err(Error::new(
                        ErrorKind::NotXmlOrJson,
                        "text before the root element: this is not an XML feed",
                        self.position(before),
                    ));
                }
                Token::Eof => {
                    return Err(Error::new(
                        ErrorKind::Syntax,
                        "the document has no root element",
                        self.position(before),
                    ))
                }
                Token::Text(_) | Token::Reference | Token::End(_) | Token::Other => {}
                Token::Error(_) => {
                    let at = self.reader.error_at();
                    return Err(Error::new(
                        ErrorKind::Syntax,
                        "malformed XML before the root element",
                        self.position(at),
                    ));
                }
            }
        }
    }

    /// The root element picks the format: `<feed>` or `<entry>` is Atom, `<rss>` or `<channel>` RSS 2.0,
    /// `<rdf:RDF>` RSS 1.0 (RDF); any other root is not a feed.
    fn root(&mut self, e: Tag<'a>, empty: bool, at: usize) -> Result<Feed<'a>, Error> {
        let name = e.name;
        let local = local_name(name);
        self.format = match local {
            // An Atom Entry Document (RFC 4287 §4.1.2) is read as a feed of one entry.
            "feed" | "entry" => Format::Atom,
            // `<RSS>`, `<Channel>`: the names in the wrong case (issue 11, class 2).
            l if l.eq_ignore_ascii_case("rss") || l.eq_ignore_ascii_case("channel") => Format::Rss2,
            "RDF" => Format::Rss1,
            _ => {
                if local.eq_ignore_ascii_case("html") && self.open.is_empty() {
                    if let Some((inner, inner_at)) = self.feed_in_page() {
                        self.warn(
                            "the feed is inside an HTML page; it was read from its feed element",
                            inner_at,
                        );
                        return self.root(inner, inner.empty, inner_at);
                    }
                }
                let message = if local.eq_ignore_ascii_case("html") {
                    "this is an HTML page, not a feed (is the feed URL right, or did a login page answer?)"
                        .to_owned()
                } else {
                    crate::text::cat(&[
                        "the root element <",
                        local,
                        "> is not a feed (expected <feed>, <rss> or <rdf:RDF>)",
                    ])
                };
                return Err(Error::new(ErrorKind::NotAFeed, message, self.position(at)));
            }
        };
        let mut feed = Feed::new(self.format);
        let mut state = FeedState::default();
        let attrs = self.enter(&e);
        self.unknown_root_namespace(name, at);
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
        if feed.entries.is_empty() && !self.stopped {
            self.unread_entries();
        }
        Ok(feed)
    }

    /// The root of a feed in an unexpected default namespace (`<rss xmlns="https://cyber.harvard.edu/…">`,
    /// Atom's pre-1.0 drafts, an unknown URI): its unprefixed elements are read as the format's own, with a
    /// warning. Without this the whole feed would be skipped as foreign markup and come back empty.
    fn unknown_root_namespace(&mut self, name: &'a str, at: usize) {
        let (prefix, _) = split_name(name);
        let (ns, _) = self.namespace(name);
        let expected = match self.format {
            Format::Atom => Ns::Atom,
            _ => Ns::Rss,
        };
        // RSS 1.0's root is `rdf:RDF`; its items are in the RSS 1.0 namespace, which is known.
        if !prefix.is_empty() || ns == expected || self.format == Format::Rss1 {
            return;
        }
        if let Some(binding) = self.bindings.iter_mut().rev().find(|(p, _)| p.is_empty()) {
            binding.1 = Ns::None;
        }
        let format = if expected == Ns::Atom { "Atom" } else { "RSS" };
        self.warn(
            crate::text::cat(&[
                "the feed is in an unknown namespace; its elements were read as ",
                format,
            ]),
            at,
        );
    }

    /// A feed that came back with no entries although the document has `<item>` or `<entry>` elements
    /// (in a namespace or place feedlet does not read) gets a warning at the first of them, so an empty
    /// list is never silent about posts it missed.
    fn unread_entries(&mut self) {
        let mut scan = XmlReader::new(self.input);
        loop {
            let before = scan.position();
            match scan.next() {
                Token::Start(e) => {
                    let local = local_name(e.name);
                    if local.eq_ignore_ascii_case("item") || local.eq_ignore_ascii_case("entry") {
                        self.warn(
                            "the document has entries feedlet could not read (an unknown namespace or an unexpected place)",
                            before,
                        );
                        return;
                    }
                }
                Token::Eof => return,
                Token::Error(_) if scan.position() <= before => return,
                _ => {}
            }
        }
    }

    /// The first `<feed>`, `<rss>` or `<rdf:RDF>` element inside an (X)HTML page, with its offset.
    fn feed_in_page(&mut self) -> Option<(Tag<'a>, usize)> {
        loop {
            let before = self.offset();
            match self.reader.next() {
                Token::Start(e) => {
                    let local = local_name(e.name);
                    if matches!(local, "feed" | "rss" | "RDF") && !e.empty {
                        return Some((e, before));
                    }
                }
                Token::Eof => return None,
                Token::Error(_) if self.offset() <= before => return None,
                _ => {}
            }
        }
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

    /// Pops what `enter` pushed.
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
    /// A base that does not resolve to an http(s) URL (`data:,`, `javascript:x`, `https:x`) is ignored with a
    /// warning and the parent's kept: a non-web base would leave relative references to the host page.
    /// Called once per element: by `enter` for the elements it enters, directly for the leaves that take a base
    /// (links and content), so each ignored base is warned about once.
    fn base_for(&mut self, attrs: &[Attr<'_>]) -> Option<String> {
        let parent = self.bases.last().cloned().flatten();
        let Some(base) = attr_of(attrs, "xml", "base") else {
            return parent;
        };
        let base = base.trim();
        let resolved = match &parent {
            Some(p) => resolve(p, base),
            None if crate::url::has_scheme(base) => Some(base.to_owned()),
            // A relative base with nothing to resolve it against: the chain stays without a base.
            None => return None,
        };
        let resolved = resolved.filter(|url| crate::url::web_host(url).is_some());
        if resolved.is_none() {
            let at = self.offset();
            self.warn("an xml:base that is not an http(s) URL is ignored", at);
        }
        resolved.or(parent)
    }

    /// The base that applies to an element: the `xml:base` chain, the document URL, then the feed's link.
    fn current_base(&self) -> Option<&str> {
        self.bases
            .last()
            .and_then(|b| b.as_deref())
            .or(self.feed_link.as_deref())
    }

    /// The element's attributes, names split at the prefix, values decoded (DTD entities included).
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

    /// The namespace and local name of an element name: a bound prefix, else the prefix's usual namespace;
    /// no prefix is the document's own format.
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
}
