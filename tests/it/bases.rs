//! Where relative URLs resolve (issue 10 item 1): every entry carries the document's own URL as its last base,
//! a non-web `xml:base` is ignored with a warning, and with no absolute base a relative image or link is dropped
//! (never left for the host page to resolve against itself). A generated family: each entry shape × base
//! (document URL known or not) × every layout and summary mode.

use feedlet::{render_html, Feed, Layout, Options, ParseOptions, SummaryMode};

const DOC: &str = "https://feeds.example.net/blog/feed.xml";

/// Relative references the host page must never see resolved against itself.
const RELATIVE: [&str; 4] = ["/logout", "logout?all=1", "./me", "//"];

/// Entry shapes with no link of their own, whose relative references have only the bases above them.
fn shapes(reference: &str) -> Vec<(&'static str, String)> {
    let img = format!("&lt;img src=\"{reference}\" width=\"40\" height=\"40\"&gt;&lt;a href=\"{reference}\"&gt;go&lt;/a&gt;");
    let xhtml = format!(
        "<div xmlns='http://www.w3.org/1999/xhtml'><img src='{reference}' width='40' height='40'/><a href='{reference}'>go</a></div>"
    );
    let atom = |base: &str| {
        format!(
            "<feed xmlns='http://www.w3.org/2005/Atom'{base}><title>t</title><entry><id>urn:x:1</id><title>one</title>\
             <updated>2026-03-01T00:00:00Z</updated><content type='xhtml'>{xhtml}</content></entry></feed>"
        )
    };
    let mut list = vec![
        (
            "rss item with only a description",
            format!("<rss version='2.0'><channel><title>t</title><item><title>one</title><description>{img}</description></item></channel></rss>"),
        ),
        (
            "json item with no url and no home_page_url",
            format!(
                "{{\"version\":\"https://jsonfeed.org/version/1.1\",\"title\":\"t\",\"items\":[{{\"id\":\"1\",\"title\":\"one\",\
                 \"content_html\":\"<img src=\\\"{reference}\\\" width=\\\"40\\\" height=\\\"40\\\"><a href=\\\"{reference}\\\">go</a>\"}}]}}"
            ),
        ),
        ("atom entry with no link", atom("")),
    ];
    for base in ["data:,", "javascript:x", "https:x", "mailto:a@b.example"] {
        list.push((
            "atom with a non-web xml:base",
            atom(&format!(" xml:base='{base}'")),
        ));
    }
    list
}

fn parse(text: &str, base: Option<&str>) -> Feed<'static> {
    let options = ParseOptions {
        base_url: base.map(str::to_owned),
        ..ParseOptions::default()
    };
    feedlet::parse(text.as_bytes(), &options)
        .map(Feed::into_owned)
        .unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

/// Every `href`/`src` value of the rendered list.
fn urls(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for (at, _) in html.match_indices(attribute) {
            let rest = html.get(at + attribute.len()..).unwrap_or("");
            found.push(rest.split('"').next().unwrap_or("").to_owned());
        }
    }
    found
}

fn every_view() -> Vec<Options> {
    let mut views = Vec::new();
    for layout in [Layout::List, Layout::Cards, Layout::Compact] {
        for mode in [SummaryMode::Text, SummaryMode::Html] {
            views.push(Options {
                layout,
                summary_mode: mode,
                ..Options::default()
            });
        }
    }
    views
}

#[test]
fn relative_references_resolve_against_the_document_or_are_dropped() {
    let mut checked = 0;
    for reference in RELATIVE {
        for (shape, text) in shapes(reference) {
            for base in [Some(DOC), None] {
                let mut feed = parse(&text, base);
                feedlet::prepare(&mut feed);
                for options in every_view() {
                    let html = render_html(std::slice::from_ref(&feed), &options);
                    for url in urls(&html) {
                        // Only absolute web URLs are written; with the document's URL known, they resolve there.
                        assert!(
                            feedlet::web_host(&url).is_some(),
                            "{shape} / {reference} / {base:?} / {:?} {:?}: relative {url:?} in {html}",
                            options.layout,
                            options.summary_mode
                        );
                        if base.is_some() {
                            assert_eq!(
                                feedlet::web_host(&url).as_deref(),
                                Some("feeds.example.net"),
                                "{shape} / {reference}: {url} in {html}"
                            );
                        }
                    }
                    checked += 1;
                }
            }
        }
    }
    assert_eq!(checked, 4 * 7 * 2 * 6);
}

#[test]
fn with_the_document_url_a_description_only_item_keeps_its_images() {
    let (_, text) = shapes("/img/a.png").remove(0);
    let mut feed = parse(&text, Some(DOC));
    feedlet::prepare(&mut feed);
    let entry = feed.entries.first().expect("one entry");
    assert_eq!(entry.base(), Some(DOC));
    assert_eq!(
        entry.image.as_ref().map(|i| i.url.as_str()),
        Some("https://feeds.example.net/img/a.png")
    );
    // Without it, the thumbnail is not guessed against the page.
    let mut feed = parse(&text, None);
    feedlet::prepare(&mut feed);
    assert_eq!(feed.entries.first().and_then(|e| e.image.as_ref()), None);
}

#[test]
fn a_non_web_xml_base_is_ignored_with_a_warning_and_the_parent_kept() {
    for base in ["data:,", "javascript:x", "https:x", "mailto:a@b.example"] {
        let text = format!(
            "<feed xmlns='http://www.w3.org/2005/Atom' xml:base='https://site.example/a/'><title>t</title>\
             <entry xml:base='{base}'><id>urn:x:1</id><title>one</title><link href='post.html'/>\
             <content type='html' xml:base='{base}'>&lt;img src=\"i.png\"&gt;</content></entry></feed>"
        );
        let mut feed = parse(&text, Some(DOC));
        assert!(
            super::has_warning(&feed, "xml:base that is not an http(s) URL is ignored"),
            "{base}: {:?}",
            feed.warnings
        );
        feedlet::prepare(&mut feed);
        let entry = feed.entries.first().expect("one entry");
        assert_eq!(
            entry.link.as_deref(),
            Some("https://site.example/a/post.html"),
            "{base}"
        );
        let content_base = entry.content.as_ref().and_then(|c| c.base.as_deref());
        assert_eq!(content_base, Some("https://site.example/a/"), "{base}");
        assert_eq!(
            entry.image.as_ref().map(|i| i.url.as_str()),
            Some("https://site.example/a/i.png"),
            "{base}"
        );
    }
}
