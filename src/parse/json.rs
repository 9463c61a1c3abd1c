//! Reads JSON Feed 1.0 and 1.1: the platform turns the text into a [`Document`] through serde (serde_json natively,
//! the engine's `JSON.parse` and serde-wasm-bindgen in the browser), and [`Mapper`] turns any document into the model.
//!
//! The document keeps only the members feedlet uses, each as a [`Field`]: a value of the wrong JSON type is kept
//! as `Wrong` (and becomes a warning) instead of failing the read. Numbers read as their text, a string of tags
//! as one tag. Broken JSON is a `syntax` error at the reader's position; text after the root object is a warning.
//! Warnings about values name their JSON path and point at the root object's `{`: JSON readers keep no positions.

use std::borrow::Cow;
use std::marker::PhantomData;

use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use crate::error::{Error, ErrorKind, Position, Warnings};
use crate::model::{Content, Date, Entry, Escape, Feed, Format, Image, LazyText, Markup, Person};
use crate::options::ParseOptions;
use crate::text::decimal;

/// The platform's step from text to [`Document`] (through [`read_document`]); `text` starts at the root `{`.
pub(crate) type Reader = for<'a> fn(&'a str, &ParseOptions) -> Result<Read<'a>, Broken>;

/// A document, and the byte offset where text after the root object starts, when there is any.
pub(crate) struct Read<'a> {
    pub(crate) document: Document<'a>,
    pub(crate) rest: Option<usize>,
}

/// Text that is not JSON: what the reader said, and the byte offset of the spot.
#[derive(Debug)]
pub(crate) struct Broken {
    pub(crate) at: usize,
    pub(crate) message: String,
}

/// Parses a JSON Feed document (the caller has already seen that the first significant character is `{`).
pub(crate) fn parse<'a>(input: &'a str, options: &ParseOptions, reader: Reader) -> Result<Feed<'a>, Error> {
    let mut warnings = Warnings::new(options.max_warnings);
    // The caller skips whitespace and byte order marks in any order before seeing `{`, so do the same.
    let mut start = 0;
    for (at, c) in input.char_indices() {
        start = at;
        if c == '\u{feff}' {
            warnings.push(at, "ignored a byte order mark before the JSON");
        } else if !c.is_whitespace() {
            break;
        }
    }
    let text = input.get(start..).unwrap_or("");
    let error = |kind, message: &str, at: usize| Error::new(kind, message, Position::of(input, start + at));
    if !text.starts_with('{') {
        return Err(error(ErrorKind::NotAFeed, "the JSON document is not an object", 0));
    }
    if let Some(at) = too_deep(text, options.max_depth) {
        return Err(error(ErrorKind::LimitExceeded, "the JSON is nested deeper than max_depth", at));
    }
    let read = reader(text, options).map_err(|broken| {
        let message = ["the JSON is broken here: ", &broken.message].concat();
        error(ErrorKind::Syntax, &message, broken.at)
    })?;
    if let Some(rest) = read.rest {
        warnings.push(start + rest, "ignored text after the JSON object");
    }
    let mut mapper = Mapper {
        options,
        base: options.base_url.clone(),
        warnings,
        at: start,
    };
    let mut feed = mapper.feed(read.document).ok_or_else(|| {
        let message = "the JSON object has neither a JSON Feed `version` nor `items`";
        error(ErrorKind::NotAFeed, message, 0)
    })?;
    feed.warnings = mapper.warnings.finish(input);
    Ok(feed)
}

