//! The settings: how to read a feed ([`ParseOptions`]) and what to show and how ([`Options`]), each one struct
//! that JavaScript, HTML attributes, the CLI and Rust read the same way (see [`Read`]).

mod read;

use serde::{Deserialize, Deserializer, Serialize};

#[cfg(target_arch = "wasm32")]
pub(crate) use read::read_given;
pub use read::Read;
use read::{choice, count, list, number, put, switch, text, Outcome};
pub(crate) use read::{Given, Settings};

/// How to read a feed. Every field has a documented default.
///
/// It deserializes from camelCase names (`baseUrl`, `maxEntries`; `base` is accepted for `baseUrl`),
/// leniently, like `Options`: numbers may be given as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct ParseOptions {
    /// The document's own URL: the base for relative links after `xml:base`.
    /// Default: none (relative links stay relative).
    pub base_url: Option<String>,
    /// The charset from the HTTP `Content-Type` header, if one is known. It outranks the XML declaration.
    /// Default: none (sniffed from the BOM and the XML declaration, else UTF-8).
    pub charset: Option<String>,
    /// Largest input accepted, in bytes. Larger input is an `limitExceeded` error.
    /// Default: 20 MiB.
    pub max_input_bytes: usize,
    /// Deepest element (or JSON value) nesting accepted. Deeper input is an `limitExceeded` error.
    /// Default: 256.
    pub max_depth: usize,
    /// Most entries read. Further entries are skipped with a warning.
    /// Default: 10 000.
    pub max_entries: usize,
    /// Longest single text field kept, in bytes. Longer fields are cut with a warning.
    /// Default: 4 MiB.
    pub max_text_bytes: usize,
    /// Most warnings recorded; later ones are counted in a final warning.
    /// Default: 100.
    pub max_warnings: usize,
}

impl Default for ParseOptions {
    fn default() -> Self {
        ParseOptions {
            base_url: None,
            charset: None,
            max_input_bytes: 20 * 1024 * 1024,
            max_depth: 256,
            max_entries: 10_000,
            max_text_bytes: 4 * 1024 * 1024,
            max_warnings: 100,
        }
    }
}

impl ParseOptions {
    /// Reads parse options from a map of camelCase names, leniently; see [`Read`].
    ///
    /// # Examples
    /// ```
    /// let json = r#"{"base": "https://e.x/feed", "maxEntries": "50"}"#;
    /// let options: feedlet::ParseOptions = serde_json::from_str(json).unwrap();
    /// assert_eq!(options.base_url.as_deref(), Some("https://e.x/feed"));
    /// assert_eq!(options.max_entries, 50);
    /// ```
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Read<Self>, D::Error> {
        read::read(deserializer)
    }
}

impl Settings for ParseOptions {
    fn set(&mut self, name: &str, given: &Given) -> Outcome {
        match name {
            "baseUrl" | "base" => put(&mut self.base_url, text(given).map(Some)),
            "charset" => put(&mut self.charset, text(given).map(Some)),
            "maxInputBytes" => put(&mut self.max_input_bytes, count(given)),
            "maxDepth" => put(&mut self.max_depth, count(given)),
            "maxEntries" => put(&mut self.max_entries, count(given)),
            "maxTextBytes" => put(&mut self.max_text_bytes, count(given)),
            "maxWarnings" => put(&mut self.max_warnings, count(given)),
            _ => Outcome::Unknown,
        }
    }
}

impl<'de> Deserialize<'de> for ParseOptions {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self::read(deserializer)?.value)
    }
}

