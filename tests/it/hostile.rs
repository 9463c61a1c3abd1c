//! Hostile inputs, generated here: each ends with a feed or an error of the right kind, never a panic,
//! and stays small in memory (nothing is expanded or copied without bound). No timing is asserted.

use feedlet::{ErrorKind, Feed, ParseOptions};

fn parse(input: &[u8]) -> Result<Feed<'_>, feedlet::Error> {
    feedlet::parse(input, &ParseOptions::default())
}

fn entries_with_title(title: &str, count: usize) -> String {
    let mut xml = String::with_capacity(count * 64);
    xml.push_str("<rss><channel><title>many</title>");
    for i in 0..count {
        xml.push_str("<item><title>");
        xml.push_str(title);
        xml.push_str("</title><link>https://h.example/");
        xml.push_str(&i.to_string());
        xml.push_str("</link></item>");
    }
    xml.push_str("</channel></rss>");
    xml
}

#[test]
fn billion_laughs_is_not_expanded_recursively() {
    let mut dtd = String::from("<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n");
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        let value: String = std::iter::repeat_n(format!("&{previous};"), 10).collect();
        dtd.push_str(&format!("<!ENTITY lol{level} \"{value}\">\n"));
    }
    dtd.push_str("]>\n");
    let xml = format!("{dtd}<rss><channel><title>&lol9;</title><item><title>&lol9;&lol9;</title><description>&lol9;</description></item></channel></rss>");
    let feed = parse(xml.as_bytes()).unwrap();
    let title = feed.title.as_deref().unwrap();
    // One level: `&lol9;` becomes ten literal `&lol8;` references, nothing more.
    assert_eq!(title, "&lol8;".repeat(10));
    assert!(feed.entries[0].title.as_deref().unwrap().len() < 200);
    assert!(feed.entries[0].summary_text().unwrap().len() < 200);
}

#[test]
fn many_and_huge_entity_declarations_are_refused() {
    let mut dtd = String::from("<!DOCTYPE rss [");
    for i in 0..2_000 {
        dtd.push_str(&format!("<!ENTITY e{i} \"v\">"));
    }
    dtd.push_str(&format!("<!ENTITY big \"{}\">", "x".repeat(100_000)));
    dtd.push_str("]>");
    let xml = format!("{dtd}<rss><channel><title>&e1999;&big;</title></channel></rss>");
    let feed = parse(xml.as_bytes()).unwrap();
    assert!(feed.title.as_deref().unwrap().len() < 100);
    assert!(crate::has_warning(&feed, "too large"));
}

#[test]
fn external_entities_are_never_resolved() {
    let xml = r#"<?xml version="1.0"?>
<!DOCTYPE rss [
  <!ENTITY xxe SYSTEM "file:///etc/passwd">
  <!ENTITY pub PUBLIC "-//x//y" "http://127.0.0.1:1/evil.dtd">
  <!ENTITY % param SYSTEM "http://127.0.0.1:1/evil.dtd">
  %param;
]>
<rss><channel><title>a&xxe;b&pub;c</title><item><title>&xxe;</title><link>https://x.example/&xxe;</link></item></channel></rss>"#;
    let feed = parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.title.as_deref(), Some("a&xxe;b&pub;c"));
    assert!(!format!("{feed:?}").contains("root:"));
    assert!(crate::has_warning(&feed, "external entity"));
}

