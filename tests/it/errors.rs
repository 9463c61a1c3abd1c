//! Errors: only when no feed can be had (empty, not XML or JSON, not a feed, a limit exceeded),
//! each with a kind, a message, a line and a column.

use feedlet::{ErrorKind, ParseOptions};

use crate::parse_fixture_error;

/// The error layer's check: the input fails with this kind at this line and column.
fn check(input: &[u8], options: &ParseOptions, kind: ErrorKind, line: u32, column: u32) {
    match feedlet::parse(input, options) {
        Ok(feed) => panic!("expected {kind:?}, got a feed: {feed:?}"),
        Err(error) => {
            assert_eq!(error.kind, kind, "{error:?}");
            assert!(!error.message.is_empty());
            assert_eq!((error.line, error.column), (line, column), "{error:?}");
        }
    }
}

#[test]
fn error_fixtures() {
    let cases = [
        ("error-empty.xml", ErrorKind::Empty, 1, 1),
        ("error-not-a-feed.txt", ErrorKind::NotXmlOrJson, 1, 1),
        ("error-html-page.html", ErrorKind::NotAFeed, 2, 1),
        ("error-xml-not-a-feed.xml", ErrorKind::NotAFeed, 2, 1),
        ("error-json-not-a-feed.json", ErrorKind::NotAFeed, 1, 1),
        ("error-broken-before-root.xml", ErrorKind::Syntax, 2, 1),
    ];
    for (fixture, kind, line, column) in cases {
        let error = parse_fixture_error(fixture);
        assert_eq!(
            (error.kind, error.line, error.column),
            (kind, line, column),
            "{fixture}: {error:?}"
        );
    }
    let html = parse_fixture_error("error-html-page.html");
    assert!(html.message.contains("HTML page"), "{}", html.message);
}

#[test]
fn empty_inputs() {
    let options = ParseOptions::default();
    check(b"", &options, ErrorKind::Empty, 1, 1);
    check(b" \n\t\r\n", &options, ErrorKind::Empty, 1, 1);
    check(b"\xEF\xBB\xBF", &options, ErrorKind::Empty, 1, 1);
    check(b"\xFF\xFE", &options, ErrorKind::Empty, 1, 1);
}

#[test]
fn not_xml_or_json() {
    let options = ParseOptions::default();
    check(b"hello", &options, ErrorKind::NotXmlOrJson, 1, 1);
    check(
        b"\n\n   plain text",
        &options,
        ErrorKind::NotXmlOrJson,
        3,
        4,
    );
    check(b"[1, 2, 3]", &options, ErrorKind::NotXmlOrJson, 1, 1);
    check(
        b"\x89PNG\r\n\x1a\n\0\0\0",
        &options,
        ErrorKind::NotXmlOrJson,
        1,
        1,
    );
}

#[test]
fn roots_that_are_not_feeds() {
    let options = ParseOptions::default();
    check(
        b"<!DOCTYPE html><html><body>login</body></html>",
        &options,
        ErrorKind::NotAFeed,
        1,
        16,
    );
    check(
        b"<HTML><BODY>upper case</BODY></HTML>",
        &options,
        ErrorKind::NotAFeed,
        1,
        1,
    );
    check(
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        &options,
        ErrorKind::NotAFeed,
        1,
        1,
    );
    check(
        b"{\"version\": 1, \"title\": \"not a JSON Feed\"}",
        &options,
        ErrorKind::NotAFeed,
        1,
        1,
    );
}

#[test]
fn limits_exceeded() {
    let small = ParseOptions {
        max_input_bytes: 100,
        ..ParseOptions::default()
    };
    let big = format!(
        "<rss><channel><title>{}</title></channel></rss>",
        "x".repeat(200)
    );
    check(big.as_bytes(), &small, ErrorKind::LimitExceeded, 1, 1);
    let shallow = ParseOptions {
        max_depth: 8,
        ..ParseOptions::default()
    };
    let deep = format!(
        "<rss>{}{}</rss>",
        "<channel>".repeat(20),
        "</channel>".repeat(20)
    );
    check(deep.as_bytes(), &shallow, ErrorKind::LimitExceeded, 1, 78);
    let deep_json = format!("{{\"items\":{}{}}}", "[".repeat(20), "]".repeat(20));
    check(
        deep_json.as_bytes(),
        &shallow,
        ErrorKind::LimitExceeded,
        1,
        17,
    );
}

#[test]
fn errors_display_their_position() {
    let error = feedlet::parse(b"\n  nope", &ParseOptions::default()).unwrap_err();
    assert_eq!(error.to_string(), format!("2:3: {}", error.message));
    assert_eq!(error.kind.as_str(), "notXmlOrJson");
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["kind"], "notXmlOrJson");
    assert_eq!(json["line"], 2);
    assert_eq!(json["column"], 3);
}
