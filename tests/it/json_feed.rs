//! JSON Feed 1.0 and 1.1 through the public API: serde_json reads the text (the browser's `JSON.parse` reads the
//! same tree, `tests/web.rs`), one mapping makes the model. Lenient about types, strict about syntax.

use std::borrow::Cow;

use feedlet::{ErrorKind, Feed, ParseOptions, Person};

/// Parses with `options` and renders the feed compactly (or the error as `error KIND: LINE:COLUMN message`).
fn show(input: &str, options: &ParseOptions) -> String {
    match feedlet::parse_str(input, options) {
        Ok(feed) => render(&feed),
        Err(error) => format!(
            "error {}: {}:{} {}",
            error.kind.as_str(),
            error.line,
            error.column,
            error.message
        ),
    }
}

/// The JSON layer's check: parse with default options, compare the compact rendering.
fn check(input: &str, expected: &str) {
    let actual = show(input, &ParseOptions::default());
    assert_eq!(actual.trim(), expected.trim(), "\nactual:\n{actual}");
}

fn render(feed: &Feed<'_>) -> String {
    let mut out = String::new();
    let opt = |v: &Option<Cow<'_, str>>| v.as_deref().unwrap_or("-").to_owned();
    let people = |p: &[Person<'_>]| {
        p.iter()
            .map(|p| format!("{}<{}>", p.name, p.uri.as_deref().unwrap_or("")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!(
        "feed title={} subtitle={} link={} feed_url={} id={} icon={} lang={} authors=[{}]\n",
        opt(&feed.title),
        opt(&feed.subtitle),
        opt(&feed.link),
        opt(&feed.feed_url),
        opt(&feed.id),
        opt(&feed.icon),
        opt(&feed.language),
        people(&feed.authors)
    ));
    for e in &feed.entries {
        out.push_str(&format!(
            "entry id={} title={} link={}",
            e.id,
            opt(&e.title),
            opt(&e.link)
        ));
        if let Some(d) = &e.published {
            out.push_str(&format!(" published={}", d.raw));
        }
        if let Some(d) = &e.updated {
            out.push_str(&format!(" updated={}", d.raw));
        }
        if let Some(s) = &e.summary {
            out.push_str(&format!(" summary={:?}", s.decoded()));
        }
        if let Some(c) = &e.content {
            let body = c
                .body
                .as_ref()
                .map(|b| b.decoded().into_owned())
                .unwrap_or_default();
            out.push_str(&format!(
                " content={:?}:{:?} base={}",
                c.markup,
                body,
                opt(&c.base)
            ));
        }
        if !e.authors.is_empty() {
            out.push_str(&format!(" authors=[{}]", people(&e.authors)));
        }
        if !e.categories.is_empty() {
            out.push_str(&format!(" tags={:?}", e.categories));
        }
        if let Some(i) = &e.image {
            out.push_str(&format!(" image={}", i.url));
        }
        out.push('\n');
    }
    for w in &feed.warnings {
        out.push_str(&format!("warning {}:{} {}\n", w.line, w.column, w.message));
    }
    out
}

#[test]
fn json_feed_1_0_with_author() {
    check(
        r#"{
  "version": "https://jsonfeed.org/version/1",
  "title": "My   Example\nFeed",
  "description": "About things",
  "home_page_url": "https://example.org/",
  "feed_url": "https://example.org/feed.json",
  "favicon": "https://example.org/favicon.ico",
  "author": {"name": "Ann", "url": "https://example.org/ann", "avatar": "https://example.org/a.png"},
  "items": [
    {"id": "2", "content_text": "This is a second item.", "url": "https://example.org/second-item",
     "date_published": " 2010-02-07T14:04:00-05:00 "},
    {"id": "1", "content_html": "<p>Hello, world!</p>", "url": "https://example.org/initial-post",
     "summary": "Hi", "date_modified": "2010-02-08T00:00:00Z", "author": {"name": "Bob"}}
  ]
}"#,
        r#"
feed title=My Example Feed subtitle=About things link=https://example.org/ feed_url=https://example.org/feed.json id=https://example.org/feed.json icon=https://example.org/favicon.ico lang=- authors=[Ann<https://example.org/ann>]
entry id=2 title=- link=https://example.org/second-item published=2010-02-07T14:04:00-05:00 content=Text:"This is a second item." base=https://example.org/second-item authors=[Ann<https://example.org/ann>]
entry id=1 title=- link=https://example.org/initial-post updated=2010-02-08T00:00:00Z summary="Hi" content=Html:"<p>Hello, world!</p>" base=https://example.org/initial-post authors=[Bob<>]
"#,
    );
}

#[test]
fn json_feed_1_1_with_authors_tags_and_images() {
    check(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","language":"en-US",
"home_page_url":"https://example.org/","icon":"https://example.org/icon.png","favicon":"https://example.org/f.ico",
"authors":[{"name":"Ann"},{"name":"Cy","url":"https://cy.example/"},{"avatar":"x"}],
"author":{"name":"Old"},
"items":[{"id":"a","title":"  Spaced   title ","tags":["rust"," wasm  feeds ",3,"",null],"image":"https://example.org/i.png","banner_image":"https://example.org/b.png"},
{"id":"b","banner_image":"https://example.org/b.png","authors":[{"name":"Dee"}],"content_html":"<b>x</b>","content_text":"x"}]}"#,
        r#"
feed title=T subtitle=- link=https://example.org/ feed_url=- id=https://example.org/ icon=https://example.org/icon.png lang=en-US authors=[Ann<>, Cy<https://cy.example/>]
entry id=a title=Spaced title link=- authors=[Ann<>, Cy<https://cy.example/>] tags=["rust", "wasm feeds", "3"] image=https://example.org/i.png
entry id=b title=- link=- content=Html:"<b>x</b>" base=https://example.org/ authors=[Dee<>] image=https://example.org/b.png
warning 1:1 ignored 1 value of `items[0].tags` that are not strings
"#,
    );
}

#[test]
fn numbers_read_as_their_digits() {
    // `JSON.parse` reads every number as a double, so both platforms read `-1.5e3` as -1500.
    check(
        r#"{"version":"https://jsonfeed.org/version/1.1","items":[
{"id":12345,"external_url":"https://elsewhere.example/post"},
{"id":-1.5e3,"url":"https://example.org/u","external_url":"https://elsewhere.example/x"},
{"id":0.5,"title":2024},
{"title":"no id","id":null}]}"#,
        r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=12345 title=- link=https://elsewhere.example/post
entry id=-1500 title=- link=https://example.org/u
entry id=feedlet:ab6aa60bf249a9fb title=2024 link=-
entry id=feedlet:fcaa5fb619919aa9 title=no id link=-
warning 1:1 ignored `items[2].id` because it is not a string
"#,
    );
}

