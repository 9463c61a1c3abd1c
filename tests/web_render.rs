//! The DOM sink against the HTML sink, and clobbering markup in the walk, in headless Chromium (`cargo test --target wasm32-unknown-unknown --test web_render`).
//!
//! One list description feeds both renderers, so for the same feeds and options the widget's DOM must
//! serialize exactly as the CLI's HTML does once the browser has read it (dates in `en-US` and UTC,
//! where `Intl` writes what the HTML sink writes).
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{DomParser, Element, HtmlTemplateElement, SupportedType};

use feedlet::{DateStyle, Layout, LinkTarget, Options};

mod browser;
use browser::{container, options};

wasm_bindgen_test_configure!(run_in_browser);

macro_rules! fixtures {
    ($($name:literal),* $(,)?) => {
        [$(($name, include_bytes!(concat!("fixtures/", $name)).as_slice())),*]
    };
}

/// Feeds of every format, encoding and markup the native snapshots use.
const FIXTURES: [(&str, &[u8]); 22] = fixtures![
    "atom-text-constructs.xml",
    "atom03.xml",
    "atom10-korean.xml",
    "authors-atom.xml",
    "authors-rss.xml",
    "categories-rss.xml",
    "control-chars.xml",
    "dates-atom.xml",
    "euc-kr-declared.xml",
    "html-entities.xml",
    "ids.xml",
    "jekyll-quot.xml",
    "jsonfeed11.json",
    "links-atom.xml",
    "links-rss.xml",
    "rss10-rdf.xml",
    "rss20-japanese.xml",
    "shift-jis-declared.xml",
    "summary-from-content.xml",
    "thumbnails.xml",
    "tolerance-broken-entry.xml",
    "xml-base.xml",
];

/// The same options as a Rust value (for `render_html`) and as the JS object `renderFeed` reads.
fn both(options: &Options) -> (Options, Object) {
    let object = Object::new();
    let set = |key: &str, value: JsValue| {
        Reflect::set(&object, &key.into(), &value).expect("set");
    };
    set("locale", "en-US".into());
    set("timeZone", "UTC".into());
    set("limit", (options.limit as f64).into());
    set(
        "layout",
        match options.layout {
            Layout::List => "list",
            Layout::Cards => "cards",
            Layout::Compact => "compact",
        }
        .into(),
    );
    set(
        "dateStyle",
        if options.date_style == DateStyle::Long {
            "long"
        } else {
            "medium"
        }
        .into(),
    );
    if options.target == LinkTarget::NewTab {
        set("target", "_blank".into());
    }
    if let Some(heading) = &options.heading {
        set("heading", heading.as_str().into());
    }
    set("author", options.author.into());
    set("categories", options.categories.into());
    set("date", options.date.into());
    set("summary", options.summary.into());
    set("summaryLength", (options.summary_length as f64).into());
    set("emptyText", options.empty_text.as_str().into());
    (options.clone(), object)
}

/// Option sets that reach every branch of the item description.
fn option_sets() -> Vec<Options> {
    vec![
        Options::default(),
        Options {
            layout: Layout::Cards,
            limit: 20,
            ..Options::default()
        },
        Options {
            layout: Layout::Compact,
            author: true,
            ..Options::default()
        },
        Options {
            target: LinkTarget::NewTab,
            heading: Some("Recent <posts> & \"notes\"".to_owned()),
            date_style: DateStyle::Long,
            author: true,
            categories: true,
            summary_length: 20,
            ..Options::default()
        },
        Options {
            date: false,
            summary: false,
            category: vec![],
            ..Options::default()
        },
    ]
}

