//! The pure step between model and renderers: merge feeds, de-duplicate, filter, sort, limit, and prepare excerpts
//! and thumbnails; and [`prepare`], which derives the same for a whole feed before it is output.

use std::borrow::Cow;

use crate::model::{Content, Entry, Escape, Feed, Image, LazyText, Markup, ShownDate};
use crate::options::{Layout, Options, Sort, SummaryMode};
use crate::text::{excerpt, first_image, is_tracking_pixel};
use crate::url::{safe_url, web_host};

/// One entry chosen for display, with what the renderers need already prepared.
#[derive(Debug, Clone, PartialEq)]
pub struct Post<'f, 'a> {
    /// The entry itself.
    pub entry: &'f Entry<'a>,
    /// Which of the input feeds it came from.
    pub feed: usize,
    /// The summary as plain text, cut to `summary_length` graphemes (only when summaries are shown).
    pub summary: Option<String>,
    /// The thumbnail (only when images are shown in the cards layout).
    pub image: Option<Image>,
}

/// Chooses the entries to show from one or more feeds.
///
/// Merged feeds are de-duplicated: an id counts only within its own feed, and across feeds only the same
/// absolute link makes two entries one, the copy from the feed whose host is the link's host winning (so one feed
/// cannot reuse another's ids or links to replace its posts). Then entries are filtered by category,
/// sorted (newest first, undated last, ties in document order), then `offset` and `limit` apply.
/// Only the chosen entries have their summaries and thumbnails decoded.
///
/// # Examples
/// ```
/// let feed = feedlet::parse(br#"<rss><channel><item><title>Hi</title><pubDate>Sat, 07 Mar 2026 00:00:00 +0900</pubDate></item></channel></rss>"#, &Default::default()).unwrap();
/// let posts = feedlet::select(std::slice::from_ref(&feed), &feedlet::Options::default());
/// assert_eq!(posts[0].entry.title.as_deref(), Some("Hi"));
/// ```
pub fn select<'f, 'a>(feeds: &'f [Feed<'a>], options: &Options) -> Vec<Post<'f, 'a>> {
    let mut chosen: Vec<(usize, &'f Entry<'a>)> = feeds
        .iter()
        .enumerate()
        .flat_map(|(index, feed)| feed.entries.iter().map(move |entry| (index, entry)))
        .filter(|(_, entry)| matches_categories(entry, options))
        .collect();
    // De-duplicate only when merging: within one feed alone a repeated id is still a distinct post in practice.
    if feeds.len() > 1 {
        chosen = first_of_each(chosen, feeds);
    }
    if options.sort == Sort::Date {
        // Newest first, undated last, document order among equal or missing dates (a stable order).
        chosen = crate::sort::sorted_by_key(chosen, |(_, entry)| newest_first_key(entry));
    }
    chosen
        .into_iter()
        .skip(options.offset)
        .take(options.limit)
        .map(|(feed, entry)| Post {
            entry,
            feed,
            summary: if options.summary {
                summary(entry, options.summary_length)
            } else {
                None
            },
            // Only the cards layout shows thumbnails (templates ask for theirs); finding one may decode a whole body.
            image: if options.image && options.layout == Layout::Cards {
                thumbnail(entry)
            } else {
                None
            },
        })
        .collect()
}