/// The offset of the first `{` or `[` nested deeper than `max`, outside strings: neither JSON reader has a
/// configurable depth limit, and `max_depth` is documented for JSON too.
fn too_deep(text: &str, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'"' => {
                // To the closing quote, past escapes; the string's own bytes are searched a word at a time.
                at += 1;
                loop {
                    let Some(next) = bytes.get(at..).and_then(crate::find::json_special) else {
                        return None; // unterminated: the reader reports it
                    };
                    at += next;
                    match bytes.get(at) {
                        Some(b'"') => break,
                        Some(b'\\') => at += 2,
                        _ => at += 1,
                    }
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return Some(at);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    None
}

/// The native reader: serde_json, borrowing every string that needs no unescaping.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn read_native<'a>(text: &'a str, options: &ParseOptions) -> Result<Read<'a>, Broken> {
    let broken = |error: serde_json::Error| {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the error carries the position itself.
        let message = match message.rsplit_once(" at line ") {
            Some((message, _)) => message.to_owned(),
            None => message,
        };
        Broken {
            at: serde_json_offset(text, error.line(), error.column()),
            message,
        }
    };
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let document = read_document(&mut deserializer, options).map_err(broken)?;
    let rest = deserializer
        .end()
        .err()
        .map(|error| serde_json_offset(text, error.line(), error.column()));
    Ok(Read { document, rest })
}

/// The byte offset of a serde_json position: a 1-based line, and a column that counts the bytes of that line up
/// to and including the offending one.
#[cfg(not(target_arch = "wasm32"))]
fn serde_json_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line.checked_sub(2) {
        None => 0,
        Some(skip) => text
            .match_indices('\n')
            .nth(skip)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    let at = (line_start + column.saturating_sub(1)).min(text.len());
    floor_char_boundary(text, at)
}

/// Reads a document from any serde deserializer (this is what both platforms share).
pub(crate) fn read_document<'de, D: Deserializer<'de>>(
    deserializer: D,
    options: &ParseOptions,
) -> Result<Document<'de>, D::Error> {
    let shape = DocumentShape {
        max_entries: options.max_entries,
        max_warnings: options.max_warnings,
    };
    let root = Lenient(shape).deserialize(deserializer)?;
    Ok(match root {
        Field::Found(document) => document,
        // Not an object: a document without `version` or `items`, which is not a feed.
        _ => Document::default(),
    })
}

/// A member as found: missing (or `null`), of a usable type, or of another type.
pub(crate) enum Field<T> {
    Missing,
    Found(T),
    Wrong,
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Field::Missing
    }
}

type Text<'a> = Cow<'a, str>;

/// The members of a JSON Feed object that feedlet reads.
#[derive(Default)]
pub(crate) struct Document<'a> {
    version: Field<Text<'a>>,
    title: Field<Text<'a>>,
    description: Field<Text<'a>>,
    home_page_url: Field<Text<'a>>,
    feed_url: Field<Text<'a>>,
    icon: Field<Text<'a>>,
    favicon: Field<Text<'a>>,
    language: Field<Text<'a>>,
    authors: Field<List<Author<'a>>>,
    author: Field<Author<'a>>,
    items: Field<Items<'a>>,
}

/// An array's values of the usable type, and how many others it held (only counted: a hostile array of
/// a million `[]` must not cost a million slots).
struct List<T> {
    found: Vec<T>,
    wrong: usize,
}

/// The `items` array: the objects kept with their indices (at most `max_entries`), the indices of values that are
/// not objects (at most `max_warnings`, and a count of the rest), and how many objects came after the cap.
#[derive(Default)]
struct Items<'a> {
    kept: Vec<(usize, Item<'a>)>,
    skipped: Vec<usize>,
    skipped_more: usize,
    extra: usize,
}

/// The members of an item that feedlet reads.
#[derive(Default)]
struct Item<'a> {
    id: Field<Text<'a>>,
    url: Field<Text<'a>>,
    external_url: Field<Text<'a>>,
    title: Field<Text<'a>>,
    summary: Field<Text<'a>>,
    content_html: Field<Text<'a>>,
    content_text: Field<Text<'a>>,
    date_published: Field<Text<'a>>,
    date_modified: Field<Text<'a>>,
    authors: Field<List<Author<'a>>>,
    author: Field<Author<'a>>,
    tags: Field<List<Text<'a>>>,
    image: Field<Text<'a>>,
    banner_image: Field<Text<'a>>,
}

#[derive(Default)]
struct Author<'a> {
    name: Field<Text<'a>>,
    url: Field<Text<'a>>,
}

/// What a member should hold. Each JSON type has a reading; the defaults call it `Wrong` (after reading past it).
trait Shape<'de>: Sized {
    type Value;

    fn text(self, _text: Text<'de>) -> Field<Self::Value> {
        Field::Wrong
    }

    fn list<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field<Self::Value>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Field::Wrong)
    }

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<Self::Value>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::Wrong)
    }
}

/// Reads any JSON value as a [`Field`] of a shape: a wrong type never fails the read.
struct Lenient<S>(S);

