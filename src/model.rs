//! The format-neutral feed model that every parser produces and every renderer reads.
//!
//! Text borrows from the input where it can (`Cow<'a, str>`).
//! Summaries and content stay as raw source slices until something asks for them
//! ([`LazyText`]), so a widget that shows 5 of 100 entries never decodes the other 95 bodies.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::date::{format_utc, parse_date};
use crate::error::Warning;
use crate::text::{excerpt, html_to_text};

/// Which syntax a feed was written in, chosen from its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Atom 1.0 or 0.3: root `<feed>`.
    Atom,
    /// RSS 0.9x or 2.0: root `<rss>` (or a bare `<channel>`).
    Rss2,
    /// RSS 1.0 / RDF: root `<rdf:RDF>`.
    Rss1,
    /// JSON Feed 1.0 or 1.1.
    Json,
}

/// A feed: the channel-level data and its entries.
///
/// Its serde shape is the JSON of `feedlet parse` and the object of `parseFeed`: camelCase, every member
/// written (`null` when missing), after `prepare` has filled each entry's summary and thumbnail. A `Feed` read
/// back (`renderFeed` takes one) may leave any member out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Feed<'a> {
    /// The syntax the feed was written in.
    pub format: Format,
    /// Plain-text title. Atom: `<title>`; RSS: `<channel><title>`; JSON: `title`.
    #[serde(default)]
    pub title: Option<Cow<'a, str>>,
    /// Plain-text description. Atom: `<subtitle>` (0.3: `<tagline>`); RSS: `<description>`; JSON: `description`.
    #[serde(default)]
    pub subtitle: Option<Cow<'a, str>>,
    /// The site's address, resolved. Atom: `<link rel="alternate">`; RSS: `<link>`; JSON: `home_page_url`.
    #[serde(default)]
    pub link: Option<Cow<'a, str>>,
    /// The feed's own address. Atom and RSS: `<link rel="self">` / `<atom:link rel="self">`; JSON: `feed_url`.
    #[serde(default)]
    pub feed_url: Option<Cow<'a, str>>,
    /// Atom: `<id>`; RSS and JSON: the feed URL or link when present.
    #[serde(default)]
    pub id: Option<Cow<'a, str>>,
    /// Atom: `<updated>` (0.3: `<modified>`); RSS: `<lastBuildDate>`, `<pubDate>`, `<dc:date>`.
    /// ISO 8601 in UTC (`2026-03-06T15:00:00Z`) when readable, else the text as written.
    #[serde(default)]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub updated: Option<Date<'a>>,
    /// A language tag. RSS: `<language>` / `<dc:language>`; Atom: `xml:lang` on the root; JSON: `language`.
    #[serde(default)]
    pub language: Option<Cow<'a, str>>,
    /// Atom: `<author>`; RSS: `<managingEditor>`, `<dc:creator>`; JSON: `authors` / `author`.
    #[serde(default)]
    pub authors: Vec<Person<'a>>,
    /// Atom: `<icon>` (else `<logo>`); RSS: `<image><url>`; JSON: `icon` (else `favicon`). Resolved.
    #[serde(default)]
    pub icon: Option<Cow<'a, str>>,
    /// Entries in document order.
    #[serde(default)]
    pub entries: Vec<Entry<'a>>,
    /// Problems that were recovered from.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

