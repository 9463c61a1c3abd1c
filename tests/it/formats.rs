//! Every syntax feedlet reads, chosen from the content, and the namespaced extensions a posts list needs.

use feedlet::Format;

use crate::{iso, parse_fixture, parse_str};

/// (fixture, format, feed title, entries, first entry title)
const FORMATS: &[(&str, Format, &str, usize, &str)] = &[
    (
        "atom10-korean.xml",
        Format::Atom,
        "개발 일지",
        2,
        "트랜잭션 분리와 @Async 이벤트",
    ),
    (
        "atom03.xml",
        Format::Atom,
        "Old Atom Journal",
        2,
        "First post on Atom 0.3",
    ),
    (
        "rss20-japanese.xml",
        Format::Rss2,
        "技術メモ",
        2,
        "Rustで書くフィードパーサー",
    ),
    (
        "rss091.xml",
        Format::Rss2,
        "WriteTheWeb-style News",
        2,
        "Giving the world a pluggable Gnutella",
    ),
    (
        "rss092.xml",
        Format::Rss2,
        "Scripting News (0.92 style)",
        2,
        "",
    ),
    (
        "rss-no-version.xml",
        Format::Rss2,
        "No version attribute",
        1,
        "Still RSS",
    ),
    (
        "rss10-rdf.xml",
        Format::Rss1,
        "RDF Site Summary",
        2,
        "Triples all the way down",
    ),
    (
        "format-rss-prefixed.xml",
        Format::Rss1,
        "Prefixed RSS 1.0",
        1,
        "Prefixed item",
    ),
    (
        "jsonfeed10.json",
        Format::Json,
        "Microblog & Notes",
        2,
        "Hello, JSON Feed 1.0",
    ),
    (
        "jsonfeed11.json",
        Format::Json,
        "ブログ · 블로그",
        3,
        "Image and banner",
    ),
    (
        "format-atom-no-namespace.xml",
        Format::Atom,
        "Atom without a namespace",
        1,
        "Read as Atom anyway",
    ),
];

#[test]
fn each_format_is_read() {
    for (fixture, format, title, entries, first) in FORMATS {
        let feed = parse_fixture(fixture);
        assert_eq!(feed.format, *format, "{fixture}");
        assert_eq!(feed.title.as_deref(), Some(*title), "{fixture}");
        assert_eq!(feed.entries.len(), *entries, "{fixture}");
        assert_eq!(
            feed.entries[0].title.as_deref().unwrap_or(""),
            *first,
            "{fixture}"
        );
    }
}