/// Drops the copies among merged entries. Ids are compared within one feed only (the first wins); an absolute
/// http(s) link is compared across feeds, and of the entries sharing one the copy from a feed whose own host
/// (its link, else its feed URL) is the link's host wins, else the first. Equal keys are grouped by sorting
/// (key, index) pairs, so merging stays O(n log n): two feeds of 10,000 entries must not cost 10⁸ comparisons.
fn first_of_each<'f, 'a>(
    entries: Vec<(usize, &'f Entry<'a>)>,
    feeds: &[Feed<'_>],
) -> Vec<(usize, &'f Entry<'a>)> {
    // Ids, within each feed: the first of each (feed, id) stays.
    let ids = groups(entries.iter().map(|(feed, e)| Some((*feed, e.id.as_ref()))));
    let entries: Vec<(usize, &'f Entry<'a>)> = entries
        .into_iter()
        .enumerate()
        .filter(|(k, _)| ids.get(*k).copied().flatten() == Some(*k))
        .map(|(_, entry)| entry)
        .collect();
    // Links, across feeds: only absolute web links count; a relative link means nothing outside its own feed.
    let link_hosts: Vec<Option<String>> = entries
        .iter()
        .map(|(_, e)| e.link.as_deref().and_then(crate::url::web_host))
        .collect();
    let links = groups(
        entries
            .iter()
            .zip(&link_hosts)
            .map(|((_, e), host)| host.as_ref().and(e.link.as_deref())),
    );
    let feed_hosts: Vec<Option<String>> = feeds
        .iter()
        .map(|f| {
            (f.link.as_deref().and_then(crate::url::web_host))
                .or_else(|| f.feed_url.as_deref().and_then(crate::url::web_host))
        })
        .collect();
    let at_home = |k: usize| {
        let feed = entries.get(k).map(|(feed, _)| *feed);
        let home = feed
            .and_then(|f| feed_hosts.get(f))
            .and_then(Option::as_ref);
        home.is_some() && home == link_hosts.get(k).and_then(Option::as_ref)
    };
    // For each link group, the member that stays: the first from the link's own host, else the first.
    let mut winner: Vec<Option<usize>> = vec![None; entries.len()];
    for (k, group) in links.iter().enumerate() {
        if let Some(slot) = group.and_then(|g| winner.get_mut(g)) {
            if slot.is_none_or(|current| !at_home(current) && at_home(k)) {
                *slot = Some(k);
            }
        }
    }
    entries
        .iter()
        .enumerate()
        .filter(|(k, _)| match links.get(*k).copied().flatten() {
            Some(group) => winner.get(group).copied().flatten() == Some(*k),
            None => true,
        })
        .map(|(_, entry)| *entry)
        .collect()
}

/// For each key, the index of the first equal key (`None` for a missing key).
fn groups<K: Ord + Copy>(keys: impl Iterator<Item = Option<K>>) -> Vec<Option<usize>> {
    let keys: Vec<Option<K>> = keys.collect();
    let order = crate::sort::order_by(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
    let mut group = vec![None; keys.len()];
    let mut leader: Option<(K, usize)> = None;
    for index in order {
        let Some(Some(key)) = keys.get(index).copied() else {
            continue;
        };
        let first = match leader {
            Some((k, i)) if k == key => i,
            _ => {
                leader = Some((key, index));
                index
            }
        };
        if let Some(slot) = group.get_mut(index) {
            *slot = Some(first);
        }
    }
    group
}

/// A key that sorts newest first: later timestamps map to smaller keys; an entry without a date maps to the largest.
fn newest_first_key(entry: &Entry<'_>) -> u64 {
    match entry.date().and_then(|d| d.timestamp) {
        // i64::MAX - t (t is never above i64::MAX): order-reversing, exact for every i64.
        Some(t) => i64::MAX.abs_diff(t).min(u64::MAX - 1),
        None => u64::MAX,
    }
}

/// What an entry's meta line shows, the same in both renderers: its date (when dates are on), and whether
/// its authors and its categories appear (never in the compact layout).
pub(crate) fn meta_shown<'e>(
    entry: &'e Entry<'_>,
    options: &Options,
) -> (Option<ShownDate<'e>>, bool, bool) {
    let date = entry.shown_date().filter(|_| options.date);
    let roomy = options.layout != Layout::Compact;
    let authors = options.author && !entry.authors.is_empty() && roomy;
    let categories = options.categories && !entry.categories.is_empty() && roomy;
    (date, authors, categories)
}

fn matches_categories(entry: &Entry<'_>, options: &Options) -> bool {
    let has = |wanted: &String| {
        // ASCII case folding only: full Unicode tables would cost more wasm than they are worth here.
        entry
            .categories
            .iter()
            .any(|c| c.trim().eq_ignore_ascii_case(wanted.trim()))
    };
    if !options.category.is_empty() && !options.category.iter().any(has) {
        return false;
    }
    !options.exclude_category.iter().any(has)
}

/// The entry's summary text cut to `length` graphemes.
pub fn summary(entry: &Entry<'_>, length: usize) -> Option<String> {
    let text = entry.summary_text()?;
    let cut = excerpt(&text, length);
    (!cut.is_empty()).then(|| cut.into_owned())
}

/// Derives what the output of a parse shows for each entry (`feedlet parse`, `parseFeed`): the summary as plain
/// text (an excerpt of the content when the entry has none) and the [`thumbnail`].
///
/// The model's `Serialize` derive then writes the feed as it is; preparing twice changes nothing.
///
/// # Examples
/// ```
/// let xml = br#"<rss><channel><item><title>T</title><description>&lt;p&gt;Hi &lt;img src="https://e.x/a.png"&gt;&lt;/p&gt;</description></item></channel></rss>"#;
/// let mut feed = feedlet::parse(xml, &Default::default()).unwrap();
/// feedlet::prepare(&mut feed);
/// let json = serde_json::to_value(&feed).unwrap();
/// assert_eq!(json["entries"][0]["summary"], "Hi");
/// assert_eq!(json["entries"][0]["image"]["url"], "https://e.x/a.png");
/// ```
pub fn prepare(feed: &mut Feed<'_>) {
    feed.entries.iter_mut().for_each(prepare_entry);
}

/// [`prepare`] for one entry.
fn prepare_entry(entry: &mut Entry<'_>) {
    // The thumbnail first: it looks for images in the summary's markup, which the plain text no longer has.
    entry.image = thumbnail(entry);
    let summary = entry.summary_text().map(Cow::into_owned);
    entry.summary = summary.map(|text| LazyText::new(Cow::Owned(text), Escape::None, Markup::Text));
}

/// The feeds cut down to what a render of `options` shows, for a render elsewhere (the widget parses a big feed
/// in a Worker and hands the page only this).
///
/// Each feed keeps its own members and only its chosen entries (after `offset`, at most `limit`), moved out in
/// the order shown, each made whole on its own: prepared as by [`prepare`] (its summary as plain text, its
/// thumbnail found), with its rich body ([`Entry::rich_body`], which the plain summary no longer holds) as its
/// content's body for `summary="html"`, and no body otherwise (nothing else reads it once prepared).
/// Serialized, read back and rendered with `offset` 0, they give the list `feeds` give with `options`
/// (`tests/it/narrow.rs` compares the two). Warnings stay with the caller's copy of them: the feeds lose theirs.
///
/// # Examples
/// ```
/// let xml = br#"<rss><channel><item><title>A</title></item><item><title>B</title></item></channel></rss>"#;
/// let feed = feedlet::parse(xml, &Default::default()).unwrap();
/// let options = feedlet::Options { offset: 1, ..Default::default() };
/// let narrowed = feedlet::narrow(vec![feed], &options);
/// assert_eq!(narrowed[0].entries.len(), 1);
/// assert_eq!(narrowed[0].entries[0].title.as_deref(), Some("B"));
/// ```
pub fn narrow<'a>(mut feeds: Vec<Feed<'a>>, options: &Options) -> Vec<Feed<'a>> {
    // Where each chosen entry is: (feed, index), found from the address `select` lends (no clone, no search).
    let chosen: Vec<(usize, usize)> = select(&feeds, options)
        .iter()
        .filter_map(|post| {
            let entries = &feeds.get(post.feed)?.entries;
            let offset =
                (post.entry as *const Entry<'_> as usize).checked_sub(entries.as_ptr() as usize)?;
            let index = offset.checked_div(std::mem::size_of::<Entry<'_>>())?;
            let found = entries.get(index)?;
            std::ptr::eq(found, post.entry).then_some((post.feed, index))
        })
        .collect();
    let mut kept: Vec<Vec<Entry<'a>>> = feeds.iter().map(|_| Vec::new()).collect();
    let html = options.summary_mode == SummaryMode::Html;
    for (feed, index) in chosen {
        let slot = feeds.get_mut(feed).and_then(|f| f.entries.get_mut(index));
        let (Some(slot), Some(list)) = (slot, kept.get_mut(feed)) else {
            continue;
        };
        let mut entry = std::mem::take(slot);
        // Only `summary="html"` shows a body; otherwise the content keeps just its base and source.
        let rich = entry.rich_body().filter(|_| html).cloned();
        prepare_entry(&mut entry);
        match (&mut entry.content, rich) {
            (Some(content), rich) => {
                content.markup = rich.as_ref().map_or(content.markup, LazyText::markup);
                content.body = rich;
            }
            (None, Some(body)) => {
                entry.content = Some(Content {
                    markup: body.markup(),
                    body: Some(body),
                    src: None,
                    base: None,
                });
            }
            (None, None) => {}
        }
        list.push(entry);
    }
    feeds
        .into_iter()
        .zip(kept)
        .map(|(feed, entries)| Feed {
            entries,
            warnings: Vec::new(),
            ..feed
        })
        .collect()
}

/// The entry's thumbnail: from the feed's media elements, else the first real `<img>` in its summary or content.
pub fn thumbnail(entry: &Entry<'_>) -> Option<Image> {
    if let Some(image) = &entry.image {
        return Some(image.clone());
    }
    let base = entry.base();
    let bodies = [
        entry.summary.as_ref(),
        entry.content.as_ref().and_then(|c| c.body.as_ref()),
    ];
    // Plain text holds no images: `Use <img src=x>` in a text summary is words, not markup.
    for body in bodies {
        let Some(body) = body.filter(|b| b.markup() != Markup::Text) else {
            continue;
        };
        if let Some(found) = first_image(&body.decoded()) {
            if is_tracking_pixel(&found.src, found.width, found.height) {
                continue;
            }
            // A relative image with no absolute base is not guessed at: the page would resolve it against itself.
            if let Some(url) = safe_url(base, &found.src).filter(|u| web_host(u).is_some()) {
                return Some(Image {
                    url,
                    width: found.width,
                    height: found.height,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The plain definition, quadratic: drop an entry when an earlier one of the same feed has its id; then,
    /// among the rest sharing an absolute link, keep the first whose feed's host is the link's host, else the first.
    fn naive<'f, 'a>(
        entries: &[(usize, &'f Entry<'a>)],
        feeds: &[Feed<'_>],
    ) -> Vec<(usize, &'f Entry<'a>)> {
        let mut seen = HashSet::new();
        let survivors: Vec<(usize, &Entry<'_>)> = entries
            .iter()
            .copied()
            .filter(|(feed, e)| seen.insert((*feed, e.id.as_ref())))
            .collect();
        let host = |l: &str| crate::url::web_host(l);
        let home = |feed: usize| {
            let f = &feeds[feed];
            f.link
                .as_deref()
                .and_then(host)
                .or_else(|| f.feed_url.as_deref().and_then(host))
        };
        let at_home = |(feed, e): (usize, &Entry<'_>)| {
            let link_host = e.link.as_deref().and_then(host);
            link_host.is_some() && home(feed) == link_host
        };
        survivors
            .iter()
            .copied()
            .filter(|&(feed, e)| {
                let Some(link) = e.link.as_deref().filter(|l| host(l).is_some()) else {
                    return true;
                };
                let same: Vec<(usize, &Entry<'_>)> = survivors
                    .iter()
                    .copied()
                    .filter(|(_, o)| o.link.as_deref() == Some(link))
                    .collect();
                let keep = same
                    .iter()
                    .copied()
                    .find(|&m| at_home(m))
                    .unwrap_or(same[0]);
                std::ptr::eq(keep.1, e) && keep.0 == feed
            })
            .collect()
    }

    #[test]
    fn first_of_each_is_the_plain_definition() {
        // Small alphabets for ids and links make chains: A shares an id with B, B a link with C, and so on.
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = move |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for round in 0..400 {
            let len = (round % 40) as usize;
            let entries: Vec<Entry<'static>> = (0..len)
                .map(|_| Entry {
                    id: Cow::Owned(format!("id{}", next(6))),
                    link: match next(6) {
                        0 => None,
                        1 => Some(Cow::Owned("/relative".to_owned())),
                        l => Some(Cow::Owned(format!("https://h{}.x/{l}", l % 3))),
                    },
                    ..Entry::default()
                })
                .collect();
            // Three feeds: one at home on h0.x, one on h1.x (through its feed URL), one with no host.
            let mut feeds = vec![Feed::new(crate::model::Format::Rss2); 3];
            feeds[0].link = Some(Cow::Borrowed("https://h0.x/"));
            feeds[1].feed_url = Some(Cow::Borrowed("https://H1.x:8080/feed.xml"));
            let tagged: Vec<(usize, &Entry<'_>)> =
                entries.iter().map(|e| (next(3) as usize, e)).collect();
            let want = naive(&tagged, &feeds);
            let got = first_of_each(tagged, &feeds);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert!(std::ptr::eq(g.1, w.1) && g.0 == w.0);
            }
        }
    }
}
