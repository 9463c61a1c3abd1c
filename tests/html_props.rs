//! Property tests for the HTML-string renderer (`feedlet::render_html`, the CLI's `feedlet render`).
//!
//! For arbitrary strings in every model field that the renderer reads (language, entry titles, links,
//! dates, summaries and content in every markup and escape, author names, categories, image URLs) and in
//! the page-given options (heading, empty text), the output must:
//! - scan as a well-nested tree of the renderer's own fixed tags and attributes only: every `<` in the
//!   output opens or closes one of them, attribute values are double-quoted and never hold a raw `"`,
//!   `<` or `>`, text holds no raw `<` or `>`, and every `&` starts one of the renderer's five escapes;
//! - decode back to exactly the text the model holds (titles, authors, categories, summaries, dates,
//!   heading, empty text, `lang`, `datetime`, `src`, `href`), but for the bidi controls and separators that
//!   could end a field's isolate (see `shows`);
//! - carry only safe links: `href`/`src` are absolute `http://`/`https://` URLs with a host, else absent
//!   (a relative reference would resolve against the host page);
//! - hold every text in its own bidi isolate (`dir="auto"` on the element holding it), so that bidi
//!   controls in one field cannot reorder another;
//! - hold no image when `image` is off.
//!
//! Two model sources are tested. `parsed_model_*` builds entries the way every parser does (links and
//! image URLs passed through `safe_url` against the document's URL).
//! `raw_model_*` hand `render_html` a model with unchecked URLs, as a `Feed` deserialized from JSON
//! (`Feed: Deserialize`) or built by a library user can carry: the renderer must re-check them.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::borrow::Cow;

use feedlet::sanitize::{Node, TreeSink};
use feedlet::{
    format_utc, safe_url, Content, Date, DateStyle, Entry, Escape, Feed, Format, HtmlSink, Image,
    Layout, LazyText, LinkTarget, Markup, Options, Person, ShownDate, Sink, Sort, SummaryMode,
};
use proptest::prelude::*;

#[path = "html_props/scan.rs"]
mod scan;
use scan::{is_safe_link, scan, Tree};

// ---------------------------------------------------------------------------------------------
// The checks.

/// `lang` is the feed's language trimmed, and absent when blank (the DOM renderer's rule, now the only one).
fn language<'f>(feed: Option<&'f Feed<'_>>) -> Option<&'f str> {
    feed.and_then(|f| f.language.as_deref())
        .map(str::trim)
        .filter(|l| !l.is_empty())
}