/// What to show and how: the options of the widget, the JS API and `feedlet render`, in one struct.
///
/// JavaScript passes the same names in camelCase; HTML attributes and CLI flags use kebab-case.
/// The last nine (`src` to `more`) are the widget's own (`mount` in `feedlet.js`); rendering ignores them.
/// It deserializes leniently, from typed values or from attribute text (see `Options::read`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify), tsify(missing_as_null))]
#[serde(rename_all = "camelCase")]
pub struct Options {
    /// How many entries to show. Default: 5.
    #[serde(serialize_with = "read::as_u32")]
    pub limit: usize,
    /// How many of the first entries (after sorting) to skip. Default: 0.
    #[serde(serialize_with = "read::as_u32")]
    pub offset: usize,
    /// Show only entries with one of these categories (case-insensitive). Default: empty (all).
    pub category: Vec<String>,
    /// Hide entries with any of these categories (case-insensitive). Default: empty.
    pub exclude_category: Vec<String>,
    /// `date`: newest first by real dates (undated last); `feed`: the feeds' own order. Default: `date`.
    pub sort: Sort,
    /// Show each entry's date. Default: true.
    pub date: bool,
    /// Show each entry's summary; the attribute value `html` also sets `summary_mode` to `html`. Default: true.
    pub summary: bool,
    /// Show a thumbnail per entry (only the `cards` layout has room for it). Default: true.
    pub image: bool,
    /// Show each entry's authors. Default: false.
    pub author: bool,
    /// Show each entry's categories. Default: false.
    pub categories: bool,
    /// Longest summary, in graphemes; longer ones are cut (at a word, or at a grapheme in Chinese, Japanese and
    /// Korean) and end in `…`. Default: 160.
    #[serde(serialize_with = "read::as_u32")]
    pub summary_length: usize,
    /// `medium` ("Mar 7, 2026"), `long` ("March 7, 2026") or `relative` ("3 days ago"). Default: `medium`.
    pub date_style: DateStyle,
    /// A BCP 47 locale for dates, and in the widget for its own words (empty, error and loading texts, "show more").
    /// Default: none (in the browser: the closest `lang`, then `navigator.language`).
    pub locale: Option<String>,
    /// An IANA time zone for dates, such as `Asia/Seoul`. Default: none (the viewer's).
    pub time_zone: Option<String>,
    /// `list` (title, meta, summary), `cards` (a grid with thumbnails) or `compact` (titles and dates). Default: `list`.
    pub layout: Layout,
    /// `_self` or `_blank` (which adds `rel="noopener noreferrer"`). Default: `_self`.
    pub target: LinkTarget,
    /// A heading (`<h2>`) above the list. Default: none.
    pub heading: Option<String>,
    /// The text shown when no entry matches. Default: "No posts yet." (the widget: in the viewer's language).
    pub empty_text: String,
    /// The text shown when no feed could be loaded. Default: "Could not load the posts." (the widget: in the viewer's
    /// language).
    pub error_text: String,
    /// `text` (plain summaries) or `html` (a sanitized subset of the entry's HTML, browser only). Default: `text`.
    pub summary_mode: SummaryMode,
    /// The widget's feed URLs; several are fetched in parallel and merged. Text holds several, comma- or
    /// space-separated. Default: empty.
    pub src: Vec<String>,
    /// The widget re-fetches every this many seconds (paused while the page is hidden), rounded to whole seconds and
    /// at least 30 (a smaller positive value reads as 30); 0 turns it off. Default: 0.
    pub refresh: f64,
    /// Whether the widget keeps each feed's last good copy in `localStorage` and shows it on the next visit; `off` (or
    /// `cache_ttl` 0) neither stores nor reads one. Default: true.
    pub cache: bool,
    /// How old, in seconds, the widget's stored copy of a feed may be to show without asking the network; 0 stores
    /// no copy (as `cache` off). Default: 300.
    pub cache_ttl: f64,
    /// A URL template for a CORS proxy; `{url}` becomes the encoded feed URL (appended when absent). Default: none.
    pub proxy: Option<String>,
    /// Render into the element's own children instead of a shadow root. Default: false.
    pub light_dom: bool,
    /// Milliseconds before the widget abandons a fetch; 0 means the default. Default: 10000.
    pub timeout: f64,
    /// When `src` is a page rather than a feed, the kind of feed to follow among those its `<link rel="alternate">`
    /// elements name: `atom`, `rss` or `json`; the others stay as fallbacks. Default: none (Atom, then RSS, then
    /// JSON Feed).
    pub feed_type: Option<FeedType>,
    /// A "show more" button after the list, which reveals the next `limit` posts of the feeds already loaded.
    /// Default: false.
    pub more: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limit: 5,
            offset: 0,
            category: Vec::new(),
            exclude_category: Vec::new(),
            sort: Sort::Date,
            date: true,
            summary: true,
            image: true,
            author: false,
            categories: false,
            summary_length: 160,
            date_style: DateStyle::Medium,
            locale: None,
            time_zone: None,
            layout: Layout::List,
            target: LinkTarget::SameTab,
            heading: None,
            empty_text: "No posts yet.".to_owned(),
            error_text: "Could not load the posts.".to_owned(),
            summary_mode: SummaryMode::Text,
            src: Vec::new(),
            refresh: 0.0,
            cache: true,
            cache_ttl: 300.0,
            proxy: None,
            light_dom: false,
            timeout: DEFAULT_TIMEOUT,
            feed_type: None,
            more: false,
        }
    }
}

const DEFAULT_TIMEOUT: f64 = 10_000.0;
/// The shortest refresh interval, in seconds.
const MIN_REFRESH: f64 = 30.0;

