//! Text: titles and summaries are plain text; Atom text/html/xhtml, CDATA and escaped HTML each decode once;
//! content keeps its HTML; summaries are built from content when missing; HTML entities are decoded.

use feedlet::Markup;

use crate::{parse_fixture, parse_str, summaries};

fn content_of(entry: &feedlet::Entry<'_>) -> (Markup, Option<String>, Option<String>) {
    let content = entry.content.as_ref().unwrap();
    (
        content.markup,
        content.body.as_ref().map(|b| b.decoded().into_owned()),
        content.src.as_deref().map(str::to_owned),
    )
}

#[test]
fn atom_text_html_and_xhtml_constructs() {
    let feed = parse_fixture("atom-text-constructs.xml");
    assert_eq!(feed.title.as_deref(), Some("Text & markup: <not a tag>"));
    let titles: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.title.as_deref().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Less <b>than</b> & more",
            "Escaped HTML title & more",
            "Inline XHTML & title",
            "CDATA HTML title & ampersand",
            "Out-of-line content",
        ]
    );
    assert_eq!(
        summaries(&feed),
        [
            Some("Plain text with newlines".to_owned()),
            Some("Escaped HTML summary".to_owned()),
            Some("Prefixed XHTML summary".to_owned()),
            Some("CDATA summary with a link".to_owned()),
            None,
        ]
    );
    // Content keeps its HTML as given.
    assert_eq!(
        content_of(&feed.entries[1]),
        (
            Markup::Html,
            Some(r#"<p>Escaped <a href="/x">HTML</a> content</p>"#.to_owned()),
            None
        )
    );
    assert_eq!(
        content_of(&feed.entries[2]),
        (
            Markup::Xhtml,
            Some("<p>XHTML <em>content</em> &lt;kept&gt;</p>".to_owned()),
            None
        )
    );
    assert_eq!(
        content_of(&feed.entries[3]),
        (
            Markup::Html,
            Some("<p>CDATA <i>content</i></p>".to_owned()),
            None
        )
    );
}

#[test]
fn atom_content_src_keeps_the_url() {
    let feed = parse_fixture("atom-text-constructs.xml");
    assert_eq!(
        content_of(&feed.entries[4]),
        (
            Markup::Html,
            None,
            Some("https://text.example.org/elsewhere.html".to_owned())
        )
    );
    // The seed feed's shape: `<content src>` with a summary.
    let korean = parse_fixture("atom10-korean.xml");
    let content = korean.entries[0].content.as_ref().unwrap();
    assert_eq!(
        content.src.as_deref(),
        Some("https://dev.example.kr/posts/transaction/")
    );
    assert!(content.body.is_none());
}

#[test]
fn the_jekyll_amp_quot_case() {
    let feed = parse_fixture("jekyll-quot.xml");
    assert_eq!(feed.title.as_deref(), Some("Jekyll & Friends"));
    let entry = &feed.entries[0];
    assert_eq!(entry.title.as_deref(), Some("\"따옴표\"가 있는 제목"));
    assert_eq!(
        entry.summary_text().as_deref(),
        Some("The jekyll-feed summary says \"hello\" & it's escaped twice.")
    );
    // Content is decoded once (XML) and keeps its HTML, with its xml:base recorded.
    let content = entry.content.as_ref().unwrap();
    assert_eq!(
        content.body.as_ref().unwrap().decoded(),
        r#"<p>본문에서 <img src="/assets/img/cover.png" alt="cover" /> 이미지.</p>"#
    );
    assert_eq!(
        content.base.as_deref(),
        Some("https://jekyll.example.io/posts/quotes/")
    );
}

#[test]
fn summary_is_built_from_content_when_missing() {
    let feed = parse_fixture("summary-from-content.xml");
    let texts = summaries(&feed);
    assert_eq!(
        texts[0].as_deref(),
        Some("Heading The first paragraph becomes the summary when there is no description. Second paragraph.")
    );
    assert_eq!(
        texts[1].as_deref(),
        Some("From content."),
        "a blank description is no summary"
    );
    let long = texts[2].as_deref().unwrap();
    assert!(long.ends_with('…'), "{long}");
    assert!(long.chars().count() <= 301, "{}", long.chars().count());
    // The content itself is untouched.
    assert!(feed.entries[0].summary.is_none());
    assert!(feed.entries[0]
        .content
        .as_ref()
        .unwrap()
        .body
        .as_ref()
        .unwrap()
        .decoded()
        .contains("<script>"));
}