#[test]
fn escapes_are_decoded() {
    check(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"A \"q\" \\ \/ \u00e9 \ud83d\ude00 end",
"items":[{"id":"\u0031","summary":"line\nnext \u00e9","content_text":"t\tab"}]}"#,
        "feed title=A \"q\" \\ / \u{e9} \u{1f600} end subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]\n\
         entry id=1 title=- link=- summary=\"line\\nnext \u{e9}\" content=Text:\"t\\tab\" base=-",
    );
    // A lone surrogate is no Unicode text: serde_json refuses it (the browser's `JSON.parse` keeps it, and the
    // string that reaches Rust has U+FFFD in its place).
    check(
        r#"{"items":[{"id":"\ud83d\u0041"}]}"#,
        "error syntax: 1:29 the JSON is broken here: lone leading surrogate in hex escape",
    );
}

#[test]
fn a_byte_order_mark_and_text_after_the_object_are_warnings() {
    check(
        "\u{feff}{\"version\":\"https://jsonfeed.org/version/1\",\n\"items\":[{\"id\":\"1\",\"tags\":[\"a\"]}]}",
        r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=- link=- tags=["a"]
warning 1:1 ignored a byte order mark before the JSON
"#,
    );
    check(
        "\n \u{feff}{\"items\":[]}",
        "feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]\nwarning 2:2 ignored a byte order mark before the JSON",
    );
    check(
        r#"{"items":[{"id":"x"}]} <html>"#,
        r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=x title=- link=-
warning 1:24 ignored text after the JSON object
"#,
    );
}

#[test]
fn broken_json_is_a_syntax_error_at_its_place() {
    // Trailing commas and truncated documents were recovered from by the hand-written reader; a JSON reader
    // refuses them, and says where.
    check(
        "{\"version\":\"https://jsonfeed.org/version/1\",\n\"items\":[{\"id\":\"1\",\"tags\":[\"a\",],},],}",
        "error syntax: 2:32 the JSON is broken here: trailing comma",
    );
    check(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1"},{"id":"3","title":"cut"#,
        "error syntax: 1:101 the JSON is broken here: EOF while parsing a string",
    );
    check(
        r#"{"items":[{"id":"1"}] "title":"after"}"#,
        "error syntax: 1:23 the JSON is broken here: expected `,` or `}`",
    );
    check(
        "{\n  \"version\" 1}",
        "error syntax: 2:13 the JSON is broken here: expected `:`",
    );
    check(
        r#"{"version":"https://jsonfeed.org/version/1.1","items": nope}"#,
        "error syntax: 1:57 the JSON is broken here: expected ident",
    );
    check(
        "{",
        "error syntax: 1:2 the JSON is broken here: EOF while parsing an object",
    );
}

