//! Options through their one reader (`Options::read`, the serde `Deserialize`): typed values and attribute text
//! read alike; a value that is not valid keeps its default and is named in a warning. (The browser's side, own
//! properties only, is in `tests/web.rs`; the CLI's in `cli.rs`.)

use feedlet::{DateStyle, Layout, LinkTarget, Options, ParseOptions, Read, SummaryMode};
use serde::de;

/// Reads straight from the text, so that the names keep their order (a `serde_json::Value` sorts them).
fn from_json(json: &str) -> Read<Options> {
    Options::read(&mut serde_json::Deserializer::from_str(json)).unwrap_or_default()
}

/// What an attribute's text gives: one name, one string.
fn attribute(name: &str, text: &str) -> Read<Options> {
    let pairs = [(name.to_owned(), text.to_owned())];
    let map = de::value::MapDeserializer::<_, de::value::Error>::new(pairs.into_iter());
    Options::read(map).unwrap_or_default()
}

#[test]
fn typed_values_and_attribute_text_read_alike() {
    for (json, name, text) in [
        (r#"{"limit": 3}"#, "limit", "3"),
        (r#"{"limit": 3.9}"#, "limit", " 3.9 "),
        (r#"{"date": false}"#, "date", "OFF"),
        (r#"{"layout": "cards"}"#, "layout", " cards"),
        (r#"{"category": ["a", "b c"]}"#, "category", "a, b c"),
        (
            r#"{"src": ["/a.xml", "/b.xml"]}"#,
            "src",
            " /a.xml\n/b.xml ",
        ),
        (r#"{"cacheTtl": 0.5}"#, "cacheTtl", "5e-1"),
        (r#"{"timeZone": "Asia/Seoul"}"#, "timeZone", " Asia/Seoul "),
    ] {
        let typed = from_json(json);
        let attribute = attribute(name, text);
        assert_eq!(typed, attribute, "{json} vs {name}={text:?}");
        assert!(
            typed.warnings.is_empty() && typed.unknown.is_empty(),
            "{json}"
        );
        assert_ne!(typed.value, Options::default(), "{json}");
    }
}

#[test]
fn invalid_values_keep_the_default_with_a_warning() {
    let read = from_json(
        r#"{"limit": "many", "summaryLength": -3, "layout": "grid", "dateStyle": 7, "excludeCategory": {"a": 1},
            "category": ["a", 2], "timeout": "soon", "heading": false, "lightDom": [true], "refresh": "1e"}"#,
    );
    assert_eq!(read.value, Options::default());
    assert_eq!(
        read.warnings,
        [
            "limit=\"many\" is not a valid value; using the default.",
            "summary-length=\"-3\" is not a valid value; using the default.",
            "layout=\"grid\" is not a valid value; using the default.",
            "date-style=\"7\" is not a valid value; using the default.",
            "exclude-category=\"[object Object]\" is not a valid value; using the default.",
            "category=\"a\" is not a valid value; using the default.",
            "timeout=\"soon\" is not a valid value; using the default.",
            "heading=\"false\" is not a valid value; using the default.",
            "light-dom=\"\" is not a valid value; using the default.",
            "refresh=\"1e\" is not a valid value; using the default.",
        ]
    );
}

#[test]
fn empty_text_and_null_keep_defaults_silently() {
    let read = from_json(
        r#"{"limit": "", "layout": " ", "heading": "  ", "category": " , ", "locale": null, "emptyText": ""}"#,
    );
    assert_eq!(
        read,
        Read {
            value: Options::default(),
            ..Read::default()
        }
    );
    // A bare boolean attribute is on.
    assert!(attribute("author", "").value.author);
    assert!(!attribute("image", "No").value.image);
}

#[test]
fn summary_html_turns_on_rich_summaries() {
    for read in [
        attribute("summary", "html"),
        from_json(r#"{"summary": " html "}"#),
    ] {
        assert!(read.value.summary);
        assert_eq!(read.value.summary_mode, SummaryMode::Html);
    }
    let read = from_json(
        r#"{"summary": false, "summaryMode": "html", "target": "_blank", "dateStyle": "relative"}"#,
    );
    assert!(!read.value.summary);
    assert_eq!(read.value.summary_mode, SummaryMode::Html);
    assert_eq!(read.value.target, LinkTarget::NewTab);
    assert_eq!(read.value.date_style, DateStyle::Relative);
}

#[test]
fn unknown_names_are_listed_not_warned() {
    let read = from_json(r#"{"template": {"nodeType": 1}, "limit-x": 1, "layout": "compact"}"#);
    assert_eq!(read.value.layout, Layout::Compact);
    assert_eq!(read.unknown, ["template", "limit-x"]);
    assert!(read.warnings.is_empty());
}

#[test]
fn widget_settings() {
    let read = from_json(
        r#"{"refresh": "90", "proxy": " https://p.example/?u={url} ", "lightDom": "", "timeout": 0}"#,
    );
    assert_eq!(read.value.refresh, 90.0);
    assert_eq!(
        read.value.proxy.as_deref(),
        Some("https://p.example/?u={url}")
    );
    assert!(read.value.light_dom);
    assert_eq!(read.value.timeout, 10_000.0);
    assert_eq!(read.value.cache_ttl, 300.0);
}

#[test]
fn every_serialized_name_reads_back() {
    let mut options = Options {
        category: vec!["a".into()],
        exclude_category: vec!["b".into()],
        src: vec!["/feed.xml".into()],
        locale: Some("ko".into()),
        time_zone: Some("UTC".into()),
        heading: Some("H".into()),
        proxy: Some("https://p.example/".into()),
        refresh: 60.0,
        ..Options::default()
    };
    options.limit = 9;
    let json = serde_json::to_value(&options).unwrap_or_default();
    let read = Options::read(&json).unwrap_or_default();
    assert!(
        read.unknown.is_empty() && read.warnings.is_empty(),
        "{read:?}"
    );
    assert_eq!(read.value, options);
    let parse = ParseOptions {
        base_url: Some("https://e.x/".into()),
        charset: Some("euc-kr".into()),
        max_depth: 3,
        ..ParseOptions::default()
    };
    let json = serde_json::to_value(&parse).unwrap_or_default();
    let read = ParseOptions::read(&json).unwrap_or_default();
    assert!(
        read.unknown.is_empty() && read.warnings.is_empty(),
        "{read:?}"
    );
    assert_eq!(read.value, parse);
}