impl<'a> Feed<'a> {
    /// An empty feed of the given format.
    pub fn new(format: Format) -> Self {
        Feed {
            format,
            title: None,
            subtitle: None,
            link: None,
            feed_url: None,
            id: None,
            updated: None,
            language: None,
            authors: Vec::new(),
            icon: None,
            entries: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Copies every borrowed string so the feed outlives its input.
    pub fn into_owned(self) -> Feed<'static> {
        Feed {
            format: self.format,
            title: owned(self.title),
            subtitle: owned(self.subtitle),
            link: owned(self.link),
            feed_url: owned(self.feed_url),
            id: owned(self.id),
            updated: self.updated.map(Date::into_owned),
            language: owned(self.language),
            authors: self.authors.into_iter().map(Person::into_owned).collect(),
            icon: owned(self.icon),
            entries: self.entries.into_iter().map(Entry::into_owned).collect(),
            warnings: self.warnings,
        }
    }
}

/// One post.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(default, rename_all = "camelCase")]
pub struct Entry<'a> {
    /// Atom: `<id>`; RSS: `<guid>`; JSON: `id`. When missing: the link, else a stable hash of title and date.
    pub id: Cow<'a, str>,
    /// Plain-text title: tags stripped, entities decoded once, whitespace collapsed.
    pub title: Option<Cow<'a, str>>,
    /// The post's address, resolved; only http(s) or a relative reference survives.
    pub link: Option<Cow<'a, str>>,
    /// Atom: `<published>` (0.3: `<issued>`); RSS: `<pubDate>`, else `<dc:date>`; JSON: `date_published`.
    /// ISO 8601 in UTC; `null` when missing or unreadable (the text as written is then in `dateText`).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub published: Option<Date<'a>>,
    /// Atom: `<updated>` (0.3: `<modified>`); RSS: `<atom:updated>`, `<dc:modified>`; JSON: `date_modified`.
    /// ISO 8601 in UTC; `null` when missing or unreadable (the text as written is then in `dateText`).
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub updated: Option<Date<'a>>,
    /// The date as the feed wrote it, when it could not be read (`published`, else `updated`): shown as written,
    /// never sorted by. `null` when the dates were read or there are none.
    pub date_text: Option<Cow<'a, str>>,
    /// Atom: `<summary>`; RSS: `<description>`; JSON: `summary`. Read as plain text through `Entry::summary_text`;
    /// serialized as plain text (after `prepare`: an excerpt of the content when there is no summary).
    #[serde(serialize_with = "plain_text_out", deserialize_with = "plain_text_in")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub summary: Option<LazyText<'a>>,
    /// Atom: `<content>`; RSS: `<content:encoded>`; JSON: `content_html`, else `content_text`.
    pub content: Option<Content<'a>>,
    /// Atom: `<author>` (inherited from the feed); RSS: `<author>`, `<dc:creator>`; JSON: `authors`.
    pub authors: Vec<Person<'a>>,
    /// Atom: `<category label|term>`; RSS: `<category>`, `<dc:subject>`; JSON: `tags`. No duplicates, in order.
    pub categories: Vec<Cow<'a, str>>,
    /// The thumbnail the feed names (media elements, an image enclosure, JSON `image`); after `prepare`,
    /// else the first real `<img>` of the summary or content.
    pub image: Option<Image>,
    /// Where the entry's relative references resolve when its content names no base and its link is not
    /// absolute: the entry element's `xml:base` chain, which ends at the document's own URL (`baseUrl`).
    pub base: Option<Cow<'a, str>>,
}

impl<'a> Entry<'a> {
    /// The absolute web URL the entry's relative references resolve against: its content's base, else its link,
    /// else its own base, whichever is first an absolute http(s) URL. `None` when none is: relative URLs are then
    /// dropped rather than left for the host page to resolve against itself.
    pub fn base(&self) -> Option<&str> {
        let content = self.content.as_ref().and_then(|c| c.base.as_deref());
        [content, self.link.as_deref(), self.base.as_deref()]
            .into_iter()
            .flatten()
            .find(|url| crate::url::web_host(url).is_some())
    }

    /// The summary as plain text; when the entry has none, an excerpt of its content's text.
    pub fn summary_text(&self) -> Option<Cow<'_, str>> {
        if let Some(summary) = &self.summary {
            let text = summary.plain_text();
            if !text.is_empty() {
                return Some(text);
            }
        }
        let body = self.content.as_ref()?.body.as_ref()?;
        // Only the start of a long body can reach a 300-grapheme excerpt: don't convert the whole post.
        let text = body.prefix(CONTENT_SCAN_BYTES).plain_text().into_owned();
        if text.is_empty() {
            return None;
        }
        Some(Cow::Owned(
            excerpt(&text, SUMMARY_FROM_CONTENT).into_owned(),
        ))
    }

    /// The HTML (or XHTML) body `summary="html"` shows: the summary's, else the content's; `None` when both are
    /// plain text or missing.
    pub fn rich_body(&self) -> Option<&LazyText<'a>> {
        let from_summary = self.summary.as_ref().filter(|s| s.markup() != Markup::Text);
        let from_content = self.content.as_ref().and_then(|c| c.body.as_ref());
        from_summary.or(from_content.filter(|b| b.markup() != Markup::Text))
    }

    /// The date to sort and display by: published, else updated.
    pub fn date(&self) -> Option<&Date<'a>> {
        self.published.as_ref().or(self.updated.as_ref())
    }

    /// What the entry shows as its date: the instant when one was read, else the text as the feed wrote it.
    pub fn shown_date(&self) -> Option<ShownDate<'_>> {
        match self.date() {
            Some(Date {
                timestamp: Some(at),
                ..
            }) => Some(ShownDate::At(*at)),
            date => self
                .date_text
                .as_deref()
                .or(date.map(|d| d.raw.as_ref()))
                .filter(|text| !text.is_empty())
                .map(ShownDate::Text),
        }
    }

    /// Moves a date that could not be read out of `published`/`updated` into `date_text`, so the date fields
    /// hold only instants. Every way an entry comes in (a parsed document, a `Feed` object) ends here.
    pub fn settle_dates(&mut self) {
        for slot in [&mut self.published, &mut self.updated] {
            if slot.as_ref().is_some_and(|d| d.timestamp.is_none()) {
                if let Some(date) = slot.take() {
                    if self.date_text.is_none() && !date.raw.is_empty() {
                        self.date_text = Some(date.raw);
                    }
                }
            }
        }
    }

    /// Copies every borrowed string so the entry outlives its input.
    pub fn into_owned(self) -> Entry<'static> {
        Entry {
            id: Cow::Owned(self.id.into_owned()),
            title: owned(self.title),
            link: owned(self.link),
            published: self.published.map(Date::into_owned),
            updated: self.updated.map(Date::into_owned),
            date_text: owned(self.date_text),
            summary: self.summary.map(LazyText::into_owned),
            content: self.content.map(Content::into_owned),
            authors: self.authors.into_iter().map(Person::into_owned).collect(),
            categories: self
                .categories
                .into_iter()
                .map(|c| Cow::Owned(c.into_owned()))
                .collect(),
            image: self.image,
            base: owned(self.base),
        }
    }
}