/// What the browser makes of an HTML string: its first element, serialized.
fn read_back(html: &str) -> String {
    let parsed = DomParser::new()
        .expect("parser")
        .parse_from_string(html, SupportedType::TextHtml)
        .expect("parse");
    parsed
        .body()
        .and_then(|b| b.first_element_child())
        .map(|e| e.outer_html())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_dom_is_the_html_for_every_fixture_and_layout() {
    let mut compared = 0;
    for (name, bytes) in FIXTURES {
        let Ok(feed) = feedlet::parse(bytes, &Default::default()) else {
            panic!("{name} does not parse");
        };
        for options in option_sets() {
            let (options, object) = both(&options);
            let expected = read_back(&feedlet::render_html(std::slice::from_ref(&feed), &options));
            let target = container();
            feedlet::render_feed(&target, Uint8Array::from(bytes).into(), object.into(), None)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let section = target
                .first_element_child()
                .map(|e| e.outer_html())
                .unwrap_or_default();
            assert_eq!(
                section, expected,
                "{name} with layout {:?}: the DOM differs from the HTML",
                options.layout
            );
            target.remove();
            compared += 1;
        }
    }
    assert_eq!(compared, FIXTURES.len() * option_sets().len());
}

/// The loading skeleton: the same description, so the same markup.
#[wasm_bindgen_test]
fn the_skeleton_is_the_html_skeleton() {
    for (layout, name, limit) in [
        (Layout::List, "list", 3),
        (Layout::Cards, "cards", 9),
        (Layout::Compact, "compact", 0),
    ] {
        let options = Options {
            layout,
            limit,
            ..Options::default()
        };
        let mut html = feedlet::HtmlSink::default();
        let Ok(()) = feedlet::render_skeleton_into(&mut html, &options);
        let object = browser::options(&[("layout", name.into()), ("limit", (limit as f64).into())]);
        let target = container();
        feedlet::render_skeleton(&target, object.into()).expect("skeleton");
        let section = target.first_element_child().expect("section").outer_html();
        assert_eq!(section, read_back(&html.finish()), "{name}");
        target.remove();
    }
}

/// The same comparison for a `Feed` object with a refused thumbnail and link (the two renderers used to
/// differ here: the DOM added an `<img>` without `src`) and untrimmed languages.
#[wasm_bindgen_test]
fn refused_urls_and_languages_render_the_same() {
    let json = r#"{"format":"atom","language":" ko ","entries":[
        {"id":"1","title":"refused","link":"javascript:alert(1)","image":{"url":"javascript:alert(2)","width":10}},
        {"id":"2","title":"kept","link":"https://e.com/2","image":{"url":"https://e.com/2.png","width":320,"height":180}}]}"#;
    let feed: feedlet::Feed<'_> = serde_json::from_str(json).expect("feed json");
    let options = Options {
        layout: Layout::Cards,
        date: false,
        ..Options::default()
    };
    let (options, object) = both(&options);
    let expected = read_back(&feedlet::render_html(std::slice::from_ref(&feed), &options));
    let value = js_sys::JSON::parse(json).expect("json");
    let target = container();
    let result = feedlet::render_feed(&target, value, object.into(), None).expect("render");
    let section = target.first_element_child().expect("section").outer_html();
    assert_eq!(section, expected);
    assert!(
        section.starts_with(r#"<section class="feedlet feedlet--cards" lang="ko">"#),
        "{section}"
    );
    assert_eq!(section.matches("<img").count(), 1, "{section}");
    assert_eq!(
        Reflect::get(&result, &"refusedUrls".into())
            .unwrap()
            .as_f64(),
        Some(2.0)
    );
}

/// Every Node, Element and Document property the walk or the DOM sink reads, as a control name.
const READ: &[&str] = &[
    "nodeType",
    "firstChild",
    "nextSibling",
    "nodeValue",
    "appendChild",
    "localName",
    "namespaceURI",
    "getAttribute",
    "setAttribute",
    "removeAttribute",
    "remove",
    "closest",
    "body",
    "documentElement",
    "querySelector",
    "createElement",
    "createTextNode",
    "textContent",
    "childNodes",
    "parentNode",
    "attributes",
    "tagName",
    "nodeName",
];

