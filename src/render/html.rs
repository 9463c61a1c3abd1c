//! The HTML-string renderer: the static prerender of the recent-posts list (the CLI's `render`), the same structure the DOM renderer builds.
//!
//! Every text is escaped for text content and every attribute value for a quoted attribute;
//! links and image sources have already passed `safe_url` when the model was built.

use crate::model::Feed;
use crate::options::{DateStyle, Layout, LinkTarget, Options};
use crate::select::{meta_shown, select, Post};
use crate::url::safe_url;

/// Renders the recent-posts list of one or more feeds as an HTML fragment.
///
/// # Examples
/// ```
/// let feed = feedlet::parse(br#"<rss><channel><item><title>A &lt;b&gt; &amp; B</title><link>https://e.com/a</link></item></channel></rss>"#, &Default::default()).unwrap();
/// let html = feedlet::render_html(std::slice::from_ref(&feed), &feedlet::Options::default());
/// assert!(html.contains(r#"<a class="feedlet__title" part="title" href="https://e.com/a" dir="auto">A &amp; B</a>"#));
/// ```
pub fn render_html(feeds: &[Feed<'_>], options: &Options) -> String {
    let posts = select(feeds, options);
    let mut out = String::with_capacity(1024);
    out.push_str("<section class=\"feedlet feedlet--");
    out.push_str(layout_name(options.layout));
    out.push('"');
    if let Some(lang) = feeds.first().and_then(|f| f.language.as_deref()) {
        attribute(&mut out, "lang", lang);
    }
    out.push('>');
    if let Some(heading) = options.heading.as_deref().filter(|h| !h.is_empty()) {
        out.push_str("<h2 class=\"feedlet__heading\" part=\"heading\" dir=\"auto\">");
        text(&mut out, heading);
        out.push_str("</h2>");
    }
    if posts.is_empty() {
        out.push_str("<p class=\"feedlet__empty\" part=\"empty\">");
        text(&mut out, &options.empty_text);
        out.push_str("</p>");
    } else {
        out.push_str("<ul class=\"feedlet__list\" role=\"list\" part=\"list\">");
        for post in &posts {
            item(&mut out, post, feeds, options);
        }
        out.push_str("</ul>");
    }
    out.push_str("</section>\n");
    out
}

fn item(out: &mut String, post: &Post<'_, '_>, feeds: &[Feed<'_>], options: &Options) {
    let entry = post.entry;
    out.push_str("<li class=\"feedlet__item\" part=\"item\"");
    let feed_lang = feeds.get(post.feed).and_then(|f| f.language.as_deref());
    let first_lang = feeds.first().and_then(|f| f.language.as_deref());
    if let Some(lang) = feed_lang.filter(|l| Some(*l) != first_lang) {
        attribute(out, "lang", lang);
    }
    out.push('>');
    if options.layout == Layout::Cards {
        // Checked again here: a `Feed` can be built or deserialized by library users, not only by the parser.
        let image = post
            .image
            .as_ref()
            .and_then(|i| Some((i, safe_url(None, &i.url)?)));
        if let Some((image, url)) = image {
            out.push_str("<img class=\"feedlet__image\" part=\"image\"");
            attribute(out, "src", &url);
            out.push_str(
                " alt=\"\" loading=\"lazy\" decoding=\"async\" referrerpolicy=\"no-referrer\"",
            );
            if let Some(width) = image.width {
                attribute(out, "width", &width.to_string());
            }
            if let Some(height) = image.height {
                attribute(out, "height", &height.to_string());
            }
            out.push('>');
        }
    }
    let title = entry.title.as_deref().unwrap_or("(untitled)");
    match entry.link.as_deref().and_then(|l| safe_url(None, l)) {
        Some(link) => {
            out.push_str("<a class=\"feedlet__title\" part=\"title\"");
            attribute(out, "href", &link);
            if options.target == LinkTarget::NewTab {
                out.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
            }
            out.push_str(" dir=\"auto\">");
            text(out, title);
            out.push_str("</a>");
        }
        None => {
            out.push_str("<span class=\"feedlet__title\" part=\"title\" dir=\"auto\">");
            text(out, title);
            out.push_str("</span>");
        }
    }
    let (date, authors, categories) = meta_shown(entry, options);
    if date.is_some() || authors || categories {
        out.push_str("<div class=\"feedlet__meta\" part=\"meta\">");
        if let Some(date) = date {
            out.push_str("<time class=\"feedlet__date\" part=\"date\"");
            attribute(out, "datetime", &date.to_iso());
            out.push('>');
            match date.timestamp {
                Some(t) => text(out, &display_date(t, options.date_style)),
                None => text(out, &date.raw),
            }
            out.push_str("</time>");
        }
        if authors {
            out.push_str("<span class=\"feedlet__author\" part=\"author\" dir=\"auto\">");
            let names: Vec<&str> = entry.authors.iter().map(|p| p.name.as_ref()).collect();
            text(out, &names.join(", "));
            out.push_str("</span>");
        }
        if categories {
            out.push_str("<span class=\"feedlet__categories\" part=\"categories\" dir=\"auto\">");
            let names: Vec<&str> = entry.categories.iter().map(AsRef::as_ref).collect();
            text(out, &names.join(", "));
            out.push_str("</span>");
        }
        out.push_str("</div>");
    }
    if options.layout != Layout::Compact {
        if let Some(summary) = &post.summary {
            out.push_str("<p class=\"feedlet__summary\" part=\"summary\" dir=\"auto\">");
            text(out, summary);
            out.push_str("</p>");
        }
    }
    out.push_str("</li>");
}

/// The layout's class suffix.
pub fn layout_name(layout: Layout) -> &'static str {
    match layout {
        Layout::List => "list",
        Layout::Cards => "cards",
        Layout::Compact => "compact",
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