impl<'de, S: Shape<'de>> DeserializeSeed<'de> for Lenient<S> {
    type Value = Field<S::Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, S: Shape<'de>> Visitor<'de> for Lenient<S> {
    type Value = Field<S::Value>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Field::Wrong)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Self::Value, E> {
        let mut text = String::from(if v < 0 { "-" } else { "" });
        crate::text::number(&mut text, v.unsigned_abs());
        Ok(self.0.text(Cow::Owned(text)))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Self::Value, E> {
        let mut text = String::new();
        crate::text::number(&mut text, v);
        Ok(self.0.text(Cow::Owned(text)))
    }

    /// A whole number reads as its digits, as the browser's `JSON.parse` gives `1e3` as 1000; other fractions
    /// would need float formatting, and no JSON Feed member is a fraction.
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Self::Value, E> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if v.fract() == 0.0 && v.abs() <= EXACT {
            self.visit_i64(v as i64)
        } else {
            Ok(Field::Wrong)
        }
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(self.0.text(Cow::Owned(v.to_owned())))
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(self.0.text(Cow::Borrowed(v)))
    }

    fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(self.0.text(Cow::Owned(v)))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(Field::Missing)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        self.0.list(seq)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.object(map)
    }
}

/// A string (or a number, as its text).
struct TextShape;

impl<'de> Shape<'de> for TextShape {
    type Value = Text<'de>;

    fn text(self, text: Text<'de>) -> Field<Text<'de>> {
        Field::Found(text)
    }
}

/// Tags: an array of strings, or one string.
struct TagsShape;

impl<'de> Shape<'de> for TagsShape {
    type Value = List<Text<'de>>;

    fn text(self, text: Text<'de>) -> Field<Self::Value> {
        Field::Found(List {
            found: vec![text],
            wrong: 0,
        })
    }

    fn list<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<Self::Value>, A::Error> {
        list_of(seq, || TextShape)
    }
}

struct AuthorsShape;

impl<'de> Shape<'de> for AuthorsShape {
    type Value = List<Author<'de>>;

    fn list<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<Self::Value>, A::Error> {
        list_of(seq, || AuthorShape)
    }
}

fn list_of<'de, A: SeqAccess<'de>, S: Shape<'de>>(
    mut seq: A,
    shape: impl Fn() -> S,
) -> Result<Field<List<S::Value>>, A::Error> {
    let mut list = List {
        found: Vec::new(),
        wrong: 0,
    };
    while let Some(value) = seq.next_element_seed(Lenient(shape()))? {
        match value {
            Field::Found(value) => list.found.push(value),
            Field::Wrong => list.wrong += 1,
            Field::Missing => {}
        }
    }
    Ok(Field::Found(list))
}

/// Reads an object's members one by one: keys through a derived identifier, the last of a repeated key winning
/// (as in `JSON.parse`), and unknown members skipped unread.
macro_rules! members {
    ($map:ident, $key:ident, $target:ident, { $($variant:ident => $field:ident: $shape:expr,)* }) => {
        while let Some(key) = $map.next_key::<$key>()? {
            match key {
                $($key::$variant => $target.$field = $map.next_value_seed(Lenient($shape))?,)*
                $key::Other => {
                    $map.next_value::<IgnoredAny>()?;
                }
            }
        }
    };
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum AuthorKey {
    Name,
    Url,
    #[serde(other)]
    Other,
}

struct AuthorShape;

impl<'de> Shape<'de> for AuthorShape {
    type Value = Author<'de>;

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<Author<'de>>, A::Error> {
        let mut author = Author::default();
        members!(map, AuthorKey, author, {
            Name => name: TextShape,
            Url => url: TextShape,
        });
        Ok(Field::Found(author))
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum ItemKey {
    Id,
    Url,
    ExternalUrl,
    Title,
    Summary,
    ContentHtml,
    ContentText,
    DatePublished,
    DateModified,
    Authors,
    Author,
    Tags,
    Image,
    BannerImage,
    #[serde(other)]
    Other,
}

struct ItemShape;

impl<'de> Shape<'de> for ItemShape {
    type Value = Item<'de>;

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<Item<'de>>, A::Error> {
        let mut item = Item::default();
        members!(map, ItemKey, item, {
            Id => id: TextShape,
            Url => url: TextShape,
            ExternalUrl => external_url: TextShape,
            Title => title: TextShape,
            Summary => summary: TextShape,
            ContentHtml => content_html: TextShape,
            ContentText => content_text: TextShape,
            DatePublished => date_published: TextShape,
            DateModified => date_modified: TextShape,
            Authors => authors: AuthorsShape,
            Author => author: AuthorShape,
            Tags => tags: TagsShape,
            Image => image: TextShape,
            BannerImage => banner_image: TextShape,
        });
        Ok(Field::Found(item))
    }
}

/// The items array; objects past `max_entries` are only counted (skipped unread by serde_json).
struct ItemsShape {
    max_entries: usize,
    max_warnings: usize,
}

/// Any object, read past: it only counts.
struct AnyObject<'de>(PhantomData<&'de ()>);

