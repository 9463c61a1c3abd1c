//! Names: the namespaces feedlet knows (by URI, and by prefix when undeclared), the field tables that map a child
//! element to what it is for, and attributes by name.

use std::borrow::Cow;

use super::reader::Tag;

/// The namespaces feedlet reads, whatever prefix a document gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
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
    /// XHTML: `xhtml:body` as an RSS item's content.
    Xhtml,
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
    ("http://www.w3.org/XML/1998/namespace", Ns::Xml), ("http://www.w3.org/1999/xhtml", Ns::Xhtml),
];

/// The namespace a URI names, ignoring a trailing `/` or `#` (and case, for iTunes).
pub(super) fn namespace_of_uri(uri: &str) -> Ns {
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
    ("xhtml", Ns::Xhtml),
    ("rss", Ns::Rss),
];

/// The namespace for `key` in a table; `Ns::Other` when it is not there.
fn lookup(table: &[(&str, Ns)], key: &str) -> Ns {
    table
        .iter()
        .find(|(name, _)| *name == key)
        .map_or(Ns::Other, |(_, ns)| *ns)
}

/// Undeclared prefixes are common in real feeds (`dc:creator` without `xmlns:dc`): read them by convention.
pub(super) fn namespace_of_prefix(prefix: &str) -> Ns {
    match lookup(NAMESPACE_PREFIXES, prefix) {
        // `ITUNES:AUTHOR`: some podcast tools write the prefix in capitals too.
        Ns::Other if prefix.eq_ignore_ascii_case("itunes") => Ns::Itunes,
        ns => ns,
    }
}

/// What a child of the channel or of an entry is to feedlet. The tables below map (namespace, local name)
/// to a field, so each level is one table lookup, one leaf read and one `match` on a small enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Field {
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
    /// `<categories>`, a wrapper of RSS `<category>` elements.
    Categories,
    /// `itunes:category`: its `text` attribute, and subcategories nested in it.
    ItunesCategory,
    /// RSS content in other forms: `xhtml:body` (inline XHTML) and `<fullitem>` (HTML).
    XhtmlBody,
    FullItem,
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
    pub(super) fn is_container(self) -> bool {
        matches!(
            self,
            Field::Channel | Field::Image | Field::Person | Field::Categories
        )
    }

    /// Fields read from the start tag's attributes alone: their element is skipped after them.
    pub(super) fn skips_after(self) -> bool {
        matches!(self, Field::Link | Field::Enclosure | Field::ItunesImage)
    }

    /// Leaf fields read the element's raw text first.
    pub(super) fn is_leaf(self) -> bool {
        self as u8 >= Field::Skip as u8
    }
}

/// The channel's (or Atom feed's) children by namespace; anything else is skipped.
#[rustfmt::skip]
pub(super) const FEED_FIELDS: &[(Ns, &[(&str, Field)])] = &[
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
        // Not in RSS 2.0's channel, but real feeds put the writer there.
        ("author", Field::Author),
    ]),
    // Feed level: a subtitle (DcDescription) only when there is no other.
    (Ns::Dc, &[
        ("title", Field::DcTitle), ("description", Field::DcDescription), ("date", Field::Updated),
        ("language", Field::Language), ("creator", Field::Author), ("author", Field::Author),
        // `dcterms:` (read as Dublin Core): the feed's update date when it has no other.
        ("modified", Field::Updated), ("issued", Field::Published), ("created", Field::Published),
    ]),
    (Ns::Itunes, &[
        ("summary", Field::DcDescription), ("subtitle", Field::DcDescription), ("author", Field::Author),
        ("image", Field::ItunesImage),
    ]),
];

/// An entry's (or item's) children by namespace; anything else is skipped.
#[rustfmt::skip]
pub(super) const ENTRY_FIELDS: &[(Ns, &[(&str, Field)])] = &[
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
        ("enclosure", Field::Enclosure), ("categories", Field::Categories), ("fullitem", Field::FullItem),
    ]),
    (Ns::Dc, &[
        ("title", Field::DcTitle), ("modified", Field::Updated), ("date", Field::DcDate),
        ("description", Field::DcDescription), ("creator", Field::Author), ("subject", Field::RssCategory),
        ("author", Field::Author), ("issued", Field::DcDate), ("created", Field::DcDate),
    ]),
    (Ns::Itunes, &[
        ("summary", Field::ItunesSummary), ("subtitle", Field::ItunesSummary), ("author", Field::ItunesAuthor),
        ("image", Field::ItunesImage), ("category", Field::ItunesCategory),
    ]),
    (Ns::Content, &[("encoded", Field::Encoded)]),
    (Ns::Xhtml, &[("body", Field::XhtmlBody)]),
    (Ns::Media, &[
        ("thumbnail", Field::Media), ("content", Field::Media), ("group", Field::Media), ("title", Field::Media),
        ("description", Field::Media), ("category", Field::RssCategory),
    ]),
];

/// An attribute of the element at hand: local name, namespace prefix and decoded value.
pub(super) struct Attr<'x> {
    pub(super) prefix: &'x str,
    pub(super) local: &'x str,
    /// Borrowed from the input unless a reference had to be decoded.
    pub(super) value: Cow<'x, str>,
}

/// The value of an attribute by prefix and local name; an unprefixed name also matches `atom:name`.
pub(super) fn attr_of<'x>(attrs: &'x [Attr<'_>], prefix: &str, local: &str) -> Option<&'x str> {
    attrs
        .iter()
        .find(|a| {
            a.local == local && (a.prefix == prefix || (prefix.is_empty() && a.prefix == "atom"))
        })
        .map(|a| a.value.as_ref())
}

/// Whether the tag has an attribute of this exact name.
pub(super) fn attr_present(e: &Tag<'_>, name: &str) -> bool {
    e.attributes().any(|(key, _)| key == name)
}

/// `prefix:local` into its parts (`""` for no prefix); a byte search, as names are short.
pub(super) fn split_name(qname: &str) -> (&str, &str) {
    split_at_byte(qname, b':').unwrap_or(("", qname))
}

/// The part after the last `:`.
pub(super) fn local_name(qname: &str) -> &str {
    crate::find::after_last(qname, b':')
}

/// Splits at the first `byte` (ASCII), which belongs to neither half.
pub(super) fn split_at_byte(s: &str, byte: u8) -> Option<(&str, &str)> {
    // Names and authors are short: a plain loop beats a block search here.
    let at = s.bytes().position(|b| b == byte)?;
    Some((s.get(..at)?, s.get(at.saturating_add(1)..)?))
}
