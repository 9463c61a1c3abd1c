//! Browser tests of the DOM renderer and the JS API, in headless Chromium (`cargo test --target wasm32-unknown-unknown --test web`).
#![cfg(target_arch = "wasm32")]
// Tests state their expectations with unwrap, indexing and panics; the crate's lints keep those out of the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlTemplateElement};

mod browser;
use browser::{container, document, options};

wasm_bindgen_test_configure!(run_in_browser);

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ko">
  <title>기술블로그</title>
  <link rel="alternate" type="text/html" href="https://blog.example/"/>
  <author><name>최왕규</name></author>
  <entry>
    <title>첫 글 &lt;img src=x onerror=alert(1)&gt;</title>
    <link href="/posts/one/"/>
    <id>https://blog.example/posts/one/</id>
    <published>2026-03-07T00:00:00+09:00</published>
    <category term="Spring"/>
    <summary type="html">&lt;p&gt;&amp;quot;안녕&amp;quot; &lt;script&gt;alert(1)&lt;/script&gt;&lt;b onclick="x()"&gt;굵게&lt;/b&gt;&lt;a href="javascript:alert(1)"&gt;링크&lt;/a&gt;&lt;img src="/a.png" width="300" height="200" onerror="x()"&gt;&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>둘째 글</title>
    <link href="javascript:alert(2)"/>
    <id>two</id>
    <published>2026-02-01T00:00:00Z</published>
    <summary>둘째 요약</summary>
  </entry>
  <entry>
    <title>셋째 글</title>
    <link href="https://blog.example/3"/>
    <published>2025-01-01T00:00:00Z</published>
  </entry>
</feed>"#;

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

fn render(options: Object) -> Element {
    let target = container();
    feedlet::render_feed(&target, ATOM.into(), options.into(), None).expect("render");
    target
}

#[wasm_bindgen_test]
fn renders_an_accessible_list_with_text_only() {
    let target = render(options(&[
        ("locale", "en-US".into()),
        ("timeZone", "UTC".into()),
    ]));
    let section = target
        .query_selector("section.feedlet")
        .unwrap()
        .expect("section");
    assert_eq!(section.get_attribute("lang").as_deref(), Some("ko"));
    let list = target.query_selector("ul").unwrap().expect("ul");
    assert_eq!(list.get_attribute("role").as_deref(), Some("list"));
    let items = all(&target, "li.feedlet__item");
    assert_eq!(items.len(), 3);
    let first = target
        .query_selector("a.feedlet__title")
        .unwrap()
        .expect("link");
    assert_eq!(
        first.get_attribute("href").as_deref(),
        Some("https://blog.example/posts/one/")
    );
    assert_eq!(
        first.text_content().as_deref(),
        Some("첫 글 <img src=x onerror=alert(1)>")
    );
    assert_eq!(first.get_attribute("dir").as_deref(), Some("auto"));
    assert!(
        all(&target, "img").is_empty(),
        "feed text never becomes markup"
    );
    assert!(all(&target, "script").is_empty());
    let time = target.query_selector("time").unwrap().expect("time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2026-03-06T15:00:00Z")
    );
    assert_eq!(time.text_content().as_deref(), Some("Mar 6, 2026"));
    let summary = target
        .query_selector(".feedlet__summary")
        .unwrap()
        .expect("summary");
    assert!(summary
        .text_content()
        .unwrap_or_default()
        .starts_with("\"안녕\""));
}

#[wasm_bindgen_test]
fn refuses_unsafe_links_and_counts_them() {
    let target = container();
    let result =
        feedlet::render_feed(&target, ATOM.into(), JsValue::UNDEFINED, None).expect("render");
    let refused = Reflect::get(&result, &"refusedUrls".into())
        .unwrap()
        .as_f64();
    assert_eq!(
        refused,
        Some(0.0),
        "the parser already dropped the javascript: link"
    );
    let second = &all(&target, ".feedlet__title")[1];
    assert_eq!(second.local_name(), "span");
    assert!(second.get_attribute("href").is_none());
    for element in all(&target, "[href]") {
        let href = element.get_attribute("href").unwrap_or_default();
        assert!(href.starts_with("https://"), "{href}");
    }
}