fn check(feeds: &[Feed<'_>], options: &Options, check_links: bool) -> Result<(), String> {
    let html = feedlet::render_html(feeds, options);
    let roots = scan(&html).map_err(|e| format!("{e}\n--- output ---\n{html}"))?;
    let fail = |message: String| Err(format!("{message}\n--- output ---\n{html}"));
    let [section] = roots.as_slice() else {
        return fail(format!("expected one <section>, got {} nodes", roots.len()));
    };
    if section.name() != "section" {
        return fail("the root is not a <section>".into());
    }
    let lang = language(feeds.first());
    if section.attribute("lang") != lang {
        return fail(format!("lang {:?} != {lang:?}", section.attribute("lang")));
    }
    let mut children = section.children().iter();
    let mut next = children.next();
    if let Some(heading) = options.heading.as_deref().filter(|h| !h.is_empty()) {
        match next {
            Some(h2) if h2.name() == "h2" && h2.text() == heading => next = children.next(),
            _ => return fail(format!("no <h2> holding {heading:?}")),
        }
    }
    let posts = feedlet::select(feeds, options);
    if posts.is_empty() {
        match next {
            Some(p) if p.name() == "p" && p.text() == options.empty_text => {}
            _ => return fail(format!("no empty text {:?}", options.empty_text)),
        }
        return Ok(());
    }
    let Some(list) = next.filter(|n| n.name() == "ul") else {
        return fail("no <ul>".into());
    };
    if children.next().is_some() {
        return fail("something after the <ul>".into());
    }
    if list.children().len() != posts.len() {
        return fail(format!(
            "{} <li> for {} posts",
            list.children().len(),
            posts.len()
        ));
    }
    let mut links = Vec::new();
    for (li, post) in list.children().iter().zip(&posts) {
        if li.name() != "li" {
            return fail(format!("a <{}> in the list", li.name()));
        }
        let item_lang = language(feeds.get(post.feed)).filter(|l| Some(*l) != lang);
        if li.attribute("lang") != item_lang {
            return fail(format!(
                "item lang {:?} != {item_lang:?}",
                li.attribute("lang")
            ));
        }
        let entry = post.entry;
        let mut parts = li.children().iter().peekable();
        if options.layout == Layout::Cards {
            // The renderer re-checks the model's URL (a deserialized or hand-built model may hold any string).
            let image = post
                .image
                .as_ref()
                .and_then(|i| Some((i, absolute(&i.url)?)));
            if let Some((image, url)) = image {
                match parts.next() {
                    Some(img) if img.name() == "img" && img.attribute("src") == Some(&url) => {
                        links.push(url.clone());
                        if img.attribute("width") != image.width.map(|w| w.to_string()).as_deref()
                            || img.attribute("height")
                                != image.height.map(|h| h.to_string()).as_deref()
                        {
                            return fail("image size differs".into());
                        }
                    }
                    _ => return fail(format!("no <img src={url:?}>")),
                }
            }
        }
        let title = entry.title.as_deref().unwrap_or("(untitled)");
        match parts.next() {
            Some(t) if t.class() == "feedlet__title" && shows(&t.text(), title) => {
                let checked = entry.link.as_deref().and_then(absolute);
                let expected_href = checked.as_deref();
                if t.attribute("href") != expected_href {
                    return fail(format!(
                        "href {:?} != {expected_href:?}",
                        t.attribute("href")
                    ));
                }
                if t.name() != if expected_href.is_some() { "a" } else { "span" } {
                    return fail(format!("title element <{}>", t.name()));
                }
                if let Some(href) = expected_href {
                    links.push(href.to_owned());
                }
                let blank = options.target == LinkTarget::NewTab && expected_href.is_some();
                if (t.attribute("target") == Some("_blank")) != blank {
                    return fail("target differs".into());
                }
            }
            other => return fail(format!("title {title:?} not found, got {other:?}")),
        }
        let date = entry.shown_date().filter(|_| options.date);
        let authors =
            options.author && !entry.authors.is_empty() && options.layout != Layout::Compact;
        let categories =
            options.categories && !entry.categories.is_empty() && options.layout != Layout::Compact;
        if date.is_some() || authors || categories {
            let Some(meta) = parts.next().filter(|m| m.class() == "feedlet__meta") else {
                return fail("no meta".into());
            };
            let mut items = meta.children().iter();
            match date {
                Some(ShownDate::At(at)) => match items.next() {
                    Some(time)
                        if time.name() == "time"
                            && time.attribute("datetime") == Some(&format_utc(at)) => {}
                    _ => return fail(format!("no <time datetime={:?}>", format_utc(at))),
                },
                // An unreadable date names no instant: it is text in a span, never a <time>.
                Some(ShownDate::Text(text)) => match items.next() {
                    Some(span)
                        if span.name() == "span"
                            && span.class() == "feedlet__date"
                            && shows(&span.text(), text) => {}
                    other => {
                        return fail(format!(
                            "date text {:?} not shown: {:?}",
                            text,
                            other.map(|o| o.text())
                        ))
                    }
                },
                None => {}
            }
            if authors {
                let names: Vec<&str> = entry.authors.iter().map(|p| p.name.as_ref()).collect();
                match items.next() {
                    Some(s)
                        if s.class() == "feedlet__author"
                            && shows(&s.text(), &names.join(", ")) => {}
                    _ => return fail(format!("authors {names:?} not found")),
                }
            }
            if categories {
                let names: Vec<&str> = entry.categories.iter().map(AsRef::as_ref).collect();
                match items.next() {
                    Some(s)
                        if s.class() == "feedlet__categories"
                            && shows(&s.text(), &names.join(", ")) => {}
                    _ => return fail(format!("categories {names:?} not found")),
                }
            }
            if items.next().is_some() {
                return fail("extra meta".into());
            }
        }
        if options.layout != Layout::Compact {
            if let Some(summary) = &post.summary {
                match parts.next() {
                    Some(p) if p.class() == "feedlet__summary" && p.name() == "p" => {
                        if !shows(&p.text(), summary) {
                            return fail(format!("summary {:?} != {summary:?}", p.text()));
                        }
                        if p.children().iter().any(|c| !matches!(c, Tree::Text(_))) {
                            return fail("an element inside the summary".into());
                        }
                    }
                    _ => return fail(format!("summary {summary:?} not found")),
                }
            }
        }
        if let Some(extra) = parts.next() {
            return fail(format!("unexpected <{}> in an item", extra.name()));
        }
        if let Some(field) = unisolated(li) {
            return fail(format!(
                "<{} class={:?}> holds text outside a bidi isolate",
                field.name(),
                field.class()
            ));
        }
        if !options.image && has_image(li) {
            return fail("an image with image=false".into());
        }
    }
    if check_links {
        for link in links {
            if !is_safe_link(&link) {
                return fail(format!("unsafe URL emitted: {link:?}"));
            }
        }
    }
    Ok(())
}

/// True when a field showing `shown` shows the model's `text`, and nothing in it can end the field's bidi
/// isolate: equal but for isolate controls (LRI, RLI, FSI, PDI) and paragraph separators (which may become
/// spaces), with every PDI closing an isolate the text opened, every such isolate closed, and no paragraph
/// separator left (Chromium wraps an isolating element's text in FSI … PDI, so any of these would escape).
fn shows(shown: &str, text: &str) -> bool {
    let separator = |c: char| matches!(c, '\u{2029}' | '\u{85}' | '\u{1c}'..='\u{1e}');
    let isolate_control = |c: char| ('\u{2066}'..='\u{2069}').contains(&c);
    let bare = |s: &str| -> String {
        s.chars()
            .filter(|c| !isolate_control(*c))
            .map(|c| if separator(c) { ' ' } else { c })
            .collect()
    };
    let mut open = 0usize;
    for c in shown.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => open += 1,
            '\u{2069}' if open == 0 => return false,
            '\u{2069}' => open -= 1,
            c if separator(c) => return false,
            _ => {}
        }
    }
    open == 0 && bare(shown) == bare(text)
}

