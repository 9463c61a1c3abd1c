//! Reads a `Feed` object that a page hands to `renderFeed` (the shape `parseFeed` returns, perhaps edited) from
//! its copy, leniently: a member that is missing or of another type is simply absent, as the renderer treats it.
//!
//! The model's `Deserialize` derive describes the same shape, and natively reads it; in the wasm, reading through
//! the derive cost about 5.9 KB gzip (a visitor per struct, instantiated against the copy), against about 1.5 KB
//! here, which the size budget decides. The names are the derive's: a test reads `parseFeed`'s output back
//! through both and compares.

use std::borrow::Cow;

use super::tree::Js;
use crate::model::{Content, Date, Entry, Escape, Feed, Format, Image, LazyText, Markup, Person};
use crate::parse::json::tree::{pick, Value};

/// The feed of a copied `Feed` object; `None` when the copy is not an object with an `entries` array.
pub(crate) fn feed(copy: Js) -> Option<Feed<'static>> {
    let Value::Object(members) = &copy else {
        return None;
    };
    let [format, title, subtitle, link, feed_url, id, updated, language, authors, icon, entries] =
        pick(
            members,
            [
                "format", "title", "subtitle", "link", "feedUrl", "id", "updated", "language",
                "authors", "icon", "entries",
            ],
        );
    let Value::List(entries) = entries else {
        return None;
    };
    let format = match text(format).as_deref() {
        Some("rss2") => Format::Rss2,
        Some("rss1") => Format::Rss1,
        Some("json") => Format::Json,
        _ => Format::Atom,
    };
    let mut feed = Feed::new(format);
    feed.title = text(title);
    feed.subtitle = text(subtitle);
    feed.link = text(link);
    feed.feed_url = text(feed_url);
    feed.id = text(id);
    feed.updated = text(updated).map(Date::parse);
    feed.language = text(language);
    feed.authors = people(authors);
    feed.icon = text(icon);
    feed.entries = entries.iter().filter_map(entry).collect();
    Some(feed)
}

fn entry(copy: &Js) -> Option<Entry<'static>> {
    let Value::Object(members) = copy else {
        return None;
    };
    let [id, title, link, published, updated, date_text, summary, content, authors, categories, image, base] =
        pick(
            members,
            [
                "id",
                "title",
                "link",
                "published",
                "updated",
                "dateText",
                "summary",
                "content",
                "authors",
                "categories",
                "image",
                "base",
            ],
        );
    let mut entry = Entry {
        id: text(id).unwrap_or_default(),
        title: text(title),
        link: text(link),
        published: text(published).map(Date::parse),
        updated: text(updated).map(Date::parse),
        // The shape's summary is plain text.
        summary: text(summary).map(|s| LazyText::new(s, Escape::None, Markup::Text)),
        content: self::content(content),
        authors: people(authors),
        categories: match categories {
            Value::List(list) => list.iter().filter_map(text).collect(),
            _ => Vec::new(),
        },
        image: self::image(image),
        date_text: text(date_text),
        base: text(base),
    };
    // A page may hand over any string as a date: only instants stay dates.
    entry.settle_dates();
    Some(entry)
}

fn content(copy: &Js) -> Option<Content<'static>> {
    let Value::Object(members) = copy else {
        return None;
    };
    let [markup, value, src, base] = pick(members, ["type", "value", "src", "base"]);
    // HTML is the safe reading of a body of unknown type: it is sanitized, never inserted as markup.
    let markup = match text(markup).as_deref() {
        Some("text") => Markup::Text,
        Some("xhtml") => Markup::Xhtml,
        _ => Markup::Html,
    };
    Some(Content {
        markup,
        body: text(value).map(|v| LazyText::new(v, Escape::None, markup)),
        src: text(src),
        base: text(base),
    })
}

fn people(copy: &Js) -> Vec<Person<'static>> {
    let Value::List(list) = copy else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|person| {
            let Value::Object(members) = person else {
                return None;
            };
            let [name, uri, email] = pick(members, ["name", "uri", "email"]);
            Some(Person {
                name: text(name)?,
                uri: text(uri),
                email: text(email),
            })
        })
        .collect()
}

fn image(copy: &Js) -> Option<Image> {
    let Value::Object(members) = copy else {
        return None;
    };
    let [url, width, height] = pick(members, ["url", "width", "height"]);
    Some(Image {
        url: text(url)?.into_owned(),
        width: pixels(width),
        height: pixels(height),
    })
}

fn text(copy: &Js) -> Option<Cow<'static, str>> {
    match copy {
        Value::Text(text) => Some(text.clone()),
        _ => None,
    }
}

/// A size in CSS pixels: a whole number from 0 to 100 000 (larger is nonsense, and clamped).
fn pixels(copy: &Js) -> Option<u32> {
    match copy {
        Value::Number(n) if *n >= 0.0 => Some(n.min(100_000.0) as u32),
        _ => None,
    }
}