#[wasm_bindgen_test]
fn limit_layout_and_new_tab() {
    let target = render(options(&[
        ("limit", 1.into()),
        ("layout", "cards".into()),
        ("target", "_blank".into()),
    ]));
    assert_eq!(all(&target, "li").len(), 1);
    assert!(target.query_selector(".feedlet--cards").unwrap().is_some());
    let img = target
        .query_selector("img.feedlet__image")
        .unwrap()
        .expect("thumbnail from the summary's <img>");
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://blog.example/a.png")
    );
    assert_eq!(img.get_attribute("alt").as_deref(), Some(""));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("300"));
    let link = target.query_selector("a").unwrap().expect("a");
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    assert_eq!(
        link.get_attribute("rel").as_deref(),
        Some("noopener noreferrer")
    );
}

#[wasm_bindgen_test]
fn korean_long_and_relative_dates_come_from_intl() {
    let target = render(options(&[
        ("locale", "ko".into()),
        ("dateStyle", "long".into()),
        ("timeZone", "Asia/Seoul".into()),
    ]));
    let time = target.query_selector("time").unwrap().expect("time");
    assert_eq!(time.text_content().as_deref(), Some("2026년 3월 7일"));
    let relative = render(options(&[
        ("locale", "en".into()),
        ("dateStyle", "relative".into()),
    ]));
    let text = relative
        .query_selector("time")
        .unwrap()
        .expect("time")
        .text_content()
        .unwrap_or_default();
    assert!(
        text.ends_with("ago")
            || text.starts_with("in ")
            || text.contains("last")
            || text.contains("yesterday"),
        "{text}"
    );
    let bad = render(options(&[
        ("locale", "not a locale!".into()),
        ("timeZone", "Mars/Olympus".into()),
    ]));
    assert!(
        bad.query_selector("time").unwrap().is_some(),
        "a bad locale falls back instead of failing"
    );
}

#[wasm_bindgen_test]
fn rich_summaries_keep_only_the_allowed_subset() {
    let target = render(options(&[
        ("summaryMode", "html".into()),
        ("limit", 1.into()),
    ]));
    let summary = target
        .query_selector(".feedlet__summary--html")
        .unwrap()
        .expect("rich summary");
    assert!(summary.query_selector("p b").unwrap().is_some());
    assert!(all(&summary, "script").is_empty());
    for element in all(&summary, "*") {
        let names = element.get_attribute_names();
        for name in names.iter() {
            let name = name.as_string().unwrap_or_default();
            assert!(
                !name.starts_with("on"),
                "{name} on {}",
                element.local_name()
            );
        }
    }
    let link = summary
        .query_selector("a")
        .unwrap()
        .expect("link text stays");
    assert!(
        link.get_attribute("href").is_none(),
        "javascript: href dropped"
    );
    let img = summary.query_selector("img").unwrap().expect("img");
    assert_eq!(
        img.get_attribute("referrerpolicy").as_deref(),
        Some("no-referrer")
    );
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("https://blog.example/a.png")
    );
}