#[test]
fn deep_nesting_is_a_limit() {
    let deep = format!("{{\"items\":{}", "[".repeat(100_000));
    check(
        &deep,
        "error limitExceeded: 1:265 the JSON is nested deeper than max_depth",
    );
    let options = ParseOptions {
        max_depth: 3,
        ..ParseOptions::default()
    };
    assert!(feedlet::parse_str(r#"{"items":[{"id":"1"}]}"#, &options).is_ok());
    let too_deep = feedlet::parse_str(r#"{"items":[{"id":["1"]}]}"#, &options);
    assert_eq!(
        too_deep.map(|_| ()).map_err(|e| e.kind),
        Err(ErrorKind::LimitExceeded)
    );
    // Brackets inside strings do not count.
    assert!(feedlet::parse_str(r#"{"items":[{"id":"[[[[[[[["}]}"#, &options).is_ok());
}

#[test]
fn json_that_is_not_a_feed() {
    check(
        r#"{"name":"package","version":"1.0.0"}"#,
        "error notAFeed: 1:1 the JSON object has neither a JSON Feed `version` nor `items`",
    );
    check(
        r#"{"items":{}}"#,
        "error notAFeed: 1:1 the JSON object has neither a JSON Feed `version` nor `items`",
    );
    check(
        r#"[{"items":[]}]"#,
        "error notXmlOrJson: 1:1 the input is neither XML nor JSON",
    );
    check(
        r#"{"version":"https://jsonfeed.org/version/1","items":"none"}"#,
        r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
warning 1:1 ignored `items` because it is not an array
"#,
    );
}

#[test]
fn members_of_the_wrong_type_are_warnings() {
    check(
        r#"{"version":"https://jsonfeed.org/version/1.1","title":["T"],"authors":{"name":"A"},"author":"B",
"items":[{"id":"1","title":{"x":1},"tags":true,"url":false,"authors":[{"name":"C"},"D",7]},
{"id":"2","tags":"solo","author":["E"],"summary":{"html":"x"}}]}"#,
        r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=- link=- authors=[C<>]
entry id=2 title=- link=- tags=["solo"]
warning 1:1 ignored `title` because it is not a string
warning 1:1 ignored `authors` because it is not an array
warning 1:1 ignored `author` because it is not an object
warning 1:1 ignored `items[0].url` because it is not a string
warning 1:1 ignored 2 values of `items[0].authors` that are not objects
warning 1:1 ignored `items[0].tags` because it is neither an array nor a string
warning 1:1 ignored `items[0].title` because it is not a string
warning 1:1 ignored `items[1].author` because it is not an object
warning 1:1 ignored `items[1].summary` because it is not a string
"#,
    );
}

#[test]
fn many_items_are_capped() {
    let mut input = String::from(r#"{"version":"https://jsonfeed.org/version/1.1","items":["#);
    for i in 0..100_000 {
        if i > 0 {
            input.push(',');
        }
        input.push_str(&format!(
            r#"{{"id":"{i}","title":"Post {i}","content_html":"<p>x</p>"}}"#
        ));
    }
    input.push_str("]}");
    let feed = feedlet::parse_str(&input, &ParseOptions::default()).unwrap();
    assert_eq!(feed.entries.len(), 10_000);
    assert_eq!(feed.entries.last().map(|e| &*e.id), Some("9999"));
    let messages: Vec<_> = feed.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages, ["kept the first 10000 of 100000 items"]);
}

#[test]
fn long_texts_are_cut_at_char_boundaries() {
    let options = ParseOptions {
        max_text_bytes: 5,
        ..ParseOptions::default()
    };
    let input = r#"{"items":[{"id":"1","title":"abcd\u00e9f","summary":"ab\u00e9\u00e9","content_text":"a\ud83d\ude00bcdef"}]}"#;
    assert_eq!(
        show(input, &options).trim(),
        r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=abcd link=- summary="abé" content=Text:"a😀" base=-
warning 1:1 cut `items[0].content_text`, a text longer than 5 bytes
warning 1:1 cut `items[0].title`, a text longer than 5 bytes
warning 1:1 cut `items[0].summary`, a text longer than 5 bytes
"#
        .trim()
    );
}

#[test]
fn warnings_and_skipped_items_are_capped() {
    let options = ParseOptions {
        max_warnings: 2,
        ..ParseOptions::default()
    };
    let feed = feedlet::parse_str(r#"{"items":[1,{"id":"a"},2,3,[4]]}"#, &options).unwrap();
    let messages: Vec<_> = feed.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "skipped `items[0]` because it is not an object",
            "skipped `items[2]` because it is not an object",
            "2 more warnings were not recorded"
        ]
    );
    assert_eq!(feed.entries.len(), 1);
}

#[test]
fn urls_resolve_against_the_base_and_unsafe_ones_are_dropped() {
    let options = ParseOptions {
        base_url: Some("https://doc.example/feeds/feed.json".to_owned()),
        ..ParseOptions::default()
    };
    let input = r#"{"version":"https://jsonfeed.org/version/1.1","home_page_url":"javascript:alert(1)",
"items":[{"id":"1","url":"javascript:alert(1)","external_url":"https://ok.example/","image":"data:x","banner_image":"b.png"}]}"#;
    assert_eq!(
        show(input, &options).trim(),
        r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=- link=https://ok.example/ image=https://doc.example/feeds/b.png
warning 1:1 dropped `home_page_url`, a URL that is not http(s) or a safe relative reference
warning 1:1 dropped `items[0].url`, a URL that is not http(s) or a safe relative reference
warning 1:1 dropped `items[0].image`, a URL that is not http(s) or a safe relative reference
"#
        .trim()
    );
}

#[test]
fn unknown_members_and_odd_items_are_skipped() {
    check(
        r#"{"version":"https://jsonfeed.org/version/1.1","_ext":{"items":[{"id":"no"}]},"hubs":[{"type":"x"}],
"items":[[{"id":"nested"}],{"id":"1","attachments":[{"url":"https://e.org/a.mp3"}],"author":{"name":{"first":"A"},"url":"https://e.org/"}},true,"s"]}"#,
        r#"
feed title=- subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=1 title=- link=- authors=[<https://e.org/>]
warning 1:1 skipped `items[0]` because it is not an object
warning 1:1 ignored `items[1].author` because it is not a string
warning 1:1 skipped `items[2]` because it is not an object
warning 1:1 skipped `items[3]` because it is not an object
"#,
    );
}

#[test]
fn a_repeated_member_keeps_its_last_value() {
    // As `JSON.parse` does: the browser and the native reader agree.
    check(
        r#"{"items":[{"id":"1"}],"title":"first","title":"second","items":[{"id":"2"},{"id":"3"}]}"#,
        r#"
feed title=second subtitle=- link=- feed_url=- id=- icon=- lang=- authors=[]
entry id=2 title=- link=-
entry id=3 title=- link=-
"#,
    );
}

#[test]
fn every_prefix_parses_or_fails_cleanly() {
    let full = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T \u00e9\ud83d\ude00","authors":[{"name":"A"}],
"items":[{"id":1,"title":"\"x\"","tags":["a"],"content_html":"<p>\u00e9</p>","author":{"name":"B","url":"https://e.org/"}},
{"id":"2","summary":"café \n","image":"https://e.org/i.png"}]}  "#;
    for (end, _) in full.char_indices() {
        let result = feedlet::parse_str(full.get(..end).unwrap_or(""), &ParseOptions::default());
        // Only the whole document (with or without its trailing spaces) is JSON.
        match result {
            Ok(feed) => assert_eq!(feed.entries.len(), 2, "{end}"),
            Err(error) => assert!(
                matches!(error.kind, ErrorKind::Syntax | ErrorKind::Empty),
                "{end}: {error:?}"
            ),
        }
    }
}

#[test]
fn hostile_inputs_do_not_panic() {
    let cases = [
        "{",
        "{\"",
        "{\"a",
        "{\"a\"",
        "{\"a\":",
        "{\"a\":\"\\",
        "{\"a\":\"\\u",
        "{\"items\":[",
        "{\"items\":[{",
        "{\"items\":[{\"id\":\"\\u\u{e9}\"}]}",
        "{\"items\":[-]}",
        "{\"items\":[1e]}",
        "{}}}}",
        "{\"items\":[]}\u{e9}",
        "\u{feff}",
        "\u{feff}{",
        "{,}",
        "{\"items\":[,]}",
        "{\"items\":[1,,2]}",
        "{\"items\":[{\"id\":1e999}]}",
        "{\"items\":[{\"id\":-0}]}",
    ];
    for case in cases {
        let _ = feedlet::parse_str(case, &ParseOptions::default());
    }
}
