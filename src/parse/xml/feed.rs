//! The channel level: the children of `<feed>`, `<channel>` or `<rdf:RDF>`, and the feed fields chosen from them.

use std::borrow::Cow;

use super::atom::{choose_link, LinkCandidate};
use super::names::{Field, FEED_FIELDS};
use super::rss::rss_person;
use super::Parser;
use crate::error::ErrorKind;
use crate::model::Feed;
use crate::text::{cat, decimal};

/// What the channel level remembers while entries are read.
#[derive(Default)]
pub(super) struct FeedState {
    links: Vec<LinkCandidate>,
    rss_link: Option<String>,
    atom_logo: Option<String>,
    atom_icon: Option<String>,
    rss_image: Option<String>,
    /// `dc:creator`, else `itunes:author`: the feed's author when it has no Atom author.
    creator: Option<String>,
    managing_editor: Option<String>,
}

impl<'a> Parser<'a, '_> {
    /// Reads the children of the feed, channel or RDF root named `end`, into `feed` and `state`.
    pub(super) fn feed_level(&mut self, feed: &mut Feed<'a>, state: &mut FeedState, end: &str) {
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
                                cat(&["only the first ", &decimal(max), " entries were read"]),
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
                    if ns == super::names::Ns::Atom && state.rss_link.is_some() {
                        self.warn("an Atom link has its URL as text, not in href", at);
                    }
                    if self.feed_link.is_none() {
                        self.feed_link =
                            state.rss_link.clone().filter(|l| crate::url::has_scheme(l));
                    }
                }
                Field::Id => feed.id = self.plain(raw),
                Field::Updated => self.put_date(&mut feed.updated, raw, true, at),
                Field::Published if feed.updated.is_none() => {
                    feed.updated = self.date(raw, at);
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
                        let text = self.author_text(raw, at);
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

    /// Files an Atom link of the feed: `self` is the feed's own URL; the others are candidates for its link.
    pub(super) fn feed_link_candidate(
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

    /// Chooses the feed's link, icon and fallback author from what the channel level remembered.
    pub(super) fn finish_feed(&mut self, feed: &mut Feed<'a>, state: FeedState) {
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
}