#[test]
fn the_format_comes_from_the_content_not_the_file_name() {
    assert_eq!(
        parse_fixture("format-json-named-xml.xml").format,
        Format::Json
    );
    assert_eq!(
        parse_fixture("format-atom-named-json.json").format,
        Format::Atom
    );
    // The version attribute is not what decides: `<rss version="1.0">` is still RSS 2-style XML,
    // and an RDF root is RSS 1.0 whatever it claims.
    assert_eq!(
        parse_str(r#"<rss version="9.9"><channel><title>x</title></channel></rss>"#).format,
        Format::Rss2
    );
    assert_eq!(
        parse_str(
            r#"<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" version="2.0"/>"#
        )
        .format,
        Format::Rss1
    );
    // A bare <channel> root is read as RSS.
    assert_eq!(
        parse_str("<channel><title>Bare</title><item><title>i</title></item></channel>")
            .entries
            .len(),
        1
    );
    // Whitespace, a byte order mark and comments before the root are skipped.
    let feed = parse_str("\u{feff}\n  <!-- hi --><?xml-stylesheet href=\"x.xsl\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>");
    assert_eq!(feed.format, Format::Atom);
    let feed = parse_str("\n\t {\"version\":\"https://jsonfeed.org/version/1\",\"items\":[]}");
    assert_eq!(feed.format, Format::Json);
    // JSON with `items` but no version is read as JSON Feed.
    assert_eq!(
        parse_str(r#"{"items":[{"id":"1","title":"t"}]}"#)
            .entries
            .len(),
        1
    );
}

#[test]
fn an_atom_entry_document_is_a_feed_of_one_entry() {
    let feed = parse_str(
        r#"<entry xmlns="http://www.w3.org/2005/Atom"><id>urn:e:1</id><title>Alone</title><link href="https://e.example/1"/><updated>2026-03-01T00:00:00Z</updated></entry>"#,
    );
    assert_eq!(feed.format, Format::Atom);
    assert_eq!(feed.entries.len(), 1);
    assert_eq!(feed.entries[0].title.as_deref(), Some("Alone"));
}

#[test]
fn atom_0_3_elements_map_to_the_model() {
    let feed = parse_fixture("atom03.xml");
    assert_eq!(
        feed.subtitle.as_deref(),
        Some("Notes since 2004"),
        "tagline"
    );
    assert_eq!(
        iso(feed.updated.as_ref()).as_deref(),
        Some("2004-07-06T12:56:00Z"),
        "modified"
    );
    let first = &feed.entries[0];
    assert_eq!(
        iso(first.published.as_ref()).as_deref(),
        Some("2004-07-06T12:00:00Z"),
        "issued"
    );
    assert_eq!(
        iso(first.updated.as_ref()).as_deref(),
        Some("2004-07-06T12:56:00Z"),
        "modified"
    );
    // mode="escaped" content is HTML.
    let content = first.content.as_ref().unwrap();
    assert_eq!(content.markup, feedlet::Markup::Html);
    assert_eq!(
        content.body.as_ref().unwrap().decoded(),
        "<p>The <b>full</b> text.</p>"
    );
    let second = feed.entries[1].content.as_ref().unwrap();
    assert_eq!(second.markup, feedlet::Markup::Xhtml);
    assert_eq!(
        second.body.as_ref().unwrap().plain_text(),
        "Inline XHTML body."
    );
}

#[test]
fn json_feed_1_0_and_1_1() {
    let v10 = parse_fixture("jsonfeed10.json");
    assert_eq!(v10.link.as_deref(), Some("https://micro.example.com/"));
    assert_eq!(
        v10.feed_url.as_deref(),
        Some("https://micro.example.com/feed.json")
    );
    assert_eq!(
        v10.icon.as_deref(),
        Some("https://micro.example.com/favicon.png"),
        "favicon"
    );
    assert_eq!(v10.authors[0].name, "Jo Writer", "1.0 `author`");
    // A numeric id is kept as written; an item with only external_url links there.
    assert_eq!(v10.entries[1].id, "42");
    assert_eq!(
        v10.entries[1].link.as_deref(),
        Some("https://elsewhere.example.org/article")
    );
    assert_eq!(v10.entries[1].title, None);
    let v11 = parse_fixture("jsonfeed11.json");
    assert_eq!(v11.language.as_deref(), Some("ja-JP"));
    assert_eq!(
        v11.icon.as_deref(),
        Some("https://multi.example.org/icon-512.png")
    );
    let names: Vec<&str> = v11.authors.iter().map(|a| a.name.as_ref()).collect();
    assert_eq!(names, ["Aiko", "민준"], "1.1 `authors`");
    assert_eq!(
        v11.entries[0].summary_text().as_deref(),
        Some(r#"A summary that "quotes" and uses \ backslashes."#)
    );
    assert_eq!(
        v11.entries[0].content.as_ref().unwrap().markup,
        feedlet::Markup::Html
    );
    assert_eq!(
        v11.entries[2].content.as_ref().unwrap().markup,
        feedlet::Markup::Text
    );
}

#[test]
fn namespaced_extensions() {
    let japanese = parse_fixture("rss20-japanese.xml");
    // atom:link rel=self inside RSS.
    assert_eq!(
        japanese.feed_url.as_deref(),
        Some("https://memo.example.jp/rss.xml")
    );
    assert_eq!(japanese.language.as_deref(), Some("ja"));
    let first = &japanese.entries[0];
    // content:encoded is the content; dc:creator the author.
    let content = first.content.as_ref().unwrap();
    assert_eq!(content.markup, feedlet::Markup::Html);
    assert!(content
        .body
        .as_ref()
        .unwrap()
        .decoded()
        .contains("<p>壊れたフィードも読めます。</p>"));
    assert_eq!(first.authors[0].name, "山田太郎");

    let rdf = parse_fixture("rss10-rdf.xml");
    assert_eq!(rdf.language.as_deref(), Some("en"), "dc:language");
    assert_eq!(
        iso(rdf.updated.as_ref()).as_deref(),
        Some("2026-01-20T08:00:00Z"),
        "dc:date"
    );
    assert_eq!(rdf.authors[0].name, "Ruth Describer", "channel dc:creator");
    assert_eq!(
        rdf.entries[0].categories,
        ["RDF", "Semantic Web"],
        "dc:subject"
    );
    assert_eq!(
        iso(rdf.entries[0].published.as_ref()).as_deref(),
        Some("2026-01-19T20:15:00Z"),
        "dc:date"
    );
    assert_eq!(rdf.entries[1].authors[0].name, "Guest Writer");

    // The same extensions under other prefixes, and conventional prefixes left undeclared.
    let prefixes = parse_fixture("extensions-prefixes.xml");
    assert_eq!(
        prefixes.feed_url.as_deref(),
        Some("https://prefixes.example.com/rss")
    );
    assert_eq!(prefixes.language.as_deref(), Some("de-AT"));
    let [bound, conventional, unknown] = &prefixes.entries[..] else {
        panic!()
    };
    assert_eq!(bound.authors[0].name, "Prefix Person");
    assert_eq!(bound.categories, ["Namespaces"]);
    assert_eq!(
        iso(bound.published.as_ref()).as_deref(),
        Some("2026-03-06T15:00:00Z")
    );
    assert!(bound.content.is_some());
    assert_eq!(
        bound.image.as_ref().unwrap().url,
        "https://prefixes.example.com/1.jpg"
    );
    assert_eq!(conventional.authors[0].name, "Convention Person");
    assert!(conventional.content.is_some());
    assert_eq!(
        conventional.image.as_ref().unwrap().url,
        "https://prefixes.example.com/2.png",
        "itunes:image"
    );
    assert_eq!(
        unknown.title.as_deref(),
        Some("An unknown namespace is ignored")
    );
    assert_eq!(unknown.image, None);
}