#[wasm_bindgen_test]
fn templates_are_filled_without_interpolation() {
    let template: HtmlTemplateElement = document()
        .create_element("template")
        .unwrap()
        .dyn_into()
        .unwrap();
    let article = document().create_element("article").unwrap();
    for (tag, field) in [
        ("a", "title"),
        ("time", "date"),
        ("span", "categories"),
        ("img", "image"),
    ] {
        let element = document().create_element(tag).unwrap();
        element.set_attribute("data-field", field).unwrap();
        if tag == "a" {
            element
                .set_attribute("href", "https://template.example/default")
                .unwrap();
        }
        article.append_child(&element).unwrap();
    }
    template.content().append_child(&article).unwrap();
    let target = container();
    feedlet::render_feed(
        &target,
        ATOM.into(),
        options(&[("locale", "en".into())]).into(),
        Some(template),
    )
    .expect("render");
    let articles = all(&target, "li article");
    assert_eq!(articles.len(), 3);
    let title = articles[0].query_selector("a").unwrap().expect("a");
    assert_eq!(
        title.text_content().as_deref(),
        Some("첫 글 <img src=x onerror=alert(1)>")
    );
    assert_eq!(
        title.get_attribute("href").as_deref(),
        Some("https://blog.example/posts/one/")
    );
    let second = articles[1].query_selector("a").unwrap().expect("a");
    assert!(
        second.get_attribute("href").is_none(),
        "no safe link: the template's href is removed"
    );
    assert_eq!(
        articles[0]
            .query_selector("span")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Spring")
    );
    assert!(
        articles[1].query_selector("img").unwrap().is_none(),
        "no image: the img is removed"
    );
}

