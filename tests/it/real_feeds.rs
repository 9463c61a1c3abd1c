//! Issue 11, "Real feeds, round two": what real publishers send, read by tolerant rules, each with a warning
//! (line and column) where the feed is at fault.

use feedlet::Feed;

use crate::{has_warning, parse_fixture};

/// The line of the first warning whose message holds `needle`.
fn warning_line(feed: &Feed<'_>, needle: &str) -> u32 {
    let warning = feed
        .warnings
        .iter()
        .find(|w| w.message.contains(needle))
        .unwrap_or_else(|| panic!("no warning with {needle:?} in {:?}", feed.warnings));
    warning.line
}

/// The entries' titles.
fn titles(feed: &Feed<'_>) -> Vec<String> {
    feed.entries
        .iter()
        .map(|e| e.title.as_deref().unwrap_or("").to_owned())
        .collect()
}

// Class 1: RSS or Atom in an unexpected default namespace.

#[test]
fn rss_in_the_harvard_namespace_is_read_with_a_warning() {
    let feed = parse_fixture("ns-rss-harvard.xml");
    assert_eq!(feed.title.as_deref(), Some("Harvard Namespace Weekly"));
    assert_eq!(titles(&feed), ["Twenty posts, not zero", "Second item"]);
    assert_eq!(
        feed.entries[0].link.as_deref(),
        Some("https://weekly.example.org/2023/03/twenty")
    );
    assert!(feed.entries[0].published.is_some());
    assert_eq!(warning_line(&feed, "unknown namespace"), 2);
}

#[test]
fn rss_in_userlands_namespace_is_read_with_a_warning() {
    let feed = parse_fixture("ns-rss-userland.xml");
    assert_eq!(titles(&feed), ["Outlines all the way down"]);
    assert_eq!(warning_line(&feed, "read as RSS"), 2);
}

#[test]
fn atom_in_a_draft_or_unknown_namespace_is_read_as_atom() {
    let draft = parse_fixture("ns-atom-draft.xml");
    assert_eq!(draft.title.as_deref(), Some("Draft Namespace Diary"));
    assert_eq!(titles(&draft), ["Written against a pre-1.0 draft"]);
    assert_eq!(
        draft.entries[0].link.as_deref(),
        Some("http://diary.example.net/2004/02/draft")
    );
    assert!(draft.entries[0].published.is_some());
    assert_eq!(warning_line(&draft, "read as Atom"), 2);
    let unknown = parse_fixture("ns-atom-unknown.xml");
    assert_eq!(
        titles(&unknown),
        ["An Atom 0.3 feed in a made-up namespace"]
    );
    assert_eq!(warning_line(&unknown, "read as Atom"), 2);
}

#[test]
fn known_namespaces_carry_no_namespace_warning() {
    for name in ["atom03.xml", "rss20-japanese.xml", "atom10-korean.xml"] {
        let feed = parse_fixture(name);
        assert!(
            !has_warning(&feed, "namespace"),
            "{name}: {:?}",
            feed.warnings
        );
    }
}

#[test]
fn entries_that_cannot_be_read_are_never_silent() {
    let feed = parse_fixture("entries-unreadable.xml");
    assert!(feed.entries.is_empty());
    assert_eq!(warning_line(&feed, "entries feedlet could not read"), 5);
}

// Class 8: a feed inside a page.

#[test]
fn a_feed_inside_an_xhtml_page_is_read_from_its_feed_element() {
    let feed = parse_fixture("feed-in-xhtml-page.xhtml");
    assert_eq!(feed.title.as_deref(), Some("Wrapped Feed"));
    assert_eq!(titles(&feed), ["Served inside a page"]);
    assert_eq!(warning_line(&feed, "inside an HTML page"), 6);
    let rss = parse_fixture("feed-in-html-page.html");
    assert_eq!(titles(&rss), ["Item in a page"]);
    assert_eq!(warning_line(&rss, "inside an HTML page"), 3);
}

// Class 10: Media RSS groups.

#[test]
fn media_group_gives_the_summary_title_and_thumbnail_when_the_entry_has_none() {
    let feed = parse_fixture("media-group-youtube.xml");
    let first = &feed.entries[0];
    assert_eq!(first.title.as_deref(), Some("Building a bench & a shelf"));
    assert_eq!(
        first.summary_text().as_deref(),
        Some("Oak offcuts, two evenings. Tools: a saw & a plane. Links below.")
    );
    let image = first.image.as_ref().unwrap();
    assert_eq!(image.url, "https://img.example.com/vi/abc123/hqdefault.jpg");
    assert_eq!((image.width, image.height), (Some(480), Some(360)));
    let second = &feed.entries[1];
    assert_eq!(second.title.as_deref(), Some("Only the media title"));
    assert_eq!(
        second.summary_text().as_deref(),
        Some("Its own summary wins.")
    );
    assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);
}

// Class 2: element names in the wrong case.

#[test]
fn rss_names_in_the_wrong_case_are_read() {
    let feed = parse_fixture("names-wrong-case.xml");
    assert_eq!(feed.title.as_deref(), Some("Case Insensitive Radio"));
    assert_eq!(feed.link.as_deref(), Some("https://radio.example.com/"));
    assert!(feed.updated.is_some());
    assert_eq!(
        titles(&feed),
        ["Episode 12: Shouting names", "Episode 11: lower case"]
    );
    let first = &feed.entries[0];
    assert_eq!(first.link.as_deref(), Some("https://radio.example.com/12"));
    assert_eq!(
        first.published.as_ref().unwrap().timestamp,
        Some(1_675_929_600)
    );
    assert_eq!(first.authors[0].name, "Pat Host");
    assert_eq!(
        first.image.as_ref().map(|i| i.url.as_str()),
        Some("https://radio.example.com/12.jpg")
    );
    let second = &feed.entries[1];
    assert_eq!(
        second.published.as_ref().unwrap().timestamp,
        Some(1_675_324_800)
    );
    assert_eq!(
        second.summary_text().as_deref(),
        Some("A summary with a capital S.")
    );
    assert_eq!(warning_line(&feed, "wrong case"), 3);
}

