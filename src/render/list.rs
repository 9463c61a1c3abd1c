//! The one description of the recent-posts list (and its loading skeleton), written into any [`Sink`].

use super::bidi::isolated;
use super::sanitize::{Tree, POLICY};
use super::Sink;
use crate::date::format_utc;
use crate::model::{Entry, Feed, ShownDate};
use crate::options::{Layout, LinkTarget, Options, SummaryMode};
use crate::select::{meta_shown, select, Post};
use crate::text::decimal;

/// Writes the recent-posts list of `feeds` into `sink` and returns how many entries it shows.
///
/// This is the renderer: [`render_html`](crate::render_html) runs it into an [`HtmlSink`](super::HtmlSink),
/// the widget into live DOM elements.
///
/// # Examples
/// ```
/// use feedlet::sanitize::{Node, TreeSink};
/// let feed = feedlet::parse(b"<rss><channel><item><title>Hi</title></item></channel></rss>", &Default::default()).unwrap();
/// let mut sink = TreeSink::default();
/// let Ok(count) = feedlet::render_into(&mut sink, std::slice::from_ref(&feed), &feedlet::Options::default());
/// assert_eq!(count, 1);
/// let nodes = sink.finish();
/// let [Node::Element { name, children, .. }] = nodes.as_slice() else { panic!("one section") };
/// assert_eq!((name.as_str(), children.len()), ("section", 1));
/// ```
pub fn render_into<S: Sink>(
    sink: &mut S,
    feeds: &[Feed<'_>],
    options: &Options,
) -> Result<usize, S::Error> {
    let posts = select(feeds, options);
    let first_lang = language(feeds.first());
    sink.open("section", layout_class(options.layout, false), "")?;
    if let Some(lang) = first_lang {
        sink.attribute("lang", lang)?;
    }
    if let Some(heading) = options.heading.as_deref().filter(|h| !h.is_empty()) {
        sink.open("h2", "feedlet__heading", "heading")?;
        sink.attribute("dir", "auto")?;
        sink.text(heading)?;
        sink.close()?;
    }
    if posts.is_empty() {
        sink.open("p", "feedlet__empty", "empty")?;
        sink.text(&options.empty_text)?;
        sink.close()?;
    } else {
        sink.open("ul", "feedlet__list", "list")?;
        sink.attribute("role", "list")?;
        for post in &posts {
            sink.open("li", "feedlet__item", "item")?;
            if let Some(lang) = language(feeds.get(post.feed)).filter(|l| Some(*l) != first_lang) {
                sink.attribute("lang", lang)?;
            }
            if !sink.template(post, options)? {
                item(sink, post, options)?;
            }
            sink.close()?;
        }
        sink.close()?;
    }
    sink.close()?;
    Ok(posts.len())
}

/// Writes the loading skeleton: up to six placeholder items in a section marked `aria-busy`.
///
/// # Examples
/// ```
/// let mut html = feedlet::HtmlSink::default();
/// let Ok(()) = feedlet::render_skeleton_into(&mut html, &feedlet::Options { limit: 1, ..Default::default() });
/// assert!(html.finish().starts_with(r#"<section class="feedlet feedlet--list feedlet--loading" aria-busy="true">"#));
/// ```
pub fn render_skeleton_into<S: Sink>(sink: &mut S, options: &Options) -> Result<(), S::Error> {
    sink.open("section", layout_class(options.layout, true), "")?;
    sink.attribute("aria-busy", "true")?;
    sink.open("ul", "feedlet__list", "list")?;
    sink.attribute("role", "list")?;
    for _ in 0..options.limit.clamp(1, 6) {
        sink.open("li", "feedlet__item feedlet__item--skeleton", "item")?;
        sink.attribute("aria-hidden", "true")?;
        for bone in [
            "feedlet__bone feedlet__bone--title",
            "feedlet__bone feedlet__bone--meta",
        ] {
            sink.open("span", bone, "")?;
            sink.close()?;
        }
        sink.close()?;
    }
    sink.close()?;
    sink.close()
}

/// The section's class for a layout, loading or not.
pub(crate) fn layout_class(layout: Layout, loading: bool) -> &'static str {
    match (layout, loading) {
        (Layout::List, false) => "feedlet feedlet--list",
        (Layout::Cards, false) => "feedlet feedlet--cards",
        (Layout::Compact, false) => "feedlet feedlet--compact",
        (Layout::List, true) => "feedlet feedlet--list feedlet--loading",
        (Layout::Cards, true) => "feedlet feedlet--cards feedlet--loading",
        (Layout::Compact, true) => "feedlet feedlet--compact feedlet--loading",
    }
}

