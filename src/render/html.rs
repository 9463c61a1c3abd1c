//! The HTML-string sink: the list description written as text, for the CLI's static prerender (`feedlet render`).
//!
//! Every text is escaped for text content and every attribute value for a quoted attribute;
//! which elements, attributes and URLs appear is decided by the description (`list.rs`), not here.

use std::convert::Infallible;

use super::sanitize::NoTree;
use super::{render_into, Sink};
use crate::model::Feed;
use crate::options::{DateStyle, Options};

/// Renders the recent-posts list of one or more feeds as an HTML fragment: the list description
/// ([`render_into`](crate::render_into)) written into an [`HtmlSink`].
///
/// # Examples
/// ```
/// let feed = feedlet::parse(br#"<rss><channel><item><title>A &lt;b&gt; &amp; B</title><link>https://e.com/a</link></item></channel></rss>"#, &Default::default()).unwrap();
/// let html = feedlet::render_html(std::slice::from_ref(&feed), &feedlet::Options::default());
/// assert!(html.contains(r#"<a class="feedlet__title" part="title" href="https://e.com/a" dir="auto">A &amp; B</a>"#));
/// ```
pub fn render_html(feeds: &[Feed<'_>], options: &Options) -> String {
    let mut sink = HtmlSink::new(options.date_style);
    let Ok(_) = render_into(&mut sink, feeds, options);
    let mut out = sink.finish();
    out.push('\n');
    out
}

/// A [`Sink`] that writes HTML text: every text escaped for text content, every value for a
/// double-quoted attribute, dates in a locale-free English form (`Mar 7, 2026`) that the browser
/// re-renders with `Intl`. It parses no HTML, so rich summaries show as text.
#[derive(Debug, Default)]
pub struct HtmlSink {
    out: String,
    /// The open elements, innermost last; `true` once the start tag's `>` is written.
    open: Vec<(&'static str, bool)>,
    date_style: DateStyle,
}

impl HtmlSink {
    /// A sink writing dates in `date_style` (`long` spells the month out).
    pub fn new(date_style: DateStyle) -> Self {
        HtmlSink {
            out: String::with_capacity(1024),
            open: Vec::new(),
            date_style,
        }
    }

    /// The HTML written (elements left open are closed).
    pub fn finish(mut self) -> String {
        while !self.open.is_empty() {
            let Ok(()) = self.close();
        }
        self.out
    }

    /// Ends the start tag of the innermost element, before its content.
    fn start_content(&mut self) {
        if let Some((_, started)) = self.open.last_mut() {
            if !*started {
                *started = true;
                self.out.push('>');
            }
        }
    }
}

/// Elements with no end tag.
const VOID: &[&str] = &["img", "br"];

impl Sink for HtmlSink {
    type Error = Infallible;
    type Tree = NoTree;

    fn open(
        &mut self,
        tag: &'static str,
        class: &'static str,
        part: &'static str,
    ) -> Result<(), Infallible> {
        self.start_content();
        self.out.push('<');
        self.out.push_str(tag);
        if !class.is_empty() {
            attribute(&mut self.out, "class", class);
        }
        if !part.is_empty() {
            attribute(&mut self.out, "part", part);
        }
        self.open.push((tag, false));
        Ok(())
    }

    fn attribute(&mut self, name: &'static str, value: &str) -> Result<(), Infallible> {
        attribute(&mut self.out, name, value);
        Ok(())
    }

    fn text(&mut self, value: &str) -> Result<(), Infallible> {
        self.start_content();
        text(&mut self.out, value);
        Ok(())
    }

    fn date(&mut self, timestamp: i64) -> Result<(), Infallible> {
        let shown = display_date(timestamp, self.date_style);
        self.text(&shown)
    }

    fn close(&mut self) -> Result<(), Infallible> {
        self.start_content();
        if let Some((tag, _)) = self.open.pop() {
            if !VOID.contains(&tag) {
                self.out.push_str("</");
                self.out.push_str(tag);
                self.out.push('>');
            }
        }
        Ok(())
    }
}

/// A locale-free date for static HTML (`Mar 7, 2026` / `March 7, 2026`); the browser re-renders with `Intl`.
fn display_date(timestamp: i64, style: DateStyle) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let iso = crate::date::format_utc(timestamp);
    let year = iso.get(0..4).unwrap_or("");
    let month: usize = iso.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day = iso.get(8..10).unwrap_or("").trim_start_matches('0');
    let name = MONTHS.get(month.saturating_sub(1)).copied().unwrap_or("");
    let name = match style {
        DateStyle::Long => name,
        _ => name.get(..3).unwrap_or(name),
    };
    let mut out = String::with_capacity(16);
    out.push_str(name);
    out.push(' ');
    out.push_str(day);
    out.push_str(", ");
    out.push_str(year);
    out
}

/// Appends text escaped for an HTML text node.
pub fn text(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Appends ` name="value"` with the value escaped for a double-quoted attribute.
pub fn attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out.push('"');
}
