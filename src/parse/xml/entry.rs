//! The entry level: the children of an Atom `<entry>` or an RSS `<item>`, and the entry fields chosen from them.

use std::borrow::Cow;

use super::atom::{choose_link, LinkCandidate};
use super::media::{image, is_image, Thumbnails};
use super::names::{attr_of, Attr, Field, Ns, ENTRY_FIELDS};
use super::reader::Tag;
use super::rss::{is_http, rss_person};
use super::Parser;
use crate::model::{Date, Entry, Image, LazyText, Markup, Person};
use crate::text::collapse_whitespace;
use crate::url::safe_url;

impl<'a> Parser<'a, '_> {
    /// Reads one entry or item whose start tag was just read; `None` for a broken entry with nothing to show.
    pub(super) fn entry(
        &mut self,
        e: &Tag<'a>,
        attrs: &[Attr<'a>],
        at: usize,
    ) -> Option<Entry<'a>> {
        let mut entry = Entry {
            // The entry element's `xml:base` chain, which ends at the document's own URL.
            base: self.current_base().map(|b| Cow::Owned(b.to_owned())),
            ..Entry::default()
        };
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
                    if ns == Ns::Atom && rss_link.is_some() {
                        self.warn("an Atom link has its URL as text, not in href", at);
                    }
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
                    self.put_date(&mut entry.published, raw, local == "published", at);
                }
                Field::Updated => self.put_date(&mut entry.updated, raw, true, at),
                // `dc:date` is the date; `dcterms:issued` and `created` stand in only without it.
                Field::DcDate if local == "date" || dc_date.is_none() => {
                    dc_date = self.date(raw, at)
                }
                Field::Summary => {
                    let markup = self.field_markup(&child, ns);
                    let body = if ns == Ns::Atom {
                        let attrs = self.attributes(&child);
                        self.atom_body(&attrs, raw, markup, at)
                    } else {
                        self.body(raw, markup)
                    };
                    if let Some(body) = body {
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
                    let text = self.author_text(raw, at);
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
                    self.content(&mut entry, &child, empty, at, field);
                }
                // Older forms of an RSS item's full text: only when it has no other.
                Field::XhtmlBody | Field::FullItem if entry.content.is_none() => {
                    self.content(&mut entry, &child, empty, at, field);
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
                Field::Categories => {
                    // Only `<category>` children count; anything else in the wrapper is skipped.
                    self.enter(&child);
                    while let Some((inner, inner_empty, inner_at)) = self.next_child(child.name) {
                        let (inner_ns, inner_local) = self.namespace(inner.name);
                        let raw = self.leaf(&inner, inner_empty, inner_at);
                        if inner_local.eq_ignore_ascii_case("category") {
                            if let Some(term) = self.title_text(&inner, raw, inner_ns) {
                                entry.categories.push(term);
                            }
                        }
                    }
                    self.leave();
                }
                Field::ItunesCategory => {
                    self.itunes_category(&child, empty, at, &mut entry.categories);
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
        // An Atom entry with no link but an http(s) id: the id is the best link there is.
        if entry.link.is_none() && is_http(&entry.id) {
            entry.link = safe_url(None, &entry.id).map(Cow::Owned);
            if entry.link.is_some() {
                self.warn(
                    "an entry has no link; its http(s) id was used as its link",
                    at,
                );
            }
        }
        if entry.id.is_empty() {
            if let Some((id, _)) = guid {
                entry.id = id;
            }
        }
        // RSS 1.0: the item's `rdf:about` is its URI.
        if entry.id.is_empty() {
            let about = attrs
                .iter()
                .find(|a| a.prefix == "rdf" && a.local == "about")
                .map(|a| collapse_whitespace(&a.value).into_owned())
                .filter(|about| !about.is_empty());
            if let Some(about) = about {
                entry.id = Cow::Owned(about);
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
        // Media RSS text (YouTube's `media:group`) stands in for a missing title and summary.
        if entry.title.is_none() {
            entry.title = thumbnails.title.take();
        }
        if entry.summary.is_none() {
            entry.summary = thumbnails.description.take();
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

    /// `<itunes:category text="Technology"><itunes:category text="Podcasting"/></itunes:category>`: the
    /// category, then each subcategory (the element's text, if any, is not the name).
    fn itunes_category(
        &mut self,
        e: &Tag<'a>,
        empty: bool,
        at: usize,
        categories: &mut Vec<Cow<'a, str>>,
    ) {
        let attrs = self.attributes(e);
        if let Some(text) = attr_of(&attrs, "", "text") {
            let text = collapse_whitespace(text).into_owned();
            if !text.is_empty() {
                categories.push(Cow::Owned(text));
            }
        }
        if empty {
            return;
        }
        if self.depth > self.options.max_depth {
            self.skip(e, empty, at);
            return;
        }
        self.enter(e);
        while let Some((inner, inner_empty, inner_at)) = self.next_child(e.name) {
            let (inner_ns, inner_local) = self.namespace(inner.name);
            if inner_ns == Ns::Itunes && inner_local == "category" {
                self.itunes_category(&inner, inner_empty, inner_at, categories);
            } else {
                self.skip(&inner, inner_empty, inner_at);
            }
        }
        self.leave();
    }
}