#[test]
fn deeply_nested_elements() {
    const DEPTH: usize = 200_000;
    const SOME: usize = 20_000;
    // Unknown elements inside an entry are skipped without recursion.
    let xml = format!(
        "<rss><channel><item><title>deep</title>{}{}</item></channel></rss>",
        "<x>".repeat(DEPTH),
        "</x>".repeat(DEPTH)
    );
    let feed = parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries[0].title.as_deref(), Some("deep"));
    // Unclosed, too.
    let xml = format!(
        "<rss><channel><item><title>deep</title>{}",
        "<x>".repeat(DEPTH)
    );
    let feed = parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 1);
    // Containers feedlet descends into are limited by depth.
    for (open, depth) in [("<channel>", DEPTH), ("<rss>", SOME), ("<feed>", SOME)] {
        let xml = format!("<rss>{}", open.repeat(depth));
        match parse(xml.as_bytes()) {
            Ok(feed) => assert!(feed.entries.is_empty()),
            Err(error) => assert_eq!(error.kind, ErrorKind::LimitExceeded, "{open}"),
        }
    }
    // Elements feedlet reads inside an entry must not recurse without bound either
    // (nested media:thumbnail once overflowed the stack). 20,000 levels of recursion would overflow a
    // test thread's 2 MiB stack too, and keep the debug-build suite quick.
    for (open, depth) in [
        ("<media:thumbnail>", DEPTH),
        ("<media:content>", SOME),
        ("<media:group>", SOME),
        ("<item>", SOME),
    ] {
        let xml = format!(
            "<rss xmlns:media=\"http://search.yahoo.com/mrss/\"><channel><item><title>m</title>{}",
            open.repeat(depth)
        );
        let feed = parse(xml.as_bytes()).unwrap();
        assert_eq!(feed.entries[0].title.as_deref(), Some("m"), "{open}");
    }
    for open in ["<author>", "<entry>"] {
        let xml = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>m</title>{}",
            open.repeat(SOME)
        );
        let feed = parse(xml.as_bytes()).unwrap();
        assert_eq!(feed.entries[0].title.as_deref(), Some("m"), "{open}");
    }
    // JSON nesting is a limit error.
    let json = format!(
        "{{\"version\":\"https://jsonfeed.org/version/1\",\"items\":[{{\"x\":{}}}]}}",
        "[".repeat(DEPTH)
    );
    assert_eq!(
        parse(json.as_bytes()).unwrap_err().kind,
        ErrorKind::LimitExceeded
    );
}

#[test]
fn a_50_mb_input_is_refused_before_it_is_read() {
    let mut input = Vec::with_capacity(50 * 1024 * 1024);
    input.extend_from_slice(b"<rss><channel><title>big</title><description>");
    input.resize(50 * 1024 * 1024, b'a');
    let error = parse(&input).unwrap_err();
    assert_eq!(error.kind, ErrorKind::LimitExceeded);
    assert_eq!((error.line, error.column), (1, 1));
    assert!(error.message.contains("bytes"), "{}", error.message);
    // parse_str applies the same limit.
    let text = String::from_utf8(input).unwrap();
    assert_eq!(
        feedlet::parse_str(&text, &ParseOptions::default())
            .unwrap_err()
            .kind,
        ErrorKind::LimitExceeded
    );
}

#[test]
fn a_hundred_thousand_entries_are_capped_with_a_warning() {
    let xml = entries_with_title("t", 100_000);
    let feed = parse(xml.as_bytes()).unwrap();
    let max = ParseOptions::default().max_entries;
    assert_eq!(feed.entries.len(), max);
    assert!(
        crate::has_warning(&feed, &format!("first {max} entries")),
        "{:?}",
        feed.warnings
    );
    // The same in JSON Feed.
    let mut json = String::from("{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[");
    for i in 0..100_000 {
        if i > 0 {
            json.push(',');
        }
        json.push_str(&format!("{{\"id\":\"{i}\",\"title\":\"t\"}}"));
    }
    json.push_str("]}");
    let feed = parse(json.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), max);
    assert!(!feed.warnings.is_empty());
}

#[test]
fn a_one_megabyte_attribute() {
    let long = "a".repeat(1024 * 1024);
    let xml = format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title t=\"{long}\">ok</title><link href=\"https://x.example/{long}\"/><category term=\"{long}\"/></entry><entry foo=\"{long}\"><title>two</title></entry></feed>"
    );
    let feed = parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 2);
    assert_eq!(feed.entries[0].title.as_deref(), Some("ok"));
    // An unterminated attribute value ends the document, not the process.
    let xml = format!("<rss><channel><item><title>one</title></item><item><link href=\"{long}");
    let feed = parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries[0].title.as_deref(), Some("one"));
}