impl<'de> Shape<'de> for AnyObject<'de> {
    type Value = ();

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<()>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Field::Found(()))
    }
}

impl<'de> Shape<'de> for ItemsShape {
    type Value = Items<'de>;

    fn list<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Field<Items<'de>>, A::Error> {
        let mut items = Items::default();
        let mut index = 0;
        while items.kept.len() < self.max_entries {
            let Some(item) = seq.next_element_seed(Lenient(ItemShape))? else {
                return Ok(Field::Found(items));
            };
            match item {
                Field::Found(item) => items.kept.push((index, item)),
                _ if items.skipped.len() < self.max_warnings => items.skipped.push(index),
                _ => items.skipped_more += 1,
            }
            index += 1;
        }
        while let Some(value) = seq.next_element_seed(Lenient(AnyObject(PhantomData)))? {
            items.extra += usize::from(matches!(value, Field::Found(())));
        }
        Ok(Field::Found(items))
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum DocumentKey {
    Version,
    Title,
    Description,
    HomePageUrl,
    FeedUrl,
    Icon,
    Favicon,
    Language,
    Authors,
    Author,
    Items,
    #[serde(other)]
    Other,
}

struct DocumentShape {
    max_entries: usize,
    max_warnings: usize,
}

impl<'de> Shape<'de> for DocumentShape {
    type Value = Document<'de>;

    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<Document<'de>>, A::Error> {
        let mut document = Document::default();
        let (max_entries, max_warnings) = (self.max_entries, self.max_warnings);
        members!(map, DocumentKey, document, {
            Version => version: TextShape,
            Title => title: TextShape,
            Description => description: TextShape,
            HomePageUrl => home_page_url: TextShape,
            FeedUrl => feed_url: TextShape,
            Icon => icon: TextShape,
            Favicon => favicon: TextShape,
            Language => language: TextShape,
            Authors => authors: AuthorsShape,
            Author => author: AuthorShape,
            Items => items: ItemsShape { max_entries, max_warnings },
        });
        Ok(Field::Found(document))
    }
}

/// Where a member sits, for messages: a feed member, or an item's.
#[derive(Clone, Copy)]
enum Path<'p> {
    Feed(&'p str),
    Item(usize, &'p str),
}

impl Path<'_> {
    fn write(self, out: &mut String) {
        match self {
            Path::Feed(name) => out.push_str(name),
            Path::Item(index, name) => {
                out.push_str("items[");
                out.push_str(&decimal(index));
                out.push(']');
                if !name.is_empty() {
                    out.push('.');
                    out.push_str(name);
                }
            }
        }
    }
}

/// Maps a document onto the model (the one mapping, whichever platform read the text); `base` resolves URLs.
struct Mapper<'o> {
    options: &'o ParseOptions,
    base: Option<String>,
    warnings: Warnings,
    /// The root object's offset, where warnings about values point.
    at: usize,
}