#[wasm_bindgen_test]
fn legacy_encodings_decode_through_text_decoder() {
    // "한글" in EUC-KR, declared in the XML declaration.
    let mut bytes =
        br#"<?xml version="1.0" encoding="euc-kr"?><rss version="2.0"><channel><title>"#.to_vec();
    bytes.extend_from_slice(&[0xC7, 0xD1, 0xB1, 0xDB]);
    bytes.extend_from_slice(b"</title><item><title>x</title></item></channel></rss>");
    let array = Uint8Array::from(bytes.as_slice());
    let feed = feedlet::parse_feed(array.into(), JsValue::UNDEFINED).expect("parse");
    assert_eq!(
        Reflect::get(&feed, &"title".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("한글")
    );
    assert_eq!(
        Reflect::get(&feed, &"format".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("rss2")
    );
}

#[wasm_bindgen_test]
fn errors_are_real_errors_with_kind_and_position() {
    let error = feedlet::parse_feed(
        "<html>\n<body>login</body></html>".into(),
        JsValue::UNDEFINED,
    )
    .expect_err("not a feed");
    assert!(error.is_instance_of::<js_sys::Error>());
    assert_eq!(
        Reflect::get(&error, &"name".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("FeedletError")
    );
    assert_eq!(
        Reflect::get(&error, &"kind".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("notAFeed")
    );
    assert_eq!(
        Reflect::get(&error, &"line".into()).unwrap().as_f64(),
        Some(1.0)
    );
    let target = container();
    target.set_text_content(Some("fallback"));
    let sources = js_sys::Array::of2(
        &options(&[("input", "not a feed".into())]),
        &options(&[("input", ATOM.into())]),
    );
    let result = feedlet::render_feeds(&target, sources, JsValue::UNDEFINED, None)
        .expect("one good source renders");
    let errors: js_sys::Array = Reflect::get(&result, &"errors".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(errors.length(), 1);
    assert_eq!(all(&target, "li").len(), 3);
    let only_bad = js_sys::Array::of1(&options(&[("input", "".into())]));
    let fallback = container();
    fallback.set_text_content(Some("fallback"));
    assert!(feedlet::render_feeds(&fallback, only_bad, JsValue::UNDEFINED, None).is_err());
    assert_eq!(
        fallback.text_content().as_deref(),
        Some("fallback"),
        "a failed render leaves the target alone"
    );
}

#[wasm_bindgen_test]
fn skeleton_is_busy_and_empty_state_has_text() {
    let target = container();
    feedlet::render_skeleton(&target, options(&[("limit", 3.into())]).into()).expect("skeleton");
    let section = target.query_selector("section").unwrap().expect("section");
    assert_eq!(section.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(all(&target, "li").len(), 3);
    let empty = render(options(&[
        ("category", "Nothing".into()),
        ("emptyText", "글이 없습니다".into()),
    ]));
    assert_eq!(
        empty
            .query_selector(".feedlet__empty")
            .unwrap()
            .expect("empty")
            .text_content()
            .as_deref(),
        Some("글이 없습니다")
    );
}

#[wasm_bindgen_test]
fn xhtml_rich_summaries_are_read_as_xml() {
    let xml = r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>x</title><link href="https://blog.example/x"/>
      <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>a&nbsp;b</p><a href="https://evil.example/"/>Your account is locked<img xmlns="urn:x" src="https://evil.example/t.png"/><textarea/><b>after</b><![CDATA[<i>cdata</i>]]></div></content></entry></feed>"#;
    let target = container();
    feedlet::render_feed(
        &target,
        xml.into(),
        options(&[("summaryMode", "html".into())]).into(),
        None,
    )
    .expect("render");
    let summary = target
        .query_selector(".feedlet__summary--html")
        .unwrap()
        .expect("rich summary");
    let link = summary
        .query_selector("a")
        .unwrap()
        .expect("the empty link stays empty");
    assert_eq!(link.text_content().as_deref(), Some(""));
    assert!(
        summary.query_selector("img").unwrap().is_none(),
        "a foreign-namespace img is not an image"
    );
    assert!(
        summary.query_selector("b").unwrap().is_some(),
        "an empty textarea swallows nothing"
    );
    let text = summary.text_content().unwrap_or_default();
    assert!(
        text.contains("a\u{a0}b")
            && text.contains("<i>cdata</i>")
            && text.contains("Your account is locked"),
        "{text}"
    );
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).expect("get")
}

fn stringify(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .expect("stringify")
        .as_string()
        .expect("string")
}

/// `parseFeed` writes the same document as `feedlet parse` (the snapshots), key for key.
#[wasm_bindgen_test]
fn parse_feed_is_the_shape_of_feedlet_parse() {
    for (input, expected) in [
        (
            include_str!("fixtures/atom10-korean.xml"),
            include_str!("fixtures/atom10-korean.expect.json"),
        ),
        (
            include_str!("fixtures/thumbnails.xml"),
            include_str!("fixtures/thumbnails.expect.json"),
        ),
        (
            include_str!("fixtures/jsonfeed10.json"),
            include_str!("fixtures/jsonfeed10.expect.json"),
        ),
        (
            include_str!("fixtures/jsonfeed11.json"),
            include_str!("fixtures/jsonfeed11.expect.json"),
        ),
    ] {
        let feed = feedlet::parse_feed(input.into(), JsValue::UNDEFINED).expect("parse");
        let expected = js_sys::JSON::parse(expected).expect("snapshot");
        assert_eq!(stringify(&feed), stringify(&expected));
    }
}

/// The option reader: typed values and attribute text read alike; a value that is not valid keeps its default
/// and is named in a warning, in the attribute's kebab-case.
#[wasm_bindgen_test]
fn read_options_reads_attributes_and_typed_values() {
    let text = options(&[
        ("limit", "3".into()),
        ("summary", "html".into()),
        ("category", "a, b".into()),
        ("date", "off".into()),
        ("src", "/a.xml /b.xml".into()),
        ("summaryLength", "many".into()),
        (
            "template",
            document().create_element("template").unwrap().into(),
        ),
    ]);
    let read = feedlet::read_options(text.into()).expect("read");
    let read_text = get(&read, "options");
    assert_eq!(get(&read_text, "limit").as_f64(), Some(3.0));
    assert_eq!(get(&read_text, "summary").as_bool(), Some(true));
    assert_eq!(
        get(&read_text, "summaryMode").as_string().as_deref(),
        Some("html")
    );
    assert_eq!(stringify(&get(&read_text, "category")), r#"["a","b"]"#);
    assert_eq!(get(&read_text, "date").as_bool(), Some(false));
    assert_eq!(stringify(&get(&read_text, "src")), r#"["/a.xml","/b.xml"]"#);
    assert_eq!(get(&read_text, "summaryLength").as_f64(), Some(160.0));
    assert!(
        get(&read_text, "locale").is_null(),
        "a missing value is null"
    );
    assert_eq!(get(&read_text, "cacheTtl").as_f64(), Some(300.0));
    assert_eq!(
        stringify(&get(&read, "warnings")),
        r#"["summary-length=\"many\" is not a valid value; using the default."]"#
    );
    let typed = options(&[
        ("limit", 3.into()),
        ("summary", true.into()),
        ("summaryMode", "html".into()),
        (
            "category",
            js_sys::Array::of2(&"a".into(), &"b".into()).into(),
        ),
        ("date", false.into()),
        (
            "src",
            js_sys::Array::of2(&"/a.xml".into(), &"/b.xml".into()).into(),
        ),
    ]);
    let read_typed = feedlet::read_options(typed.into()).expect("read");
    assert_eq!(
        stringify(&get(&read_typed, "options")),
        stringify(&read_text)
    );
    assert_eq!(stringify(&get(&read_typed, "warnings")), "[]");
    let defaults = feedlet::read_options(JsValue::UNDEFINED).expect("defaults");
    assert_eq!(get(&get(&defaults, "options"), "limit").as_f64(), Some(5.0));
    assert!(
        feedlet::read_options("limit=3".into()).is_err(),
        "not an object"
    );
}

/// Options and `Feed` objects are read from their own properties: what a page (or a library on it) puts on
/// `Object.prototype` changes nothing.
#[wasm_bindgen_test]
fn object_prototype_changes_nothing() {
    let prototype = Object::get_prototype_of(&Object::new());
    let polluted = [
        ("proxy", JsValue::from("https://evil.example/?u=")),
        ("limit", 1.into()),
        ("layout", "cards".into()),
        (
            "image",
            options(&[("url", "https://evil.example/i.png".into())]).into(),
        ),
        ("summary", "injected".into()),
        ("baseUrl", "https://evil.example/".into()),
    ];
    for (key, value) in &polluted {
        Reflect::set(&prototype, &(*key).into(), value).unwrap();
    }
    let read = feedlet::read_options(Object::new().into());
    let target = container();
    let rendered = feedlet::render_feed(&target, ATOM.into(), Object::new().into(), None);
    let parsed = feedlet::parse_feed(ATOM.into(), JsValue::UNDEFINED);
    let object = Object::new();
    let entry = options(&[("id", "x".into()), ("title", "Plain".into())]);
    Reflect::set(&object, &"entries".into(), &js_sys::Array::of1(&entry)).unwrap();
    let from_object = container();
    let rendered_object =
        feedlet::render_feed(&from_object, object.into(), Object::new().into(), None);
    for (key, _) in &polluted {
        Reflect::delete_property(&prototype, &(*key).into()).unwrap();
    }
    let read = get(&read.expect("read"), "options");
    assert!(get(&read, "proxy").is_null());
    assert_eq!(get(&read, "limit").as_f64(), Some(5.0));
    rendered.expect("render");
    assert_eq!(all(&target, "li").len(), 3, "the default limit");
    assert!(target.query_selector(".feedlet--list").unwrap().is_some());
    let first = get(&get(&parsed.expect("parse"), "entries"), "0");
    assert_eq!(
        get(&first, "link").as_string().as_deref(),
        Some("https://blog.example/posts/one/")
    );
    rendered_object.expect("render a Feed object");
    assert!(
        all(&from_object, "img").is_empty(),
        "no image from the prototype"
    );
    assert!(
        all(&from_object, ".feedlet__summary").is_empty(),
        "no summary from the prototype"
    );
}

/// A `Feed` object from `parseFeed` renders as the bytes it came from.
#[wasm_bindgen_test]
fn feed_objects_render_as_their_source() {
    for layout in ["list", "cards"] {
        let opts = || {
            options(&[
                ("layout", layout.into()),
                ("locale", "en".into()),
                ("timeZone", "UTC".into()),
            ])
        };
        let from_text = container();
        feedlet::render_feed(&from_text, ATOM.into(), opts().into(), None).expect("text");
        let feed = feedlet::parse_feed(ATOM.into(), JsValue::UNDEFINED).expect("parse");
        let from_object = container();
        feedlet::render_feed(&from_object, feed, opts().into(), None).expect("object");
        assert_eq!(from_object.inner_html(), from_text.inner_html(), "{layout}");
    }
    let not_a_feed = options(&[("entries", "none".into())]);
    let error = feedlet::render_feed(&container(), not_a_feed.into(), JsValue::UNDEFINED, None)
        .expect_err("entries must be an array");
    assert_eq!(
        get(&error, "kind").as_string().as_deref(),
        Some("invalidInput")
    );
}

/// Each source's outcome, so that a caller never parses a source again to learn it.
#[wasm_bindgen_test]
fn render_feeds_reports_each_source() {
    let sources = js_sys::Array::of3(
        &options(&[("input", ATOM.into())]),
        &options(&[("input", "{\"items\":[1,]}".into())]),
        &options(&[("input", r#"{"items":[{"id":"j","title":"J"}]}"#.into())]),
    );
    let result =
        feedlet::render_feeds(&container(), sources, JsValue::UNDEFINED, None).expect("render");
    let statuses = get(&result, "sources");
    assert_eq!(
        stringify(&statuses),
        r#"[{"ok":true,"entries":3},{"ok":false,"entries":0,"error":{"kind":"syntax","message":"the JSON is broken here: Unexpected token ']', \"{\"items\":[1,]}\" is not valid JSON","line":1,"column":13}},{"ok":true,"entries":1}]"#
    );
    assert_eq!(get(&result, "count").as_f64(), Some(4.0));
    assert_eq!(
        stringify(&get(&result, "errors")),
        r#"[{"source":1,"kind":"syntax","message":"the JSON is broken here: Unexpected token ']', \"{\"items\":[1,]}\" is not valid JSON","line":1,"column":13}]"#
    );
}

/// Broken JSON gets the same kind and position as natively (serde_json), from the engine's message.
#[wasm_bindgen_test]
fn broken_json_feeds_are_syntax_errors_with_positions() {
    for (input, line, column) in [
        ("{\"version\":\"https://jsonfeed.org/version/1\",\n\"items\":[{\"id\":\"1\",\"tags\":[\"a\",],},],}", 2.0, 32.0),
        (r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1"},{"id":"3","title":"cut"#, 1.0, 101.0),
        (r#"{"items":[{"id":"1"}] "title":"after"}"#, 1.0, 23.0),
        ("{\n  \"version\" 1}", 2.0, 13.0),
        ("{", 1.0, 2.0),
    ] {
        let error = feedlet::parse_feed(input.into(), JsValue::UNDEFINED).expect_err(input);
        assert_eq!(get(&error, "kind").as_string().as_deref(), Some("syntax"), "{input}");
        assert_eq!(
            (get(&error, "line").as_f64(), get(&error, "column").as_f64()),
            (Some(line), Some(column)),
            "{input}: {}",
            get(&error, "message").as_string().unwrap_or_default()
        );
    }
    // Text after the root object is a warning, as natively.
    let feed = feedlet::parse_feed(
        r#"{"items":[{"id":"x"}]} <html>"#.into(),
        JsValue::UNDEFINED,
    )
    .expect("parse");
    assert_eq!(
        stringify(&get(&feed, "warnings")),
        r#"[{"message":"ignored text after the JSON object","line":1,"column":24}]"#
    );
}