/// A rich summary whose forms name their controls after everything the walk reads: it renders its
/// other content, the widget renders every entry, and nothing traps (this used to trap the module).
#[wasm_bindgen_test]
fn clobbering_forms_in_rich_summaries_render() {
    let mut controls = String::new();
    for name in READ {
        controls.push_str(&format!(
            "<input name={name}><select name={name}></select><img name={name} src=/x.png><object name={name}></object>"
        ));
    }
    let summary = format!(
        "<p>before</p><form name=body>{controls}<p>inside</p></form><form id=documentElement></form><img name=querySelector src=/y.png><p>after</p>"
    );
    let escaped = summary
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;");
    let xml = format!(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>one</title><link href="https://e.com/1"/><summary type="html">{escaped}</summary></entry><entry><title>two</title><link href="https://e.com/2"/><summary>plain</summary></entry><entry><title>three</title><link href="https://e.com/3"/><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x before</p><form><input name="namespaceURI"/><input name="localName"/></form><p>x after</p></div></content></entry></feed>"#
    );
    let template = template_of_forms();
    for with_template in [false, true] {
        for layout in ["list", "cards", "compact"] {
            for mode in ["html", "text"] {
                let object = options(&[("summaryMode", mode.into()), ("layout", layout.into())]);
                let target = container();
                let result = feedlet::render_feed(
                    &target,
                    xml.as_str().into(),
                    object.into(),
                    with_template.then(|| template.clone()),
                )
                .unwrap_or_else(|e| panic!("{mode} {layout} {with_template}: {e:?}"));
                assert_eq!(
                    Reflect::get(&result, &"count".into()).unwrap().as_f64(),
                    Some(3.0)
                );
                let items = target.query_selector_all("li").unwrap().length();
                assert_eq!(items, 3, "{mode} {layout} {with_template}");
                let text = target.text_content().unwrap_or_default();
                if mode == "html" && (layout != "compact" || with_template) {
                    assert!(
                        text.contains("before") && text.contains("after"),
                        "{mode} {layout} {with_template}: {text}"
                    );
                    assert!(
                        text.contains("x before") && text.contains("x after"),
                        "{text}"
                    );
                    assert!(
                        !text.contains("inside"),
                        "a form's content is dropped: {text}"
                    );
                }
                for tag in ["form", "input", "select", "object"] {
                    assert!(
                        target.query_selector(tag).unwrap().is_none()
                            || (with_template && tag == "form"),
                        "{tag} in {mode} {layout} {with_template}"
                    );
                }
                assert!(target.query_selector("[name]").unwrap().is_none());
                target.remove();
            }
        }
    }
}

/// A page template whose `data-field` elements are forms with controls named after the accessors
/// (written as markup: once an `<input name=appendChild>` is in a form, `form.appendChild` is the input).
fn template_of_forms() -> HtmlTemplateElement {
    let mut markup = String::from("<template><article>");
    for field in ["title", "link", "date", "summary", "image", "author"] {
        markup.push_str(&format!("<form data-field={field}>"));
        for name in READ {
            markup.push_str(&format!("<input name={name}>"));
        }
        markup.push_str("</form>");
    }
    markup.push_str("</article></template>");
    let parsed = DomParser::new()
        .unwrap()
        .parse_from_string(&markup, SupportedType::TextHtml)
        .unwrap();
    parsed
        .query_selector("template")
        .unwrap()
        .expect("template")
        .dyn_into()
        .unwrap()
}

/// A template parsed as the page's markup would be.
fn template(markup: &str) -> HtmlTemplateElement {
    let parsed = DomParser::new()
        .unwrap()
        .parse_from_string(
            &format!("<template>{markup}</template>"),
            SupportedType::TextHtml,
        )
        .unwrap();
    parsed
        .query_selector("template")
        .unwrap()
        .expect("template")
        .dyn_into()
        .unwrap()
}

/// The elements whose content is not plain text, as the issue lists them (and the rest of HTML's raw text,
/// escapable raw text and foreign-content roots).
const NOT_PLAIN: &[&str] = &[
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "textarea",
    "title",
    "noscript",
    "xmp",
    "template",
    "plaintext",
    "noembed",
    "noframes",
    "listing",
];