#[test]
fn ten_thousand_namespace_declarations() {
    let mut xml = String::from("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    for i in 0..10_000 {
        xml.push_str(&format!(" xmlns:p{i}=\"urn:example:ns:{i}\""));
    }
    xml.push('>');
    for i in 0..200 {
        xml.push_str(&format!(
            "<entry xmlns:q{i}=\"urn:q\"><p{i}:title>no</p{i}:title><title>e{i}</title></entry>"
        ));
    }
    xml.push_str("</feed>");
    let feed = parse(xml.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 200);
    assert_eq!(feed.entries[199].title.as_deref(), Some("e199"));
}

#[test]
fn an_endless_text_node() {
    // 19 MB of text in one field: under the input limit, over the text-field limit.
    let size = 19 * 1024 * 1024;
    let mut xml = String::with_capacity(size + 200);
    xml.push_str("<rss><channel><title>long</title><item><title>t</title><description>");
    while xml.len() < size {
        xml.push_str("가나다라 마바사 ");
    }
    xml.push_str("</description></item></channel></rss>");
    let feed = parse(xml.as_bytes()).unwrap();
    let max = ParseOptions::default().max_text_bytes;
    assert!(
        crate::has_warning(&feed, "longer than"),
        "{:?}",
        feed.warnings
    );
    let summary = feed.entries[0].summary.as_ref().unwrap();
    assert!(summary.decoded().len() <= max);
    // Never closed: the text runs to the end of the input.
    let open = xml.replace("</description></item></channel></rss>", "");
    let feed = parse(open.as_bytes()).unwrap();
    assert_eq!(feed.entries.len(), 1);
    // A title with no markup at all.
    let endless = format!("<rss><channel><title>{}", "x".repeat(size));
    let feed = parse(endless.as_bytes()).unwrap();
    assert!(feed.title.is_none() || feed.title.as_deref().unwrap().len() <= max);
}

#[test]
fn odd_bytes_everywhere_do_not_panic() {
    let samples: &[&[u8]] = &[
        b"<",
        b"<?",
        b"<!",
        b"<!--",
        b"<![CDATA[",
        b"<rss",
        b"<rss>",
        b"<rss><channel><item><title>&#xD800;&#0;&#x110000;&#99999999999;&#;&#x;</title></item></channel></rss>",
        b"<rss><channel><item><title><![CDATA[]]]]><![CDATA[>]]></title></item></channel></rss>",
        b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><content type='xhtml'><div></content></entry></feed>",
        b"<feed xml:base='::::'><entry xml:base='%%%'><link href='//['/></entry></feed>",
        b"<rss><channel><item><enclosure url='' type=''/><media:content url='http://[::1' width='99999999999'/></item></channel></rss>",
        b"{",
        b"{\"items\":[{\"url\":\"\\ud800\",\"date_published\":\"\\u0000\"}",
        b"\xFE\xFF\xD8\x00",
        b"\xFF\xFE\x00\xD8",
    ];
    for sample in samples {
        let _ = parse(sample);
        let _ = feedlet::parse(
            sample,
            &ParseOptions {
                base_url: Some("http://[".into()),
                ..ParseOptions::default()
            },
        );
    }
}

#[test]
fn every_limit_is_a_setting() {
    let xml = entries_with_title("가나다라마바사", 10);
    let options = ParseOptions {
        max_entries: 3,
        max_text_bytes: 10,
        max_warnings: 2,
        ..ParseOptions::default()
    };
    let feed = feedlet::parse(xml.as_bytes(), &options).unwrap();
    assert_eq!(feed.entries.len(), 3);
    // Cut to 10 bytes at a character boundary: three Korean characters.
    assert_eq!(feed.entries[0].title.as_deref(), Some("가나다"));
    assert_eq!(
        feed.warnings.len(),
        3,
        "two warnings and the count of the rest: {:?}",
        feed.warnings
    );
    assert!(
        feed.warnings[2].message.contains("more warnings"),
        "{:?}",
        feed.warnings[2]
    );
}