/// How much of a body's source is read to build a summary from it.
const CONTENT_SCAN_BYTES: usize = 64 * 1024;

/// How many graphemes a summary built from content keeps.
const SUMMARY_FROM_CONTENT: usize = 300;

/// A summary as plain text, however it is marked up.
fn plain_text_out<S: Serializer>(
    summary: &Option<LazyText<'_>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match summary {
        Some(summary) => serializer.serialize_some(&summary.plain_text()),
        None => serializer.serialize_none(),
    }
}

/// A summary read back from the serialized shape is plain text.
fn plain_text_in<'de, 'a, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<LazyText<'a>>, D::Error> {
    let text = Option::<String>::deserialize(deserializer)?;
    Ok(text.map(|t| LazyText::new(Cow::Owned(t), Escape::None, Markup::Text)))
}

/// A person: an author or contributor.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Person<'a> {
    /// Plain-text name.
    #[serde(default)]
    pub name: Cow<'a, str>,
    /// A web address for the person, resolved (Atom `<uri>`, JSON `url`).
    #[serde(default)]
    pub uri: Option<Cow<'a, str>>,
    /// An e-mail address.
    #[serde(default)]
    pub email: Option<Cow<'a, str>>,
}

impl Person<'_> {
    fn into_owned(self) -> Person<'static> {
        Person {
            name: Cow::Owned(self.name.into_owned()),
            uri: owned(self.uri),
            email: owned(self.email),
        }
    }
}

/// An entry's thumbnail.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Image {
    /// The resolved http(s) address.
    pub url: String,
    /// Declared width in CSS pixels, when known.
    #[serde(default)]
    pub width: Option<u32>,
    /// Declared height in CSS pixels, when known.
    #[serde(default)]
    pub height: Option<u32>,
}

/// An entry's full body.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct Content<'a> {
    /// How to read `value`: `text`, `html` or `xhtml`.
    #[serde(rename = "type")]
    pub markup: Markup,
    /// The body as given: HTML stays HTML (and is not sanitized here); `None` for out-of-line content.
    #[serde(default, rename = "value")]
    #[cfg_attr(target_arch = "wasm32", tsify(type = "string | null"))]
    pub body: Option<LazyText<'a>>,
    /// Atom `<content src>`: out-of-line content, resolved.
    #[serde(default)]
    pub src: Option<Cow<'a, str>>,
    /// The base URL that relative links inside the body resolve against.
    #[serde(default)]
    pub base: Option<Cow<'a, str>>,
}

/// Reading a `Content` back gives its body the content's own markup, so `"type": "text"` stays text.
impl<'de, 'a> Deserialize<'de> for Content<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Fields<'a> {
            #[serde(default, rename = "type")]
            markup: Markup,
            #[serde(default, rename = "value")]
            body: Option<Cow<'a, str>>,
            #[serde(default)]
            src: Option<Cow<'a, str>>,
            #[serde(default)]
            base: Option<Cow<'a, str>>,
        }
        let fields = Fields::deserialize(deserializer)?;
        Ok(Content {
            markup: fields.markup,
            body: fields
                .body
                .map(|b| LazyText::new(b, Escape::None, fields.markup)),
            src: fields.src,
            base: fields.base,
        })
    }
}

impl Content<'_> {
    fn into_owned(self) -> Content<'static> {
        Content {
            markup: self.markup,
            body: self.body.map(LazyText::into_owned),
            src: owned(self.src),
            base: owned(self.base),
        }
    }
}

/// What kind of text a body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Markup {
    /// Plain text.
    #[default]
    Text,
    /// HTML (escaped or CDATA in XML feeds).
    Html,
    /// Inline XHTML markup (Atom `type="xhtml"`).
    Xhtml,
}