/// What the renderer may write for a URL the model holds, with no base: `safe_url`'s result when it is
/// absolute http(s) with a host; a relative reference would resolve against the host page.
fn absolute(raw: &str) -> Option<String> {
    safe_url(None, raw).filter(|url| is_safe_link(url))
}

/// The first element of an item that holds feed text directly without being its own bidi isolate
/// (`dir="auto"`); the meta line and the item only hold elements.
fn unisolated(node: &Tree) -> Option<&Tree> {
    let Tree::Element { children, .. } = node else {
        return None;
    };
    let holds_text = children
        .iter()
        .any(|c| matches!(c, Tree::Text(t) if !t.is_empty()));
    if holds_text && node.attribute("dir") != Some("auto") {
        return Some(node);
    }
    children.iter().find_map(unisolated)
}

/// True when an `<img>` is anywhere under `node`.
fn has_image(node: &Tree) -> bool {
    match node {
        Tree::Element { children, .. } => node.name() == "img" || children.iter().any(has_image),
        Tree::Text(_) => false,
    }
}

// ---------------------------------------------------------------------------------------------
// One description, two sinks: what the list description says (recorded as a tree) is what the HTML says.

/// Forwards to `S`, except that a date is written as `@<seconds>`: the one thing each sink formats its
/// own way (`Intl` in the browser, a fixed English form in HTML, ISO 8601 in the recorder).
struct DatesAsMarkers<S>(S);

impl<S: Sink> Sink for DatesAsMarkers<S> {
    type Error = S::Error;
    type Tree = S::Tree;
    fn open(
        &mut self,
        tag: &'static str,
        class: &'static str,
        part: &'static str,
    ) -> Result<(), S::Error> {
        self.0.open(tag, class, part)
    }
    fn attribute(&mut self, name: &'static str, value: &str) -> Result<(), S::Error> {
        self.0.attribute(name, value)
    }
    fn text(&mut self, text: &str) -> Result<(), S::Error> {
        self.0.text(text)
    }
    fn date(&mut self, timestamp: i64) -> Result<(), S::Error> {
        self.0.text(&format!("@{timestamp}"))
    }
    fn close(&mut self) -> Result<(), S::Error> {
        self.0.close()
    }
    fn refused(&mut self) {
        self.0.refused();
    }
}

fn recorded(node: &Node) -> Tree {
    match node {
        Node::Text(text) => Tree::Text(text.clone()),
        Node::Element {
            name,
            attributes,
            children,
            ..
        } => Tree::Element {
            name: name.clone(),
            attributes: attributes.clone(),
            children: children.iter().map(recorded).collect(),
        },
    }
}