#[test]
fn undeclared_html_entities_and_bare_ampersands() {
    let feed = parse_fixture("html-entities.xml");
    assert_eq!(feed.title.as_deref(), Some("Café — undeclared entities"));
    assert_eq!(
        feed.subtitle.as_deref(),
        Some("Non breaking… © 2026 & AT&T")
    );
    let entry = &feed.entries[0];
    assert_eq!(entry.title.as_deref(), Some("Résumé – “quoted” …"));
    assert_eq!(
        entry.summary_text().as_deref(),
        Some("Fish & chips & a bare ampersand, &unknownentity; stays, © ☃ €")
    );
    assert_eq!(
        entry.link.as_deref(),
        Some("https://entities.example.com/a?x=1&y=2")
    );
    assert_eq!(entry.categories, ["Q&A"]);
    // The whole HTML 4 set is known, in titles of every format.
    let feed = parse_str(
        "<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>&alpha;&Omega;&there4;&spades;&iexcl;&yuml;&thorn;&lsaquo;&trade;</title></entry></feed>",
    );
    assert_eq!(feed.entries[0].title.as_deref(), Some("αΩ∴♠¡ÿþ‹™"));
}

#[test]
fn entities_next_to_multibyte_text_are_decoded() {
    // A reference followed closely by Korean text (3 bytes a character) used to be left undecoded.
    let feed = parse_str(
        "<rss><channel><item><title>&amp;lt;p&amp;gt;가나다라마바사아자차카타파하</title>\
         <description>&lt;p&gt;&lt;b&gt;한국어&lt;/b&gt;&lt;/p&gt;가나다라마바사아자차카타파하</description></item></channel></rss>",
    );
    assert_eq!(
        feed.entries[0].title.as_deref(),
        Some("<p>가나다라마바사아자차카타파하")
    );
    assert_eq!(
        feed.entries[0].summary_text().as_deref(),
        Some("한국어 가나다라마바사아자차카타파하")
    );
}

#[test]
fn whitespace_is_collapsed_in_titles() {
    let feed =
        parse_str("<rss><channel><title>\n  Spaced\t\tout \n title  </title></channel></rss>");
    assert_eq!(feed.title.as_deref(), Some("Spaced out title"));
}

#[test]
fn naked_markup_in_a_text_field_is_stripped() {
    let feed = parse_str(
        r#"<feed version="0.3" xmlns="http://purl.org/atom/ns#"><entry><title><b>Bold</b> title</title><summary><p>Inline</p></summary></entry></feed>"#,
    );
    assert_eq!(feed.entries[0].title.as_deref(), Some("Bold title"));
    assert_eq!(feed.entries[0].summary_text().as_deref(), Some("Inline"));
}

#[test]
fn json_feed_text_decodes_html_references_once() {
    let feed = parse_fixture("jsonfeed10.json");
    assert_eq!(feed.title.as_deref(), Some("Microblog & Notes"));
    assert_eq!(
        feed.entries[1].summary_text().as_deref(),
        Some("A link post without a title. It points elsewhere."),
        "content_text becomes the summary"
    );
}

#[test]
fn rss_titles_are_html_only_when_they_look_like_html() {
    let feed = parse_str(
        "<rss><channel><title>Vec&lt;T&gt; blog</title>\
         <item><title>Java Optional&lt;T&gt; 정리 &amp; List&lt;String&gt;</title><category>Generic&lt;T&gt;</category></item>\
         <item><title><![CDATA[Optional<T> in <b>bold</b>]]></title></item>\
         <item><title>&amp;quot;따옴표&amp;quot; AT&amp;T</title></item>\
         <item><title>a &lt; b &gt; c</title></item>\
         </channel></rss>",
    );
    assert_eq!(feed.title.as_deref(), Some("Vec<T> blog"));
    let titles: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.title.as_deref().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Java Optional<T> 정리 & List<String>",
            // Real HTML makes the whole title HTML, so the unknown `<T>` goes with it.
            "Optional in bold",
            "\"따옴표\" AT&T",
            "a < b > c",
        ]
    );
    assert_eq!(feed.entries[0].categories, ["Generic<T>"]);
}
