//! Autodiscovery: the feeds a page names in `<link rel="alternate">`, resolved against the page, ranked, and
//! never an address outside http(s).

use feedlet::{discover, Format};

const PAGE: &str = "https://blog.example/posts/hello/";

fn urls(html: &str, prefer: Option<Format>) -> Vec<String> {
    discover(html, Some(PAGE), prefer)
        .into_iter()
        .map(|l| l.url)
        .collect()
}

#[test]
fn atom_then_rss_then_json_feed_unless_a_type_is_preferred() {
    let page = r#"<!doctype html><html><head><meta charset="utf-8">
        <link rel="alternate" type="application/feed+json" href="/feed.json" title="JSON">
        <link rel="alternate" type="application/rss+xml" href="/rss.xml" title=" Posts &amp; notes ">
        <link rel="alternate" type="application/atom+xml; charset=utf-8" href="../../atom.xml">
        <link rel="alternate" type="application/rdf+xml" href="/index.rdf">
        </head><body>hello</body></html>"#;
    assert_eq!(
        urls(page, None),
        [
            "https://blog.example/atom.xml",
            "https://blog.example/rss.xml",
            "https://blog.example/index.rdf",
            "https://blog.example/feed.json"
        ]
    );
    assert_eq!(
        urls(page, Some(Format::Rss2))[..2],
        [
            "https://blog.example/rss.xml",
            "https://blog.example/index.rdf"
        ]
    );
    assert_eq!(
        urls(page, Some(Format::Json))[0],
        "https://blog.example/feed.json"
    );
    let links = discover(page, Some(PAGE), None);
    assert_eq!(links[1].title.as_deref(), Some("Posts & notes"));
    assert_eq!(links[1].format, Format::Rss2);
    assert_eq!(links[2].format, Format::Rss1);
}

#[test]
fn rel_type_and_attribute_spellings_browsers_accept() {
    for link in [
        r#"<link rel="alternate" type="application/atom+xml" href="/a.xml">"#,
        r#"<LINK REL="ALTERNATE" TYPE="Application/Atom+XML" HREF="/a.xml">"#,
        r#"<link rel='home alternate' type='application/atom+xml' href='/a.xml'/>"#,
        r#"<link href=/a.xml type=application/atom+xml rel=alternate>"#,
        "<link\n\trel=\"alternate\"\n\ttype=\"application/atom+xml\"\n\thref=\" /a.xml \">",
        r#"<link rel="alternate" type="application/atom+xml" href="/a.xml" href="/other.xml">"#,
    ] {
        assert_eq!(urls(link, None), ["https://blog.example/a.xml"], "{link}");
    }
    // Not feeds, or not alternates.
    for link in [
        r#"<link rel="stylesheet" type="application/atom+xml" href="/a.xml">"#,
        r#"<link rel="alternate" type="text/html" href="/ko/">"#,
        r#"<link rel="alternate" hreflang="ko" href="/ko/">"#,
        r#"<link rel="alternates" type="application/atom+xml" href="/a.xml">"#,
        r#"<link rel="alternate" type="application/atom+xml">"#,
        r#"<a rel="alternate" type="application/atom+xml" href="/a.xml">feed</a>"#,
    ] {
        assert!(urls(link, None).is_empty(), "{link}");
    }
}

#[test]
fn links_inside_comments_scripts_and_templates_are_not_read() {
    for hidden in [
        "<!-- <link rel=alternate type=application/atom+xml href=/a.xml> -->",
        "<script>document.write('<link rel=alternate type=application/atom+xml href=/a.xml>')</script>",
        "<template><link rel=alternate type=application/atom+xml href=/a.xml></template>",
        "<noscript><link rel=alternate type=application/atom+xml href=/a.xml></noscript>",
        "<textarea><link rel=alternate type=application/atom+xml href=/a.xml></textarea>",
        "<style>/* <link rel=alternate type=application/atom+xml href=/a.xml> */</style>",
    ] {
        assert!(urls(hidden, None).is_empty(), "{hidden}");
    }
}

