//! The settings for parsing: where the document came from, and the limits that keep hostile input cheap.

/// How to read a feed. Every field has a documented default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseOptions {
    /// The document's own URL: the base for relative links after `xml:base`.
    /// Default: `None`.
    pub base_url: Option<String>,
    /// The charset from the HTTP `Content-Type` header, if one is known. It outranks the XML declaration.
    /// Default: `None`.
    pub charset: Option<String>,
    /// Largest input accepted, in bytes. Larger input is an `LimitExceeded` error.
    /// Default: 20 MiB.
    pub max_input_bytes: usize,
    /// Deepest element (or JSON value) nesting accepted. Deeper input is an `LimitExceeded` error.
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

/// What to show and how: the options of the widget, the JS API and `feedlet render`, in one struct.
/// JavaScript passes the same names in camelCase; HTML attributes use kebab-case.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// How many entries to show. Default: 5.
    pub limit: usize,
    /// How many of the newest entries to skip first. Default: 0.
    pub offset: usize,
    /// Show only entries with one of these categories (case-insensitive). Default: empty (all).
    pub category: Vec<String>,
    /// Hide entries with any of these categories (case-insensitive). Default: empty.
    pub exclude_category: Vec<String>,
    /// `date`: newest first; `feed`: document order. Default: `date`.
    pub sort: Sort,
    /// Show each entry's date. Default: true.
    pub date: bool,
    /// Show each entry's summary. Default: true.
    pub summary: bool,
    /// Show each entry's thumbnail. Default: true (only the `cards` layout has room for it).
    pub image: bool,
    /// Show each entry's authors. Default: false.
    pub author: bool,
    /// Show each entry's categories. Default: false.
    pub categories: bool,
    /// Longest summary, in graphemes; longer ones are cut and end in `…`. Default: 160.
    pub summary_length: usize,
    /// `medium`, `long` or `relative`. Default: `medium`.
    pub date_style: DateStyle,
    /// A BCP 47 locale for dates. Default: the page's `lang`, then `navigator.language` (in the browser).
    pub locale: Option<String>,
    /// An IANA time zone for dates, such as `Asia/Seoul`. Default: the viewer's.
    pub time_zone: Option<String>,
    /// `list`, `cards` or `compact`. Default: `list`.
    pub layout: Layout,
    /// `_self` or `_blank` (which adds `rel="noopener noreferrer"`). Default: `_self`.
    pub target: LinkTarget,
    /// A heading above the list. Default: none.
    pub heading: Option<String>,
    /// The text shown when no entry matches. Default: "No posts yet.".
    pub empty_text: String,
    /// The text shown when no feed could be loaded. Default: "Could not load the posts.".
    pub error_text: String,
    /// `text` (plain summaries) or `html` (a sanitized subset of the entry's HTML, browser only). Default: `text`.
    pub summary_mode: SummaryMode,
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
        }
    }
}

/// The order of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Newest first by real dates; undated entries last.
    #[default]
    Date,
    /// The feeds' own order.
    Feed,
}

/// How dates read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
pub enum LinkTarget {
    /// The same tab.
    #[default]
    #[serde(rename = "_self")]
    SameTab,
    /// A new tab, with `rel="noopener noreferrer"`.
    #[serde(rename = "_blank")]
    NewTab,
}

/// How summaries render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SummaryMode {
    /// Plain text, cut to `summary_length`.
    #[default]
    Text,
    /// A sanitized subset of the entry's HTML, built node by node (browser only; the HTML-string renderer shows text).
    Html,
}
