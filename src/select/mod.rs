//! The pure step between model and renderers: merge feeds, de-duplicate, filter, sort, limit, and prepare excerpts
//! and thumbnails; and [`prepare`], which derives the same for a whole feed before it is output.

use std::borrow::Cow;

use crate::model::{Date, Entry, Escape, Feed, Image, LazyText, Markup};
use crate::options::{Layout, Options, Sort};
use crate::text::{excerpt, first_image, is_tracking_pixel};
use crate::url::safe_url;

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
/// Entries are de-duplicated by id and by link (the first one seen wins), filtered by category,
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
    // De-duplicate across feeds only: within one feed a repeated id is still a distinct post in practice.
    if feeds.len() > 1 {
        chosen = first_of_each(chosen);
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

/// Drops every entry whose id, or link, equals that of an entry kept before it (the first one seen wins).
/// Equal strings are grouped by sorting (key, index) pairs, so merging stays O(n log n): two feeds of
/// 10,000 entries must not cost 10⁸ comparisons.
fn first_of_each<'f, 'a>(entries: Vec<(usize, &'f Entry<'a>)>) -> Vec<(usize, &'f Entry<'a>)> {
    let ids = groups(entries.iter().map(|(_, e)| Some(e.id.as_ref())));
    let links = groups(entries.iter().map(|(_, e)| e.link.as_deref()));
    let mut id_kept = vec![false; entries.len()];
    let mut link_kept = vec![false; entries.len()];
    let mut kept = Vec::with_capacity(entries.len());
    for (k, entry) in entries.into_iter().enumerate() {
        let id = ids.get(k).copied().flatten();
        let link = links.get(k).copied().flatten();
        let seen = |flags: &[bool], group: Option<usize>| {
            group.is_some_and(|g| flags.get(g).copied().unwrap_or(false))
        };
        if seen(&id_kept, id) || seen(&link_kept, link) {
            continue;
        }
        for (flags, group) in [(&mut id_kept, id), (&mut link_kept, link)] {
            if let Some(slot) = group.and_then(|g| flags.get_mut(g)) {
                *slot = true;
            }
        }
        kept.push(entry);
    }
    kept
}

/// For each key, the index of the first equal key (`None` for a missing key).
fn groups<'s>(keys: impl Iterator<Item = Option<&'s str>>) -> Vec<Option<usize>> {
    let keys: Vec<Option<&str>> = keys.collect();
    let mut order: Vec<(&str, usize)> = keys
        .iter()
        .enumerate()
        .filter_map(|(i, k)| k.map(|k| (k, i)))
        .collect();
    crate::sort::heap_sort(&mut order);
    let mut group = vec![None; keys.len()];
    let mut leader: Option<(&str, usize)> = None;
    for (key, index) in order {
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
pub(crate) fn meta_shown<'e, 'a>(
    entry: &'e Entry<'a>,
    options: &Options,
) -> (Option<&'e Date<'a>>, bool, bool) {
    let date = entry.date().filter(|_| options.date);
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
    for entry in &mut feed.entries {
        // The thumbnail first: it looks for images in the summary's markup, which the plain text no longer has.
        entry.image = thumbnail(entry);
        let summary = entry.summary_text().map(Cow::into_owned);
        entry.summary =
            summary.map(|text| LazyText::new(Cow::Owned(text), Escape::None, Markup::Text));
    }
}

/// The entry's thumbnail: from the feed's media elements, else the first real `<img>` in its summary or content.
pub fn thumbnail(entry: &Entry<'_>) -> Option<Image> {
    if let Some(image) = &entry.image {
        return Some(image.clone());
    }
    let base = entry
        .content
        .as_ref()
        .and_then(|c| c.base.as_deref())
        .or(entry.link.as_deref());
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
            if let Some(url) = safe_url(base, &found.src) {
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

    /// The plain definition: keep an entry unless a kept one has the same id or the same link.
    fn naive<'f, 'a>(entries: &[(usize, &'f Entry<'a>)]) -> Vec<(usize, &'f Entry<'a>)> {
        let (mut ids, mut links) = (HashSet::new(), HashSet::new());
        let mut kept = Vec::new();
        for &(feed, entry) in entries {
            let link = entry.link.as_deref();
            if ids.contains(entry.id.as_ref()) || link.is_some_and(|l| links.contains(l)) {
                continue;
            }
            ids.insert(entry.id.as_ref());
            links.extend(link);
            kept.push((feed, entry));
        }
        kept
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
                    link: match next(5) {
                        0 => None,
                        l => Some(Cow::Owned(format!("https://e.x/{l}"))),
                    },
                    ..Entry::default()
                })
                .collect();
            let tagged: Vec<(usize, &Entry<'_>)> =
                entries.iter().map(|e| (next(3) as usize, e)).collect();
            let want = naive(&tagged);
            let got = first_of_each(tagged);
            assert_eq!(got.len(), want.len());
            for (g, w) in got.iter().zip(&want) {
                assert!(std::ptr::eq(g.1, w.1) && g.0 == w.0);
            }
        }
    }
}