// Class 3: categories in other places.

#[test]
fn categories_from_a_wrapper_media_itunes_and_dublin_core() {
    let feed = parse_fixture("categories-other-places.xml");
    assert_eq!(feed.entries[0].categories, ["News", "Science & Nature"]);
    assert_eq!(
        feed.entries[1].categories,
        [
            "Documentary",
            "Technology",
            "Podcasting",
            "Arts & Design",
            "Interviews"
        ]
    );
    assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);
}

// Class 6: an RSS author with child elements.

#[test]
fn an_rss_author_with_child_elements_gives_the_name_only() {
    let feed = parse_fixture("authors-with-children.xml");
    assert_eq!(feed.entries[0].authors.len(), 1);
    assert_eq!(feed.entries[0].authors[0].name, "Alex Rivera");
    assert_eq!(feed.entries[1].authors[0].name, "Sam Lee");
    assert_eq!(warning_line(&feed, "only its <name>"), 10);
}

// Class 7: an Atom entry with no link but an http(s) id.

#[test]
fn an_atom_entry_without_a_link_links_to_its_http_id() {
    let feed = parse_fixture("atom-id-as-link.xml");
    assert_eq!(
        feed.entries[0].link.as_deref(),
        Some("https://ids.example.net/posts/no-link")
    );
    assert_eq!(feed.entries[1].link, None);
    assert_eq!(warning_line(&feed, "its http(s) id was used"), 6);
    assert_eq!(feed.warnings.len(), 1, "{:?}", feed.warnings);
}

// Class 9: channel and item metadata from common namespaces.

#[test]
fn authors_and_dates_from_dublin_core_and_the_channel() {
    let feed = parse_fixture("metadata-common-namespaces.xml");
    assert_eq!(feed.authors[0].name, "Channel Writer");
    assert_eq!(
        feed.updated.as_ref().unwrap().timestamp,
        Some(1_614_834_367)
    );
    let stamp = |i: usize| feed.entries[i].published.as_ref().unwrap().timestamp;
    assert_eq!(stamp(0), Some(1_614_592_800));
    assert_eq!(stamp(1), Some(1_612_173_600));
    assert_eq!(
        feed.entries[1].updated.as_ref().unwrap().timestamp,
        Some(1_612_260_000)
    );
    assert_eq!(stamp(2), Some(1_610_712_000));
    assert_eq!(feed.entries[0].authors[0].name, "Dana Author");
    assert_eq!(feed.entries[1].authors[0].name, "Channel Writer");
}

#[test]
fn rdf_about_is_an_rss_1_items_id() {
    let feed = parse_fixture("rss10-rdf-about.rdf");
    assert_eq!(feed.entries[0].id, "https://rdf.example.com/items/1");
    assert_eq!(
        feed.entries[0].link.as_deref(),
        Some("https://rdf.example.com/items/1?from=rss")
    );
    assert_eq!(feed.authors[0].name, "Robin RDF");
}

// Class 5: markup escaped twice.

#[test]
fn markup_escaped_twice_is_text_not_a_tag() {
    let feed = parse_fixture("double-escaped-title.xml");
    assert_eq!(
        feed.entries[0].title.as_deref(),
        Some("Using the <pre> element for code")
    );
    assert_eq!(
        feed.entries[0].summary_text().as_deref(),
        Some("<b>bold</b> is written as text here.")
    );
    assert_eq!(
        feed.entries[1].title.as_deref(),
        Some("Once-escaped markup is still HTML")
    );
}

// Class 11: Atom 0.3 and old forms.

#[test]
fn atom03_link_as_text_and_a_base64_body() {
    let feed = parse_fixture("atom03-old-forms.xml");
    assert_eq!(feed.link.as_deref(), Some("http://old.example.org/"));
    let entry = &feed.entries[0];
    assert_eq!(
        entry.link.as_deref(),
        Some("http://old.example.org/2004/05/base64")
    );
    let content = entry.content.as_ref().unwrap();
    assert_eq!(
        content.body.as_ref().unwrap().plain_text(),
        "An encoded body."
    );
    assert_eq!(warning_line(&feed, "URL as text"), 4);
}

#[test]
fn atom10_bodies_of_a_non_text_type_are_base64() {
    let feed = parse_fixture("atom10-base64-content.xml");
    let octets = feed.entries[0].content.as_ref().unwrap();
    assert_eq!(
        octets.body.as_ref().unwrap().plain_text(),
        "Plain words from an octet stream, café."
    );
    let png = &feed.entries[1];
    assert!(png.content.is_none());
    assert_eq!(png.summary_text().as_deref(), Some("Its summary stays."));
    assert_eq!(warning_line(&feed, "base64 body that is not text"), 22);
}

#[test]
fn xhtml_body_and_fullitem_are_rss_content() {
    let feed = parse_fixture("rss-xhtml-body-fullitem.xml");
    let xhtml = feed.entries[0].content.as_ref().unwrap();
    assert_eq!(xhtml.body.as_ref().unwrap().plain_text(), "The whole post.");
    assert_eq!(
        feed.entries[0].summary_text().as_deref(),
        Some("Short description.")
    );
    let full = feed.entries[1].content.as_ref().unwrap();
    assert_eq!(
        full.body.as_ref().unwrap().plain_text(),
        "Everything, escaped."
    );
}