/// Compares a recording with HTML written from the same description.
fn same_tree(record: TreeSink, html: HtmlSink) -> Result<(), String> {
    let recorded: Vec<Tree> = record.finish().iter().map(recorded).collect();
    let mut text = html.finish();
    text.push('\n');
    let scanned = scan(&text).map_err(|e| format!("{e}\n--- output ---\n{text}"))?;
    if scanned != recorded {
        return Err(format!(
            "the HTML differs from the description\n--- recorded ---\n{recorded:#?}\n--- output ---\n{text}"
        ));
    }
    Ok(())
}

/// The list description into a recording sink and into the HTML sink: the HTML, read back, must be
/// the recorded tree exactly (elements, attribute order, texts), both count the same entries, and the
/// refused URLs are exactly the shown links and thumbnails that are not absolute web URLs.
fn list_sinks_agree(feeds: &[Feed<'_>], options: &Options) -> Result<(), String> {
    let mut record = DatesAsMarkers(TreeSink::default());
    let Ok(count) = feedlet::render_into(&mut record, feeds, options);
    let mut html = DatesAsMarkers(HtmlSink::new(options.date_style));
    let Ok(html_count) = feedlet::render_into(&mut html, feeds, options);
    let posts = feedlet::select(feeds, options);
    if count != posts.len() || html_count != posts.len() {
        return Err(format!(
            "counts {count} and {html_count} for {} posts",
            posts.len()
        ));
    }
    let refused = posts
        .iter()
        .flat_map(|post| {
            let image = post
                .image
                .as_ref()
                .filter(|_| options.layout == Layout::Cards);
            [post.entry.link.as_deref(), image.map(|i| i.url.as_str())]
        })
        .flatten()
        .filter(|url| absolute(url).is_none())
        .count();
    if record.0.refused_urls() != refused {
        return Err(format!(
            "{} URLs refused, {refused} expected",
            record.0.refused_urls()
        ));
    }
    same_tree(record.0, html.0)
}

// ---------------------------------------------------------------------------------------------
// Strategies.

/// Strings that stress an HTML serializer: arbitrary Unicode, markup-ish ASCII, and hostile fragments.
fn hostile() -> impl Strategy<Value = String> {
    let fragment = prop::sample::select(vec![
        "<",
        ">",
        "&",
        "\"",
        "'",
        "`",
        "=",
        "/",
        " ",
        "\t",
        "\n",
        "\r",
        "\u{0}",
        "\u{a0}",
        "\u{feff}",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&#39;",
        "&#x3c;",
        "&#60;",
        "&lt;script&gt;",
        "<script>",
        "</script>",
        "<img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' autofocus onfocus='x",
        "javascript:",
        "JaVaScRiPt:",
        "java\tscript:",
        "data:text/html,",
        "vbscript:",
        "<![CDATA[",
        "]]>",
        "<!--",
        "-->",
        "</a>",
        "</section>",
        "<svg>",
        "<math>",
        "&#x6A;",
        "&colon;",
        "%0a",
        "\\",
        "é",
        "한",
        "👍🏽",
        "\u{202e}",
        "\u{202d}",
        "\u{2066}",
        "\u{2067}",
        "\u{2068}",
        "\u{2069}",
        "\u{200f}",
        "\u{202c}",
        "\u{2029}",
        "\u{85}",
        "\u{1e}",
        "http://",
        "https://e.com/",
        "//evil.com",
    ]);
    prop_oneof![
        3 => any::<String>(),
        3 => "[<>&\"'`= /:;#a-zA-Z0-9\\t\\n\\r\u{0}-\u{1f}\u{7f}]{0,40}",
        4 => prop::collection::vec(fragment, 0..8).prop_map(|parts| parts.concat()),
    ]
}

fn url_like() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec![
        "",
        "http:",
        "https:",
        "HTTP:",
        "javascript:",
        " javascript:",
        "java\tscript:",
        "JaVaScRiPt:",
        "data:",
        "vbscript:",
        "blob:",
        "file:",
        "about:",
        "mailto:",
        "//",
        "\u{1}javascript:",
        "jav&#x09;ascript:",
        "%6Aavascript:",
        "http:/",
        "https:///",
    ]);
    prop_oneof![
        (scheme, hostile()).prop_map(|(s, rest)| format!("{s}{rest}")),
        hostile(),
    ]
}

