//! Feed autodiscovery: the feeds an HTML page names in its `<link rel="alternate">` elements, resolved and ranked.

use serde::Serialize;

use crate::model::Format;
use crate::options::FeedType;
use crate::text::start_tags;
use crate::url::{resolve, safe_url, web_host};

/// The most feed links one page may name; a hostile page cannot make the list (or the work) grow without end.
const MAX_LINKS: usize = 64;

/// A feed that a page links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct FeedLink {
    /// The feed's address, resolved against the page (and its `<base href>`); always http(s).
    pub url: String,
    /// The syntax its `type` announces: Atom, RSS 2 (`application/rss+xml`), RSS 1 (`application/rdf+xml`) or JSON Feed.
    pub format: Format,
    /// The link's `title`, when it has one.
    pub title: Option<String>,
}

/// The feeds `html` links to, best first: Atom, then RSS, then JSON Feed (or `prefer` first when given),
/// document order within each, without duplicates.
///
/// Only `<link>` elements whose `rel` has the token `alternate` and whose `type` is a feed type count.
/// `href` is resolved against `<base href>` and then `page_url`; a link that cannot be made an absolute
/// http(s) address is left out, so nothing is ever fetched from the page's own origin by accident.
/// The page is read without running it, by the same tolerant tokenizer that reads feed HTML.
///
/// # Examples
/// ```
/// use feedlet::{discover, Format};
/// let page = r#"<html><head>
///   <link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml">
///   <link rel="Alternate" type="application/atom+xml" href="feed.xml">
/// </head></html>"#;
/// let links = discover(page, Some("https://blog.example/about/"), None);
/// assert_eq!(links[0].url, "https://blog.example/about/feed.xml");
/// assert_eq!(links[0].format, Format::Atom);
/// assert_eq!(links[1].url, "https://blog.example/rss.xml");
/// assert_eq!(links[1].title.as_deref(), Some("RSS"));
/// ```
pub fn discover(html: &str, page_url: Option<&str>, prefer: Option<Format>) -> Vec<FeedLink> {
    let mut base: Option<String> = page_url
        .filter(|u| web_host(u).is_some())
        .map(str::to_owned);
    let mut base_seen = false;
    let mut found: Vec<FeedLink> = Vec::new();
    let rank = |format: Format| {
        if prefer.is_some_and(|p| same_kind(p, format)) {
            0
        } else {
            match format {
                Format::Atom => 1,
                Format::Rss2 | Format::Rss1 => 2,
                Format::Json => 3,
            }
        }
    };
    for (name, attributes) in start_tags(html) {
        let attribute = |key: &str| {
            attributes
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.as_ref())
        };
        // The first `<base href>` changes what every later relative link means, as in a browser.
        if name.eq_ignore_ascii_case("base") && !base_seen {
            if let Some(href) = attribute("href") {
                base_seen = true;
                let resolved = match &base {
                    Some(page) => resolve(page, href.trim()),
                    None => Some(href.trim().to_owned()),
                };
                if let Some(resolved) = resolved.filter(|u| web_host(u).is_some()) {
                    base = Some(resolved);
                }
            }
            continue;
        }
        if !name.eq_ignore_ascii_case("link") {
            continue;
        }
        let alternate = attribute("rel").is_some_and(|rel| {
            rel.split_ascii_whitespace()
                .any(|token| token.eq_ignore_ascii_case("alternate"))
        });
        let Some(format) = attribute("type").and_then(feed_format) else {
            continue;
        };
        let Some(href) = attribute("href").filter(|_| alternate) else {
            continue;
        };
        let Some(url) = safe_url(base.as_deref(), href).filter(|u| web_host(u).is_some()) else {
            continue;
        };
        if found.iter().any(|link| link.url == url) {
            continue;
        }
        let title = attribute("title")
            .map(|t| crate::text::collapse_whitespace(t).into_owned())
            .filter(|t| !t.is_empty());
        // Kept in rank order as it grows, after the links of the same rank (document order within a rank): a page
        // names a handful of feeds, and an ordered insert costs the wasm less than sorting them afterwards
        // (`sort::sorted_by_key` for one more element type: 295 B gzip more).
        let place = rank(format);
        let at = found
            .iter()
            .rposition(|link| rank(link.format) <= place)
            .map_or(0, |i| i + 1);
        found.insert(at, FeedLink { url, format, title });
        if found.len() >= MAX_LINKS {
            break;
        }
    }
    found
}

/// The `feedType` option names a kind of feed; RSS stands for RSS 1 too (see `same_kind`).
impl From<FeedType> for Format {
    fn from(kind: FeedType) -> Format {
        match kind {
            FeedType::Atom => Format::Atom,
            FeedType::Rss => Format::Rss2,
            FeedType::Json => Format::Json,
        }
    }
}

/// RSS 1 and RSS 2 are one kind when a page or a user asks for "RSS".
fn same_kind(a: Format, b: Format) -> bool {
    matches!(
        (a, b),
        (Format::Rss1 | Format::Rss2, Format::Rss1 | Format::Rss2)
    ) || a == b
}

/// The feed syntax a link's `type` announces (parameters such as `; charset=utf-8` ignored), if any.
fn feed_format(media_type: &str) -> Option<Format> {
    let essence = media_type.split(';').next().unwrap_or("").trim();
    let is = |name: &str| essence.eq_ignore_ascii_case(name);
    if is("application/atom+xml") {
        Some(Format::Atom)
    } else if is("application/rss+xml") {
        Some(Format::Rss2)
    } else if is("application/rdf+xml") {
        Some(Format::Rss1)
    } else if is("application/feed+json") || is("application/json") {
        Some(Format::Json)
    } else {
        None
    }
}