/// A feed's language as `lang` shows it: trimmed, and absent when blank.
fn language<'f>(feed: Option<&'f Feed<'_>>) -> Option<&'f str> {
    feed.and_then(|f| f.language.as_deref())
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

/// The built-in item: thumbnail (cards), title, meta line, summary.
fn item<S: Sink>(sink: &mut S, post: &Post<'_, '_>, options: &Options) -> Result<(), S::Error> {
    let entry = post.entry;
    if options.layout == Layout::Cards {
        if let Some(image) = &post.image {
            // Checked again here: a `Feed` can be built or deserialized by library users, or come
            // from JavaScript, not only from the parser.
            match POLICY.url(None, &image.url) {
                Some(url) => {
                    sink.open("img", "feedlet__image", "image")?;
                    sink.attribute("src", &url)?;
                    sink.attribute("alt", "")?;
                    for (name, value) in POLICY.image_attributes {
                        sink.attribute(name, value)?;
                    }
                    if let Some(width) = image.width {
                        sink.attribute("width", &decimal(width as usize))?;
                    }
                    if let Some(height) = image.height {
                        sink.attribute("height", &decimal(height as usize))?;
                    }
                    sink.close()?;
                }
                None => sink.refused(),
            }
        }
    }
    title(sink, entry, options)?;
    let (date, authors, categories) = meta_shown(entry, options);
    if date.is_some() || authors || categories {
        sink.open("div", "feedlet__meta", "meta")?;
        match date {
            Some(ShownDate::At(timestamp)) => {
                sink.open("time", "feedlet__date", "date")?;
                sink.attribute("datetime", &format_utc(timestamp))?;
                sink.attribute("dir", "auto")?;
                sink.date(timestamp)?;
                sink.close()?;
            }
            Some(ShownDate::Text(text)) => {
                // A date that could not be read shows as the feed wrote it, in its own bidi isolate, and is
                // no `<time>`: it names no instant.
                sink.open("span", "feedlet__date", "date")?;
                sink.attribute("dir", "auto")?;
                field_text(sink, text)?;
                sink.close()?;
            }
            None => {}
        }
        if authors {
            sink.open("span", "feedlet__author", "author")?;
            sink.attribute("dir", "auto")?;
            field_text(sink, &author_names(entry))?;
            sink.close()?;
        }
        if categories {
            sink.open("span", "feedlet__categories", "categories")?;
            sink.attribute("dir", "auto")?;
            field_text(sink, &category_names(entry))?;
            sink.close()?;
        }
        sink.close()?;
    }
    if options.layout != Layout::Compact && options.summary {
        summary(sink, post, options, "p")?;
    }
    Ok(())
}

/// The title: a link when the entry has a safe one, else a `span`.
fn title<S: Sink>(sink: &mut S, entry: &Entry<'_>, options: &Options) -> Result<(), S::Error> {
    let text = entry.title.as_deref().unwrap_or("(untitled)");
    match entry.link.as_deref().map(|l| POLICY.url(None, l)) {
        Some(Some(link)) => {
            sink.open("a", "feedlet__title", "title")?;
            sink.attribute("href", &link)?;
            if options.target == LinkTarget::NewTab {
                sink.attribute("target", "_blank")?;
                sink.attribute("rel", "noopener noreferrer")?;
            }
        }
        refused => {
            if refused.is_some() {
                sink.refused();
            }
            sink.open("span", "feedlet__title", "title")?;
        }
    }
    sink.attribute("dir", "auto")?;
    field_text(sink, text)?;
    sink.close()
}

/// The summary as an element `tag` (or a rich summary's `div`); `false` when there is none.
pub(crate) fn summary<S: Sink>(
    sink: &mut S,
    post: &Post<'_, '_>,
    options: &Options,
    tag: &'static str,
) -> Result<bool, S::Error> {
    if options.summary_mode == SummaryMode::Html && rich_summary(sink, post.entry, options)? {
        return Ok(true);
    }
    let Some(text) = &post.summary else {
        return Ok(false);
    };
    sink.open(tag, "feedlet__summary", "summary")?;
    sink.attribute("dir", "auto")?;
    field_text(sink, text)?;
    sink.close()?;
    Ok(true)
}

/// `summary="html"`: the entry's HTML (or XHTML) body parsed by the sink, then rebuilt by the
/// policy's walk; `false` when the sink cannot parse it, and the text summary shows instead.
/// Out of line: the wasm build moves it, and all that only it reaches, to the secondary module (scripts/split.mjs).
#[inline(never)]
fn rich_summary<S: Sink>(
    sink: &mut S,
    entry: &Entry<'_>,
    options: &Options,
) -> Result<bool, S::Error> {
    let Some(body) = entry.rich_body() else {
        return Ok(false);
    };
    let Some((tree, root)) = sink.parse(&body.decoded(), body.markup())? else {
        return Ok(false);
    };
    sink.open("div", "feedlet__summary feedlet__summary--html", "summary")?;
    sink.attribute("dir", "auto")?;
    POLICY.sanitize(&tree, tree.first_child(&root), sink, entry.base(), options)?;
    sink.close()?;
    Ok(true)
}

/// Writes feed text as the whole content of a field, an element with `dir="auto"`: made safe for that
/// bidi isolate first ([`isolated`]), so a title full of U+202E cannot reorder the date beside it.
fn field_text<S: Sink>(sink: &mut S, text: &str) -> Result<(), S::Error> {
    sink.text(&isolated(text))
}

/// The entry's author names, comma-separated.
pub(crate) fn author_names(entry: &Entry<'_>) -> String {
    let names: Vec<&str> = entry.authors.iter().map(|p| p.name.as_ref()).collect();
    crate::text::joined(&names, ", ")
}

/// The entry's categories, comma-separated.
pub(crate) fn category_names(entry: &Entry<'_>) -> String {
    let names: Vec<&str> = entry.categories.iter().map(AsRef::as_ref).collect();
    crate::text::joined(&names, ", ")
}