fn markup() -> impl Strategy<Value = Markup> {
    prop::sample::select(vec![Markup::Text, Markup::Html, Markup::Xhtml])
}

fn escape() -> impl Strategy<Value = Escape> {
    prop::sample::select(vec![Escape::None, Escape::Xml])
}

fn lazy() -> impl Strategy<Value = LazyText<'static>> {
    (hostile(), escape(), markup()).prop_map(|(s, e, m)| LazyText::new(Cow::Owned(s), e, m))
}

fn date() -> impl Strategy<Value = Date<'static>> {
    prop_oneof![
        hostile().prop_map(|s| Date::parse(Cow::Owned(s))),
        (1900i32..2100, 1u32..13, 1u32..29, 0u32..24).prop_map(|(y, m, d, h)| {
            Date::parse(Cow::Owned(format!("{y:04}-{m:02}-{d:02}T{h:02}:00:00Z")))
        }),
    ]
}

fn person() -> impl Strategy<Value = Person<'static>> {
    (
        hostile(),
        prop::option::of(url_like()),
        prop::option::of(hostile()),
    )
        .prop_map(|(n, u, e)| Person {
            name: Cow::Owned(n),
            uri: u.map(Cow::Owned),
            email: e.map(Cow::Owned),
        })
}

/// An entry with arbitrary text everywhere; `checked` passes URLs through `safe_url` against the document's
/// URL, as the parsers do.
fn entry(checked: bool) -> impl Strategy<Value = Entry<'static>> {
    (
        (
            hostile(),
            prop::option::of(hostile()),
            prop::option::of(url_like()),
            prop::option::of(date()),
            prop::option::of(date()),
        ),
        (
            prop::option::of(lazy()),
            prop::option::of((
                markup(),
                prop::option::of(lazy()),
                prop::option::of(url_like()),
                prop::option::of(url_like()),
            )),
            prop::collection::vec(person(), 0..3),
            prop::collection::vec(hostile(), 0..4),
            prop::option::of((
                url_like(),
                prop::option::of(0u32..5000),
                prop::option::of(0u32..5000),
            )),
        ),
    )
        .prop_map(
            move |(
                (id, title, link, published, updated),
                (summary, content, authors, categories, image),
            )| {
                let url = |raw: String| {
                    if checked {
                        // A parser that knows the document's URL: every URL it keeps is absolute.
                        safe_url(Some("https://feed.example/posts/"), &raw)
                    } else {
                        Some(raw)
                    }
                };
                Entry {
                    id: Cow::Owned(id),
                    title: title.map(Cow::Owned),
                    link: link.and_then(url).map(Cow::Owned),
                    published,
                    updated,
                    summary,
                    content: content.map(|(markup, body, src, base)| Content {
                        markup,
                        body,
                        src: src.map(Cow::Owned),
                        base: base.map(Cow::Owned),
                    }),
                    authors,
                    categories: categories.into_iter().map(Cow::Owned).collect(),
                    image: image.and_then(|(raw, width, height)| {
                        url(raw).map(|url| Image { url, width, height })
                    }),
                    date_text: None,
                    base: None,
                }
            },
        )
}

fn feed(checked: bool) -> impl Strategy<Value = Feed<'static>> {
    (
        prop::sample::select(vec![Format::Atom, Format::Rss2, Format::Rss1, Format::Json]),
        prop::option::of(hostile()),
        prop::option::of(hostile()),
        prop::collection::vec(entry(checked), 0..5),
    )
        .prop_map(|(format, title, language, entries)| {
            let mut feed = Feed::new(format);
            feed.title = title.map(Cow::Owned);
            feed.language = language.map(Cow::Owned);
            feed.entries = entries;
            feed
        })
}