/// Issue 10, item 4: a `data-field` on an element whose text is not plain text is left as the page wrote
/// it (the feed title used to run as a script in `<script data-field="title">`), inside `<svg>` and
/// `<math>` too; the plain elements beside it are filled, each filled text in a bidi isolate.
#[wasm_bindgen_test]
fn template_fields_whose_content_is_not_plain_text_stay_empty() {
    let xml = r#"<rss><channel><item><title>FEEDTITLE</title><link>https://e.com/1</link><pubDate>FEEDDATE</pubDate>
        <author>FEEDAUTHOR</author><category>FEEDCAT</category><description>FEEDSUMMARY</description></item></channel></rss>"#;
    let fields = [
        "title",
        "link",
        "date",
        "summary",
        "image",
        "author",
        "categories",
    ];
    let mut markup = String::from("<article>");
    for tag in NOT_PLAIN {
        for field in fields {
            // `plaintext` swallows the rest of the template's markup: it goes last, alone.
            if *tag != "plaintext" {
                markup.push_str(&format!("<{tag} data-field={field} class=refused></{tag}>"));
            }
        }
    }
    for field in fields {
        markup.push_str(&format!(
            "<svg><text data-field={field} class=refused></text><foreignObject><span data-field={field} class=refused></span></foreignObject></svg>\
             <math><mi data-field={field} class=refused></mi></math><span data-field={field} class=plain dir=bogus></span>"
        ));
    }
    markup.push_str("<plaintext data-field=title class=refused>");
    let page = template(&markup);
    let target = container();
    let object = options(&[("summaryMode", "html".into())]);
    feedlet::render_feed(&target, xml.into(), object.into(), Some(page)).expect("render");
    let refused = target.query_selector_all(".refused").unwrap();
    for index in 0..refused.length() {
        let element: Element = refused.item(index).unwrap().dyn_into().unwrap();
        let text = element.text_content().unwrap_or_default();
        assert!(!text.contains("FEED"), "{}", element.outer_html());
        assert!(element.get_attribute("src").is_none() && element.get_attribute("href").is_none());
        assert!(element.get_attribute("dir").is_none(), "untouched");
    }
    // None was removed either (an image field goes only from an element it may fill).
    assert_eq!(
        refused.length() as usize,
        (NOT_PLAIN.len() - 1) * fields.len() + 3 * fields.len() + 1
    );
    let text = target.text_content().unwrap_or_default();
    for shown in [
        "FEEDTITLE",
        "FEEDDATE",
        "FEEDAUTHOR",
        "FEEDCAT",
        "FEEDSUMMARY",
    ] {
        assert!(text.contains(shown), "{shown} in the plain fields: {text}");
    }
    let plain = target.query_selector_all(".plain").unwrap();
    for index in 0..plain.length() {
        let element: Element = plain.item(index).unwrap().dyn_into().unwrap();
        let field = element.get_attribute("data-field").unwrap();
        if !["summary", "image"].contains(&field.as_str()) {
            assert_eq!(
                element.get_attribute("dir").as_deref(),
                Some("auto"),
                "{}",
                element.outer_html()
            );
        }
    }
    target.remove();
}

/// Issue 10, item 9: `image: false` writes no image in any layout or summary mode, template or not, and the
/// template's own image field goes too.
#[wasm_bindgen_test]
fn no_image_element_when_images_are_off() {
    let xml = r#"<rss xmlns:media="http://search.yahoo.com/mrss/"><channel><item><title>t</title><link>https://e.com/1</link>
        <media:thumbnail url="https://e.com/t.png" width="300" height="200"/>
        <description><![CDATA[<p>text <img src="https://e.com/i.png" width="300" height="200"></p>]]></description></item></channel></rss>"#;
    let page = template("<article><img data-field=image src=https://e.com/own.png><div data-field=summary></div></article>");
    for with_template in [false, true] {
        for layout in ["list", "cards", "compact"] {
            for mode in ["html", "text"] {
                for image in [true, false] {
                    let object = options(&[
                        ("summaryMode", mode.into()),
                        ("layout", layout.into()),
                        ("image", image.into()),
                    ]);
                    let target = container();
                    feedlet::render_feed(
                        &target,
                        xml.into(),
                        object.into(),
                        with_template.then(|| page.clone()),
                    )
                    .expect("render");
                    let images = target.query_selector_all("img").unwrap().length();
                    let case = format!("{mode} {layout} template={with_template} image={image}");
                    if image {
                        // The control: the same feed shows images when they are on.
                        let expected = match (with_template, layout, mode) {
                            (true, _, "html") => 2,
                            (true, _, _) => 1,
                            (false, "cards", "html") => 2,
                            (false, "cards", _) => 1,
                            (false, "list", "html") => 1,
                            _ => 0,
                        };
                        assert_eq!(images, expected, "{case}");
                    } else {
                        assert_eq!(images, 0, "{case}");
                    }
                    target.remove();
                }
            }
        }
    }
}