impl<'a> Mapper<'_> {
    fn feed(&mut self, document: Document<'a>) -> Option<Feed<'a>> {
        let is_json_feed = matches!(&document.version, Field::Found(v) if crate::find::str_at(v, "jsonfeed").is_some());
        if !is_json_feed && !matches!(document.items, Field::Found(_)) {
            return None;
        }
        let mut feed = Feed::new(Format::Json);
        feed.title = self.text(document.title, Path::Feed("title"));
        feed.subtitle = self.text(document.description, Path::Feed("description"));
        let feed_url = self.url(document.feed_url, Path::Feed("feed_url"));
        if self.base.is_none() {
            self.base.clone_from(&feed_url);
        }
        let link = self.url(document.home_page_url, Path::Feed("home_page_url"));
        if self.base.is_none() {
            self.base.clone_from(&link);
        }
        feed.feed_url = feed_url.map(Cow::Owned);
        feed.link = link.map(Cow::Owned);
        feed.id = feed.feed_url.clone().or_else(|| feed.link.clone());
        feed.icon = self
            .url(document.icon, Path::Feed("icon"))
            .or_else(|| self.url(document.favicon, Path::Feed("favicon")))
            .map(Cow::Owned);
        feed.language = self.trimmed(document.language, Path::Feed("language"));
        feed.authors = self.people(document.authors, document.author, None);
        match document.items {
            Field::Found(items) => {
                // Entries and skipped values in document order, so that warnings are too.
                let mut skipped = items.skipped.into_iter().peekable();
                for (index, item) in items.kept {
                    while let Some(at) = skipped.next_if(|&at| at < index) {
                        self.warn("skipped ", Path::Item(at, ""), " because it is not an object");
                    }
                    let entry = self.entry(item, index, &feed);
                    feed.entries.push(entry);
                }
                for at in skipped {
                    self.warn("skipped ", Path::Item(at, ""), " because it is not an object");
                }
                for _ in 0..items.skipped_more {
                    // Past `max_warnings`: only counted in the closing warning.
                    self.warnings.push(self.at, "");
                }
                if items.extra > 0 {
                    let max = self.options.max_entries;
                    let count = max.saturating_add(items.extra);
                    let message = ["kept the first ", &decimal(max), " of ", &decimal(count), " items"].concat();
                    self.warnings.push(self.at, message);
                }
            }
            Field::Wrong => self.warn("ignored ", Path::Feed("items"), " because it is not an array"),
            Field::Missing => {}
        }
        Some(feed)
    }

    fn entry(&mut self, item: Item<'a>, index: usize, feed: &Feed<'a>) -> Entry<'a> {
        let at = |name| Path::Item(index, name);
        let link = self
            .url(item.url, at("url"))
            .or_else(|| self.url(item.external_url, at("external_url")))
            .map(Cow::Owned);
        let content = self
            .body(item.content_html, Markup::Html, at("content_html"))
            .or_else(|| self.body(item.content_text, Markup::Text, at("content_text")))
            .map(|body| Content {
                markup: body.markup(),
                body: Some(body),
                src: None,
                base: link.clone().or_else(|| feed.link.clone()),
            });
        let mut people = self.people(item.authors, item.author, Some(index));
        if people.is_empty() {
            people.clone_from(&feed.authors);
        }
        let categories = match item.tags {
            Field::Found(tags) => {
                self.wrong_values(tags.wrong, at("tags"), "strings");
                tags.found
                    .into_iter()
                    .filter_map(|tag| self.text(Field::Found(tag), at("tags")))
                    .collect()
            }
            Field::Wrong => {
                self.warn("ignored ", at("tags"), " because it is neither an array nor a string");
                Vec::new()
            }
            Field::Missing => Vec::new(),
        };
        Entry {
            id: self.trimmed(item.id, at("id")).unwrap_or_default(),
            title: self.text(item.title, at("title")),
            link,
            published: self.trimmed(item.date_published, at("date_published")).map(Date::parse),
            updated: self.trimmed(item.date_modified, at("date_modified")).map(Date::parse),
            summary: self.body(item.summary, Markup::Text, at("summary")),
            content,
            authors: people,
            categories,
            image: self
                .url(item.image, at("image"))
                .or_else(|| self.url(item.banner_image, at("banner_image")))
                .map(|url| Image {
                    url,
                    width: None,
                    height: None,
                }),
        }
    }