fn options() -> impl Strategy<Value = Options> {
    (
        prop::sample::select(vec![Layout::List, Layout::Cards, Layout::Compact]),
        prop::sample::select(vec![LinkTarget::SameTab, LinkTarget::NewTab]),
        prop::sample::select(vec![
            DateStyle::Medium,
            DateStyle::Long,
            DateStyle::Relative,
        ]),
        prop::option::of(hostile()),
        hostile(),
        (
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            any::<bool>(),
            0usize..400,
            any::<bool>(),
        ),
        (
            prop::sample::select(vec![Sort::Date, Sort::Feed]),
            prop::sample::select(vec![SummaryMode::Text, SummaryMode::Html]),
        ),
    )
        .prop_map(
            |(
                layout,
                target,
                date_style,
                heading,
                empty_text,
                (date, summary, author, categories, length, image),
                (sort, summary_mode),
            )| Options {
                limit: 100,
                layout,
                target,
                date_style,
                heading,
                empty_text,
                author,
                categories,
                date,
                summary,
                summary_length: length,
                sort,
                summary_mode,
                image,
                ..Options::default()
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 384, failure_persistence: None, ..ProptestConfig::default() })]

    /// Models as the parsers build them (URLs through `safe_url`): structure, text round trip and link safety.
    #[test]
    fn parsed_model_renders_only_its_own_markup(feeds in prop::collection::vec(feed(true), 1..3), options in options()) {
        if let Err(message) = check(&feeds, &options, true) {
            prop_assert!(false, "{}", message);
        }
    }

    /// One description through two sinks: the HTML string is exactly what the description recorded.
    #[test]
    fn html_sink_writes_exactly_the_description(feeds in prop::collection::vec(feed(true), 1..3), raw in prop::collection::vec(feed(false), 0..2), options in options()) {
        if let Err(message) = list_sinks_agree(&feeds, &options) {
            prop_assert!(false, "{}", message);
        }
        if !raw.is_empty() {
            if let Err(message) = list_sinks_agree(&raw, &options) {
                prop_assert!(false, "{}", message);
            }
        }
        let mut record = TreeSink::default();
        let mut html = HtmlSink::new(options.date_style);
        let Ok(()) = feedlet::render_skeleton_into(&mut record, &options);
        let Ok(()) = feedlet::render_skeleton_into(&mut html, &options);
        if let Err(message) = same_tree(record, html) {
            prop_assert!(false, "skeleton: {}", message);
        }
    }

    /// Models with unchecked URLs (a deserialized or hand-built `Feed`): structure, text and link safety must
    /// hold all the same, as in the DOM renderer (dom.rs re-checks every URL "because a `Feed` object can come
    /// from JavaScript"). Regression test for tests/xss/FINDINGS.md #1.
    #[test]
    fn raw_model_renders_only_its_own_markup_and_safe_links(feeds in prop::collection::vec(feed(false), 1..3), options in options()) {
        if let Err(message) = check(&feeds, &options, true) {
            prop_assert!(false, "{}", message);
        }
    }
}

/// The concrete case behind FINDINGS.md #1: a `Feed` deserialized from JSON.
#[test]
fn deserialized_feed_cannot_inject_a_javascript_link() {
    let json = r#"{"format":"atom","entries":[{"id":"1","title":"click me","link":"javascript:alert(document.domain)",
        "image":{"url":"javascript:alert(2)"}}]}"#;
    let feed: Feed<'_> = serde_json::from_str(json).unwrap();
    let options = Options {
        layout: Layout::Cards,
        ..Options::default()
    };
    let html = feedlet::render_html(std::slice::from_ref(&feed), &options);
    assert!(!html.to_ascii_lowercase().contains("javascript:"), "{html}");
    assert!(
        html.contains(">click me</span>"),
        "the title stays, without a link: {html}"
    );
}

#[test]
fn scanner_rejects_escaped_markup() {
    // Self-test of the scanner: markup it must refuse.
    for bad in [
        "<section><script>x</script></section>\n",
        "<section><a href=\"x\" onclick=\"y\">t</a></section>\n",
        "<section><a href='x'>t</a></section>\n",
        "<section>a > b</section>\n",
        "<section>&nbsp;</section>\n",
        "<section><p></section>\n",
    ] {
        assert!(scan(bad).is_err(), "{bad}");
    }
    assert!(scan("<section class=\"a &amp; &quot;\"><p>&lt;b&gt;</p></section>\n").is_ok());
    assert!(is_safe_link("https://e.com/a"));
    assert!(!is_safe_link("/a:b"));
    assert!(!is_safe_link("/logout"));
    assert!(!is_safe_link("https:/logout"));
    assert!(!is_safe_link("https:logout"));
    assert!(!is_safe_link("https:///logout"));
    assert!(is_safe_link("http://e.com"));
    assert!(!is_safe_link("javascript:alert(1)"));
    assert!(!is_safe_link("java\tscript:alert(1)"));
    assert!(!is_safe_link("%6Aavascript:x"));
}