/// How a [`LazyText`]'s source must be unescaped before use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// Already decoded.
    None,
    /// The raw inner XML of an element: CDATA sections and character references still in place.
    Xml,
}

/// Text kept as a slice of the source until it is asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct LazyText<'a> {
    source: Cow<'a, str>,
    escape: Escape,
    markup: Markup,
}

impl<'a> LazyText<'a> {
    /// Wraps a source slice; `escape` says how to decode it and `markup` what it holds once decoded.
    pub fn new(source: Cow<'a, str>, escape: Escape, markup: Markup) -> Self {
        LazyText {
            source,
            escape,
            markup,
        }
    }

    /// What the decoded text holds.
    pub fn markup(&self) -> Markup {
        self.markup
    }

    /// The decoded text as given by the feed (HTML stays HTML).
    pub fn decoded(&self) -> Cow<'_, str> {
        match self.escape {
            Escape::None => Cow::Borrowed(&self.source),
            Escape::Xml => crate::text::unescape_xml(&self.source),
        }
    }

    /// The text with markup stripped, entities decoded once and whitespace collapsed.
    pub fn plain_text(&self) -> Cow<'_, str> {
        let decoded = self.decoded();
        match self.markup {
            Markup::Html => Cow::Owned(html_to_text(&decoded)),
            Markup::Xhtml => Cow::Owned(html_to_text(&crate::text::xhtml_to_html(&decoded))),
            Markup::Text => match decoded {
                Cow::Borrowed(b) => crate::text::collapse_whitespace(b),
                Cow::Owned(o) => Cow::Owned(crate::text::collapse_whitespace(&o).into_owned()),
            },
        }
    }

    /// The first `max_bytes` of the source (cut at a character boundary), with the same escaping and markup.
    /// A cut reference, CDATA section or tag at the end reads as text or is dropped, never as a panic.
    pub fn prefix(&self, max_bytes: usize) -> LazyText<'_> {
        let mut cut = max_bytes.min(self.source.len());
        while cut > 0 && !self.source.is_char_boundary(cut) {
            cut -= 1;
        }
        LazyText {
            source: Cow::Borrowed(self.source.get(..cut).unwrap_or("")),
            escape: self.escape,
            markup: self.markup,
        }
    }

    fn into_owned(self) -> LazyText<'static> {
        LazyText {
            source: Cow::Owned(self.source.into_owned()),
            escape: self.escape,
            markup: self.markup,
        }
    }
}

impl Serialize for LazyText<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.decoded())
    }
}

impl<'de, 'a> Deserialize<'de> for LazyText<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        // The markup is refined by the enclosing `Content`; HTML is the safe reading for bodies.
        Ok(LazyText::new(Cow::Owned(s), Escape::None, Markup::Html))
    }
}

/// A date: the instant when it could be read, and the string as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Date<'a> {
    /// Seconds since 1970-01-01T00:00:00Z, when the string could be read.
    pub timestamp: Option<i64>,
    /// The string as written in the feed, trimmed.
    pub raw: Cow<'a, str>,
}

impl<'a> Date<'a> {
    /// Reads a feed date; an unreadable string keeps its text and gets no timestamp.
    pub fn parse(raw: Cow<'a, str>) -> Self {
        let raw = match raw {
            Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
            Cow::Owned(o) => Cow::Owned(o.trim().to_owned()),
        };
        Date {
            timestamp: parse_date(&raw),
            raw,
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` when readable, else the raw string.
    pub fn to_iso(&self) -> Cow<'_, str> {
        match self.timestamp {
            Some(t) => Cow::Owned(format_utc(t)),
            None => Cow::Borrowed(&self.raw),
        }
    }

    fn into_owned(self) -> Date<'static> {
        Date {
            timestamp: self.timestamp,
            raw: Cow::Owned(self.raw.into_owned()),
        }
    }
}

/// The date an entry shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShownDate<'e> {
    /// An instant: seconds since 1970-01-01T00:00:00Z.
    At(i64),
    /// Text the feed gave as a date that could not be read, shown as written.
    Text(&'e str),
}

/// A date field holds nothing but a UTC instant: an unreadable date is `null` (its text is the entry's `dateText`).
impl Serialize for Date<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.timestamp {
            Some(at) => serializer.serialize_str(&format_utc(at)),
            None => serializer.serialize_none(),
        }
    }
}

impl<'de, 'a> Deserialize<'de> for Date<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl Visitor<'_> for DateVisitor {
            type Value = Date<'static>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Date::parse(Cow::Owned(v.to_owned())))
            }
        }
        deserializer.deserialize_str(DateVisitor)
    }
}

fn owned(value: Option<Cow<'_, str>>) -> Option<Cow<'static, str>> {
    value.map(|v| Cow::Owned(v.into_owned()))
}
