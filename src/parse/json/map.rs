//! The one mapping from a JSON Feed tree to the model, whichever platform read the text.
//!
//! Leniency lives here: a number reads as its text, a string of tags as one tag, and a member of another type is
//! ignored with a warning that names its JSON path (`items[2].title`). Warnings about values point at the root
//! object's `{`: JSON readers keep no positions.

use std::borrow::Cow;

use super::tree::{pick, Items, Value, FEED_MEMBERS, ITEM_MEMBERS};
use crate::error::Warnings;
use crate::model::{Content, Date, Entry, Escape, Feed, Format, Image, LazyText, Markup, Person};
use crate::options::ParseOptions;
use crate::text::{cat, decimal};

type Text<'a> = Cow<'a, str>;

/// Maps a document (its root object and its items) onto the model; `None` when it is not a JSON Feed.
pub(super) fn feed<'a>(
    root: Value<'a>,
    items: Items<'a>,
    options: &ParseOptions,
    warnings: &mut Warnings,
    at: usize,
) -> Option<Feed<'a>> {
    let Value::Object(members) = &root else {
        return None;
    };
    let mut mapper = Mapper {
        options,
        base: options.base_url.clone(),
        warnings,
        at,
    };
    mapper.feed(members, items)
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

struct Mapper<'o, 'w> {
    options: &'o ParseOptions,
    base: Option<String>,
    warnings: &'w mut Warnings,
    /// The root object's offset, where warnings about values point.
    at: usize,
}