    /// JSON Feed 1.1 `authors`, else 1.0 `author`.
    fn people(
        &mut self,
        authors: Field<List<Author<'a>>>,
        author: Field<Author<'a>>,
        item: Option<usize>,
    ) -> Vec<Person<'a>> {
        let at = |name| item.map_or(Path::Feed(name), |index| Path::Item(index, name));
        let mut people = Vec::new();
        match authors {
            Field::Found(list) => {
                self.wrong_values(list.wrong, at("authors"), "objects");
                for author in list.found {
                    people.extend(self.person(Field::Found(author), at("authors")));
                }
            }
            Field::Wrong => self.warn("ignored ", at("authors"), " because it is not an array"),
            Field::Missing => {}
        }
        if people.is_empty() {
            people.extend(self.person(author, at("author")));
        }
        people
    }

    fn person(&mut self, author: Field<Author<'a>>, path: Path<'_>) -> Option<Person<'a>> {
        let author = match author {
            Field::Found(author) => author,
            Field::Wrong => {
                self.warn("ignored an author in ", path, " because it is not an object");
                return None;
            }
            Field::Missing => return None,
        };
        let name = self.text(author.name, path).unwrap_or_default();
        let uri = self.url(author.url, path).map(Cow::Owned);
        (!name.is_empty() || uri.is_some()).then_some(Person {
            name,
            uri,
            email: None,
        })
    }

    /// One warning for the values of an array that were of another type.
    fn wrong_values(&mut self, count: usize, path: Path<'_>, kind: &str) {
        if count > 0 {
            let before = ["ignored ", &decimal(count), if count == 1 { " value of " } else { " values of " }].concat();
            self.warn(&before, path, &[" that are not ", kind].concat());
        }
    }

    fn warn(&mut self, before: &str, path: Path<'_>, after: &str) {
        let mut message = String::from(before);
        message.push('`');
        path.write(&mut message);
        message.push('`');
        message.push_str(after);
        self.warnings.push(self.at, message);
    }

    /// A string member, cut to `max_text_bytes` (with a warning); a member of another type is a warning.
    fn string(&mut self, field: Field<Text<'a>>, path: Path<'_>) -> Option<Text<'a>> {
        let mut text = match field {
            Field::Found(text) => text,
            Field::Wrong => {
                self.warn("ignored ", path, " because it is not a string");
                return None;
            }
            Field::Missing => return None,
        };
        let max = self.options.max_text_bytes;
        if text.len() > max {
            let bytes = [", a text longer than ", &decimal(max), " bytes"].concat();
            self.warn("cut ", path, &bytes);
            let end = floor_char_boundary(&text, max);
            text = match text {
                Cow::Borrowed(b) => Cow::Borrowed(b.get(..end).unwrap_or("")),
                Cow::Owned(mut o) => {
                    o.truncate(end);
                    Cow::Owned(o)
                }
            };
        }
        Some(text)
    }

    /// Plain text with whitespace collapsed; JSON Feed titles, names and tags hold no markup,
    /// but HTML character references are decoded once (WordPress writes `Blog &#8211; Name`).
    fn text(&mut self, field: Field<Text<'a>>, path: Path<'_>) -> Option<Text<'a>> {
        let text = match self.string(field, path)? {
            Cow::Borrowed(b) => crate::text::decode_entities(b),
            Cow::Owned(o) => Cow::Owned(crate::text::decode_entities(&o).into_owned()),
        };
        Some(collapse(text)).filter(|t| !t.is_empty())
    }

    fn trimmed(&mut self, field: Field<Text<'a>>, path: Path<'_>) -> Option<Text<'a>> {
        Some(trim(self.string(field, path)?)).filter(|t| !t.is_empty())
    }

    /// A URL resolved against the base; a refused one is dropped with a warning.
    fn url(&mut self, field: Field<Text<'a>>, path: Path<'_>) -> Option<String> {
        let raw = self.trimmed(field, path)?;
        let url = crate::url::safe_url(self.base.as_deref(), &raw);
        if url.is_none() {
            self.warn("dropped ", path, ", a URL that is not http(s) or a safe relative reference");
        }
        url
    }

    /// A body as given (HTML stays HTML); blank is none.
    fn body(&mut self, field: Field<Text<'a>>, markup: Markup, path: Path<'_>) -> Option<LazyText<'a>> {
        let text = self.string(field, path)?;
        if text.trim().is_empty() {
            return None;
        }
        Some(LazyText::new(text, Escape::None, markup))
    }
}

fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn collapse(text: Text<'_>) -> Text<'_> {
    match text {
        Cow::Borrowed(b) => crate::text::collapse_whitespace(b),
        Cow::Owned(o) => Cow::Owned(crate::text::collapse_whitespace(&o).into_owned()),
    }
}

fn trim(text: Text<'_>) -> Text<'_> {
    match text {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) if o.trim().len() == o.len() => Cow::Owned(o),
        Cow::Owned(o) => Cow::Owned(o.trim().to_owned()),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn depth_is_counted_outside_strings() {
        assert_eq!(too_deep(r#"{"a":[[1]]}"#, 3), None);
        assert_eq!(too_deep(r#"{"a":[[[1]]]}"#, 3), Some(7));
        assert_eq!(too_deep(r#"{"a":"[[[[\"[[[", "b":[]}"#, 2), None);
        assert_eq!(too_deep(r#"{"a":"\\", "b":[[]]}"#, 2), Some(16));
        assert_eq!(too_deep("{\"a\":\"unterminated [[[[", 1), None);
    }

    #[test]
    fn serde_json_positions_become_offsets() {
        let text = "{\n  \"é\": x}";
        let error = serde_json::from_str::<serde_json::Value>(text).err();
        let at = error.map(|e| serde_json_offset(text, e.line(), e.column()));
        assert_eq!(at, text.find('x'));
        assert_eq!(serde_json_offset("ab", 9, 9), 2);
        assert_eq!(serde_json_offset("é", 1, 2), 0);
    }
}