/// Issue 10, item 1: an item with no link, rendered with no base, keeps no relative `href` or `src`, so the
/// browser resolves nothing against the page.
#[wasm_bindgen_test]
fn relative_urls_with_no_base_are_dropped_in_the_dom() {
    let xml = r#"<rss><channel><item><title>t</title><description><![CDATA[<p><a href="/logout">a</a> <img src="/logout" width="300" height="200"> <img src="https:/logout"></p>]]></description></item></channel></rss>"#;
    let page = template("<article><a data-field=title href=/own></a><img data-field=image><div data-field=summary></div></article>");
    for with_template in [false, true] {
        for layout in ["list", "cards"] {
            let object = options(&[("summaryMode", "html".into()), ("layout", layout.into())]);
            let target = container();
            feedlet::render_feed(
                &target,
                xml.into(),
                object.into(),
                with_template.then(|| page.clone()),
            )
            .expect("render");
            let html = target.inner_html();
            assert!(!html.contains("logout"), "{layout} {with_template}: {html}");
            assert!(
                target.query_selector("[src], [href]").unwrap().is_none(),
                "{html}"
            );
            assert!(target.text_content().unwrap_or_default().contains('a'));
            target.remove();
        }
    }
}

/// The Worker's path (`selectFeeds`, then `renderFeeds` of the narrowed feeds with `offset: 0`) renders what
/// `renderFeeds` of the bytes renders, rich summaries parsed by the browser included: every fixture alone and each
/// with the next one merged, under options that reach the selection and both summary modes.
#[wasm_bindgen_test]
fn the_narrowed_feeds_render_as_the_feeds_do() {
    let option_sets: [&[(&str, JsValue)]; 5] = [
        &[],
        &[("summary", "html".into())],
        &[
            ("summary", "html".into()),
            ("layout", "cards".into()),
            ("offset", 1.0.into()),
            ("limit", 3.0.into()),
        ],
        &[
            ("sort", "feed".into()),
            ("offset", 2.0.into()),
            ("author", true.into()),
            ("categories", true.into()),
        ],
        &[("layout", "cards".into()), ("limit", 50.0.into())],
    ];
    let sources = |names: &[&[u8]]| {
        let list = js_sys::Array::new();
        for bytes in names {
            list.push(&browser::options(&[(
                "input",
                Uint8Array::from(*bytes).into(),
            )]));
        }
        list
    };
    let mut compared = 0;
    for (i, (name, bytes)) in FIXTURES.iter().enumerate() {
        let next = FIXTURES[(i + 1) % FIXTURES.len()].1;
        for inputs in [vec![*bytes], vec![*bytes, next]] {
            for pairs in option_sets {
                let mut all = vec![("locale", "en-US".into()), ("timeZone", "UTC".into())];
                all.extend(pairs.iter().cloned());
                let object = browser::options(&all);
                let whole = container();
                feedlet::render_feeds(&whole, sources(&inputs), object.clone().into(), None)
                    .expect("render");
                let selection =
                    feedlet::select_feeds(sources(&inputs), object.clone().into()).expect("select");
                let feeds: js_sys::Array = Reflect::get(&selection, &"feeds".into())
                    .unwrap()
                    .unchecked_into();
                let narrowed = js_sys::Array::new();
                for feed in feeds.iter().filter(|f| !f.is_null()) {
                    narrowed.push(&browser::options(&[("input", feed)]));
                }
                Reflect::set(&object, &"offset".into(), &0.0.into()).unwrap();
                let part = container();
                feedlet::render_feeds(&part, narrowed, object.into(), None)
                    .expect("render narrowed");
                assert_eq!(
                    part.inner_html(),
                    whole.inner_html(),
                    "{name} ({} feeds) with {pairs:?}",
                    inputs.len()
                );
                whole.remove();
                part.remove();
                compared += 1;
            }
        }
    }
    assert_eq!(compared, FIXTURES.len() * 2 * 5);
}