impl<'a> Mapper<'_, '_> {
    fn feed(&mut self, members: &[(Text<'a>, Value<'a>)], items: Items<'a>) -> Option<Feed<'a>> {
        let [version, title, description, home_page_url, feed_url, icon, favicon, language, authors, author, list] =
            pick(members, FEED_MEMBERS);
        let is_json_feed =
            matches!(version, Value::Text(v) if crate::find::str_at(v, "jsonfeed").is_some());
        // The tree holds an empty list where the items array was; the items themselves are apart.
        let has_items = matches!(list, Value::List(_)) && items.found;
        if !is_json_feed && !has_items {
            return None;
        }
        let mut feed = Feed::new(Format::Json);
        feed.title = self.text(title, Path::Feed("title"));
        feed.subtitle = self.text(description, Path::Feed("description"));
        let feed_url = self.url(feed_url, Path::Feed("feed_url"));
        if self.base.is_none() {
            self.base.clone_from(&feed_url);
        }
        let link = self.url(home_page_url, Path::Feed("home_page_url"));
        if self.base.is_none() {
            self.base.clone_from(&link);
        }
        feed.feed_url = feed_url.map(Cow::Owned);
        feed.link = link.map(Cow::Owned);
        feed.id = feed.feed_url.clone().or_else(|| feed.link.clone());
        feed.icon = self
            .url(icon, Path::Feed("icon"))
            .or_else(|| self.url(favicon, Path::Feed("favicon")))
            .map(Cow::Owned);
        feed.language = self.trimmed(language, Path::Feed("language"));
        feed.authors = self.people(authors, author, None);
        if has_items {
            // Entries and skipped values in document order, so that warnings are too.
            let mut skipped = items.skipped.into_iter().peekable();
            for (index, item) in &items.kept {
                while let Some(at) = skipped.next_if(|&at| at < *index) {
                    self.warn(
                        "skipped ",
                        Path::Item(at, ""),
                        " because it is not an object",
                    );
                }
                let entry = self.entry(item, *index, &feed);
                feed.entries.push(entry);
            }
            for at in skipped {
                self.warn(
                    "skipped ",
                    Path::Item(at, ""),
                    " because it is not an object",
                );
            }
            for _ in 0..items.skipped_more {
                // Past `max_warnings`: only counted in the closing warning.
                self.warnings.push(self.at, "");
            }
            if items.extra > 0 {
                let max = self.options.max_entries;
                let count = max.saturating_add(items.extra);
                let message = cat(&[
                    "kept the first ",
                    &decimal(max),
                    " of ",
                    &decimal(count),
                    " items",
                ]);
                self.warnings.push(self.at, message);
            }
        } else if !matches!(list, Value::Null) {
            self.warn(
                "ignored ",
                Path::Feed("items"),
                " because it is not an array",
            );
        }
        Some(feed)
    }

    fn entry(&mut self, item: &Value<'a>, index: usize, feed: &Feed<'a>) -> Entry<'a> {
        let Value::Object(members) = item else {
            return Entry::default();
        };
        let [id, url, external_url, title, summary, content_html, content_text, date_published, date_modified, authors, author, tags, image, banner_image] =
            pick(members, ITEM_MEMBERS);
        let at = |name| Path::Item(index, name);
        let link = self
            .url(url, at("url"))
            .or_else(|| self.url(external_url, at("external_url")))
            .map(Cow::Owned);
        let content = self
            .body(content_html, Markup::Html, at("content_html"))
            .or_else(|| self.body(content_text, Markup::Text, at("content_text")))
            .map(|body| Content {
                markup: body.markup(),
                body: Some(body),
                src: None,
                base: link.clone().or_else(|| feed.link.clone()),
            });
        let mut people = self.people(authors, author, Some(index));
        if people.is_empty() {
            people.clone_from(&feed.authors);
        }
        let categories = match tags {
            Value::List(tags) => {
                let mut categories = Vec::with_capacity(tags.len());
                let mut wrong = 0;
                for tag in tags {
                    match tag {
                        Value::Text(_) | Value::Number(_) => {
                            categories.extend(self.text(tag, at("tags")))
                        }
                        _ => wrong += 1,
                    }
                }
                self.wrong_values(wrong, at("tags"), "strings");
                categories
            }
            // A string of tags is one tag.
            Value::Text(_) | Value::Number(_) => self.text(tags, at("tags")).into_iter().collect(),
            Value::Null => Vec::new(),
            _ => {
                self.warn(
                    "ignored ",
                    at("tags"),
                    " because it is neither an array nor a string",
                );
                Vec::new()
            }
        };
        Entry {
            id: self.trimmed(id, at("id")).unwrap_or_default(),
            title: self.text(title, at("title")),
            link,
            published: self.date(date_published, at("date_published")),
            updated: self.date(date_modified, at("date_modified")),
            summary: self.body(summary, Markup::Text, at("summary")),
            content,
            authors: people,
            categories,
            image: self
                .url(image, at("image"))
                .or_else(|| self.url(banner_image, at("banner_image")))
                .map(|url| Image {
                    url,
                    width: None,
                    height: None,
                }),
            date_text: None,
            base: self.base.clone().map(Cow::Owned),
        }
    }

    /// JSON Feed 1.1 `authors`, else 1.0 `author`.
    fn people(
        &mut self,
        authors: &Value<'a>,
        author: &Value<'a>,
        item: Option<usize>,
    ) -> Vec<Person<'a>> {
        let at = |name| item.map_or(Path::Feed(name), |index| Path::Item(index, name));
        let mut people = Vec::new();
        match authors {
            Value::List(list) => {
                let mut wrong = 0;
                for author in list {
                    match author {
                        Value::Object(_) => people.extend(self.person(author, at("authors"))),
                        Value::Null => {}
                        _ => wrong += 1,
                    }
                }
                self.wrong_values(wrong, at("authors"), "objects");
            }
            Value::Null => {}
            _ => self.warn("ignored ", at("authors"), " because it is not an array"),
        }
        if people.is_empty() {
            match author {
                Value::Object(_) => people.extend(self.person(author, at("author"))),
                Value::Null => {}
                _ => self.warn("ignored ", at("author"), " because it is not an object"),
            }
        }
        people
    }

    fn person(&mut self, author: &Value<'a>, path: Path<'_>) -> Option<Person<'a>> {
        let Value::Object(members) = author else {
            return None;
        };
        let [name, url] = pick(members, ["name", "url"]);
        let name = self.text(name, path).unwrap_or_default();
        let uri = self.url(url, path).map(Cow::Owned);
        (!name.is_empty() || uri.is_some()).then_some(Person {
            name,
            uri,
            email: None,
        })
    }

    /// One warning for the values of an array that were of another type.
    fn wrong_values(&mut self, count: usize, path: Path<'_>, kind: &str) {
        if count > 0 {
            let noun = if count == 1 {
                " value of "
            } else {
                " values of "
            };
            let before = cat(&["ignored ", &decimal(count), noun]);
            self.warn(&before, path, &cat(&[" that are not ", kind]));
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

    /// A string member (a number reads as its digits), cut to `max_text_bytes` (with a warning); a member of
    /// another type is ignored with a warning.
    fn string(&mut self, value: &Value<'a>, path: Path<'_>) -> Option<Text<'a>> {
        let mut text = match value {
            Value::Text(text) => text.clone(),
            Value::Null => return None,
            other => match number_text(other) {
                Some(digits) => Cow::Owned(digits),
                None => {
                    self.warn("ignored ", path, " because it is not a string");
                    return None;
                }
            },
        };
        let max = self.options.max_text_bytes;
        if text.len() > max {
            let bytes = cat(&[", a text longer than ", &decimal(max), " bytes"]);
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
    fn text(&mut self, value: &Value<'a>, path: Path<'_>) -> Option<Text<'a>> {
        let text = match self.string(value, path)? {
            Cow::Borrowed(b) => crate::text::decode_entities(b),
            Cow::Owned(o) => Cow::Owned(crate::text::decode_entities(&o).into_owned()),
        };
        let text = match text {
            Cow::Borrowed(b) => crate::text::collapse_whitespace(b),
            Cow::Owned(o) => Cow::Owned(crate::text::collapse_whitespace(&o).into_owned()),
        };
        Some(text).filter(|t| !t.is_empty())
    }

    fn trimmed(&mut self, value: &Value<'a>, path: Path<'_>) -> Option<Text<'a>> {
        let text = match self.string(value, path)? {
            Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
            Cow::Owned(o) if o.trim().len() == o.len() => Cow::Owned(o),
            Cow::Owned(o) => Cow::Owned(o.trim().to_owned()),
        };
        Some(text).filter(|t| !t.is_empty())
    }

    /// A date; one that cannot be read is kept as text for display, with a warning, and never sorted by.
    fn date(&mut self, value: &Value<'a>, path: Path<'_>) -> Option<Date<'a>> {
        let date = Date::parse(self.trimmed(value, path)?);
        if date.timestamp.is_none() {
            self.warn(
                "",
                path,
                " is a date feedlet could not read; it is shown as written",
            );
        }
        Some(date)
    }

    /// A URL resolved against the base; a refused one is dropped with a warning.
    fn url(&mut self, value: &Value<'a>, path: Path<'_>) -> Option<String> {
        let raw = self.trimmed(value, path)?;
        let url = crate::url::safe_url(self.base.as_deref(), &raw);
        if url.is_none() {
            self.warn(
                "dropped ",
                path,
                ", a URL that is not http(s) or a safe relative reference",
            );
        }
        url
    }

    /// A body as given (HTML stays HTML); blank is none.
    fn body(&mut self, value: &Value<'a>, markup: Markup, path: Path<'_>) -> Option<LazyText<'a>> {
        let text = self.string(value, path)?;
        if text.trim().is_empty() {
            return None;
        }
        Some(LazyText::new(text, Escape::None, markup))
    }
}

/// A whole number's digits: what a numeric `id` reads as. `JSON.parse` gives every number as a double, so both
/// platforms read numbers as doubles; other numbers (fractions) would need float formatting, and read as none.
fn number_text(value: &Value<'_>) -> Option<String> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    let &Value::Number(n) = value else {
        return None;
    };
    if n.fract() != 0.0 || n.abs() > EXACT {
        return None;
    }
    let mut text = String::from(if n < 0.0 { "-" } else { "" });
    crate::text::number(&mut text, n.abs() as u64);
    Some(text)
}

pub(super) fn floor_char_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}