#[test]
fn base_href_and_the_page_address() {
    let page = r#"<base href="https://cdn.example/site/"><link rel=alternate type=application/rss+xml href="feed.xml">"#;
    assert_eq!(urls(page, None), ["https://cdn.example/site/feed.xml"]);
    // A relative base resolves against the page; a second base is ignored, as in browsers.
    let page = r#"<base href="/blog/"><base href="https://other.example/"><link rel=alternate type=application/rss+xml href="feed.xml">"#;
    assert_eq!(urls(page, None), ["https://blog.example/blog/feed.xml"]);
    // A base that is not a web address changes nothing.
    let page = r#"<base href="javascript:alert(1)//"><link rel=alternate type=application/rss+xml href="feed.xml">"#;
    assert_eq!(
        urls(page, None),
        ["https://blog.example/posts/hello/feed.xml"]
    );
    // Without a page address only absolute links survive: a relative one would resolve against the wrong origin.
    let page = r#"<link rel=alternate type=application/rss+xml href="/feed.xml"><link rel=alternate type=application/atom+xml href="https://x.example/a">"#;
    let found: Vec<String> = discover(page, None, None)
        .into_iter()
        .map(|l| l.url)
        .collect();
    assert_eq!(found, ["https://x.example/a"]);
}

#[test]
fn hostile_hrefs_are_never_returned() {
    // A generated family: every scheme and spelling that must not become a feed address.
    let schemes = [
        "javascript:",
        "JaVaScRiPt:",
        "data:",
        "vbscript:",
        "file:",
        "ftp:",
        "blob:",
        "about:",
        "chrome:",
    ];
    let wrappers = [
        "{}",
        " {}",
        "\t{}",
        "\n{}",
        "{}\u{0}",
        "&#106;avascript:{}",
        "java&#x09;script:{}",
    ];
    for scheme in schemes {
        for wrap in wrappers {
            let href = wrap.replace("{}", &format!("{scheme}alert(1)"));
            let page = format!(r#"<link rel=alternate type=application/atom+xml href="{href}">"#);
            for link in discover(&page, Some(PAGE), None) {
                assert!(
                    link.url.starts_with("https://") || link.url.starts_with("http://"),
                    "{href:?} gave {}",
                    link.url
                );
            }
        }
    }
}

#[test]
fn duplicates_are_listed_once_and_the_list_is_capped() {
    let one = r#"<link rel=alternate type=application/atom+xml href="/a.xml">"#;
    assert_eq!(urls(&one.repeat(5), None).len(), 1);
    let many: String = (0..10_000)
        .map(|i| format!(r#"<link rel=alternate type=application/atom+xml href="/f{i}.xml">"#))
        .collect();
    let found = urls(&many, None);
    assert_eq!(found.len(), 64);
    assert_eq!(found[0], "https://blog.example/f0.xml");
}

#[test]
fn truncated_and_mutated_pages_never_panic() {
    let page = r#"<html><head><base href="/b/"><link rel="alternate" type="application/atom+xml" title="T &amp; U" href="a.xml"><link rel=alternate type='application/rss+xml' href=r.xml></head></html>"#;
    for cut in 0..=page.len() {
        if let Some(prefix) = page.get(..cut) {
            for link in discover(prefix, Some(PAGE), None) {
                assert!(link.url.starts_with("https://blog.example/"), "{prefix}");
            }
        }
    }
    let bytes = page.as_bytes();
    for at in 0..bytes.len() {
        for insert in [b'<', b'>', b'"', b'\'', b'=', b'&', b' ', b'/'] {
            let mut mutated = bytes.to_vec();
            mutated.insert(at, insert);
            let text = String::from_utf8_lossy(&mutated);
            let _ = discover(&text, Some(PAGE), None);
        }
    }
}