impl Options {
    /// Reads options from a map of camelCase names, leniently; see [`Read`].
    ///
    /// # Examples
    /// ```
    /// let json = r#"{"limit": "3", "layout": "cards", "summary": "html"}"#;
    /// let options: feedlet::Options = serde_json::from_str(json).unwrap();
    /// assert_eq!(options.limit, 3);
    /// assert_eq!(options.layout, feedlet::Layout::Cards);
    /// assert_eq!(options.summary_mode, feedlet::SummaryMode::Html);
    ///
    /// let read = feedlet::Options::read(serde_json::json!({"limit": "many", "dateStyle": "long"})).unwrap();
    /// assert_eq!(read.value.limit, 5);
    /// assert_eq!(read.value.date_style, feedlet::DateStyle::Long);
    /// assert_eq!(read.warnings, ["limit=\"many\" is not a valid value; using the default."]);
    /// ```
    pub fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Read<Self>, D::Error> {
        read::read(deserializer)
    }
}

impl Settings for Options {
    fn set(&mut self, name: &str, given: &Given) -> Outcome {
        match name {
            "limit" => put(&mut self.limit, count(given)),
            "offset" => put(&mut self.offset, count(given)),
            "category" => put(&mut self.category, list(given)),
            "excludeCategory" => put(&mut self.exclude_category, list(given)),
            "sort" => put(&mut self.sort, choice(given)),
            "date" => put(&mut self.date, switch(given)),
            // `summary="html"` is the attribute's way to ask for rich summaries.
            "summary" if given.text() == Some("html") => {
                self.summary = true;
                self.summary_mode = SummaryMode::Html;
                Outcome::Done
            }
            "summary" => put(&mut self.summary, switch(given)),
            "image" => put(&mut self.image, switch(given)),
            "author" => put(&mut self.author, switch(given)),
            "categories" => put(&mut self.categories, switch(given)),
            "summaryLength" => put(&mut self.summary_length, count(given)),
            "dateStyle" => put(&mut self.date_style, choice(given)),
            "locale" => put(&mut self.locale, text(given).map(Some)),
            "timeZone" => put(&mut self.time_zone, text(given).map(Some)),
            "layout" => put(&mut self.layout, choice(given)),
            "target" => put(&mut self.target, choice(given)),
            "heading" => put(&mut self.heading, text(given).map(Some)),
            "emptyText" => put(&mut self.empty_text, text(given)),
            "errorText" => put(&mut self.error_text, text(given)),
            "summaryMode" => put(&mut self.summary_mode, choice(given)),
            "src" => put(&mut self.src, list(given)),
            // A refresh costs the feed's server a request per visitor: a floor of 30 s, whole seconds.
            "refresh" => put(
                &mut self.refresh,
                number(given).map(|t| {
                    if t > 0.0 {
                        t.round().max(MIN_REFRESH)
                    } else {
                        0.0
                    }
                }),
            ),
            "cache" => put(&mut self.cache, switch(given)),
            "cacheTtl" => put(&mut self.cache_ttl, number(given)),
            "proxy" => put(&mut self.proxy, text(given).map(Some)),
            "lightDom" => put(&mut self.light_dom, switch(given)),
            // As the widget always read it: no timeout is no sense, so 0 keeps the default.
            "timeout" => put(
                &mut self.timeout,
                number(given).map(|t| if t > 0.0 { t } else { DEFAULT_TIMEOUT }),
            ),
            "feedType" => put(&mut self.feed_type, choice(given).map(Some)),
            "more" => put(&mut self.more, switch(given)),
            _ => Outcome::Unknown,
        }
    }
}

impl<'de> Deserialize<'de> for Options {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self::read(deserializer)?.value)
    }
}

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Newest first by real dates; undated entries last.
    #[default]
    Date,
    /// The feeds' own order.
    Feed,
}

/// How dates read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum DateStyle {
    /// `Mar 7, 2026`.
    #[default]
    Medium,
    /// `March 7, 2026`.
    Long,
    /// `3 days ago`.
    Relative,
}

/// The shape of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Layout {
    /// Title, meta line, summary.
    #[default]
    List,
    /// Cards with thumbnails.
    Cards,
    /// Titles and dates only.
    Compact,
}

/// Where links open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub enum LinkTarget {
    /// The same tab.
    #[default]
    #[serde(rename = "_self")]
    SameTab,
    /// A new tab, with `rel="noopener noreferrer"`.
    #[serde(rename = "_blank")]
    NewTab,
}

/// The kind of feed autodiscovery prefers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum FeedType {
    /// `application/atom+xml`.
    Atom,
    /// `application/rss+xml` (RSS 2) or `application/rdf+xml` (RSS 1).
    Rss,
    /// `application/feed+json` or `application/json` (JSON Feed).
    Json,
}

/// How summaries render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum SummaryMode {
    /// Plain text, cut to `summary_length`.
    #[default]
    Text,
    /// A sanitized subset of the entry's HTML, built node by node (browser only; the HTML-string renderer shows text).
    Html,
}
