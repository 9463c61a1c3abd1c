//! Authors (Atom and JSON inheritance, RSS author / dc:creator / managingEditor), link selection,
//! xml:base chains, the document URL and channel link as bases, and RFC 3986 resolution.

use crate::{parse_fixture, parse_str, parse_with_base};

fn author_names(entry: &feedlet::Entry<'_>) -> Vec<String> {
    entry.authors.iter().map(|a| a.name.to_string()).collect()
}

fn links<'f>(feed: &'f feedlet::Feed<'_>) -> Vec<Option<&'f str>> {
    feed.entries.iter().map(|e| e.link.as_deref()).collect()
}

#[test]
fn atom_entries_inherit_the_feed_authors() {
    let feed = parse_fixture("authors-atom.xml");
    assert_eq!(author_names(&feed.entries[0]), ["Feed Author", "Co Author"]);
    assert_eq!(
        feed.entries[0].authors[0].email.as_deref(),
        Some("feed@example.org")
    );
    assert_eq!(
        author_names(&feed.entries[1]),
        ["Entry Author"],
        "own author wins, contributors are not authors"
    );
    assert_eq!(
        feed.entries[1].authors[0].uri.as_deref(),
        Some("/people/entry"),
        "no base: stays relative"
    );
    assert_eq!(author_names(&feed.entries[2]), ["only-email@example.org"]);
}

#[test]
fn json_items_inherit_the_top_level_authors() {
    let feed = parse_fixture("jsonfeed11.json");
    assert_eq!(author_names(&feed.entries[0]), ["Guest"]);
    assert_eq!(
        feed.entries[0].authors[0].uri.as_deref(),
        Some("https://guest.example.net/")
    );
    assert_eq!(author_names(&feed.entries[1]), ["Aiko", "민준"]);
    let v10 = parse_fixture("jsonfeed10.json");
    assert_eq!(author_names(&v10.entries[0]), ["Jo Writer"]);
}

#[test]
fn rss_authors() {
    let feed = parse_fixture("authors-rss.xml");
    let names: Vec<Vec<String>> = feed.entries.iter().map(author_names).collect();
    assert_eq!(
        names,
        [
            vec!["Alice Example"],
            vec!["Bob Example"],
            vec!["Carol Example"],
            vec!["dan@people.example.com", "Erin Example"],
            vec!["Managing Editor"],
        ]
    );
    assert_eq!(
        feed.entries[0].authors[0].email.as_deref(),
        Some("alice@people.example.com")
    );
    assert_eq!(
        feed.entries[1].authors[0].email.as_deref(),
        Some("bob@people.example.com")
    );
    // managingEditor is the channel's author only as a last resort; webMaster never is.
    let names: Vec<&str> = feed.authors.iter().map(|a| a.name.as_ref()).collect();
    assert_eq!(names, ["Managing Editor"]);
    // A channel's dc:creator or itunes:author comes before managingEditor.
    let podcast = parse_fixture("authors-rss-channel-creator.xml");
    assert_eq!(podcast.authors[0].name, "The Podcast People");
    assert_eq!(
        author_names(&podcast.entries[0]),
        ["Guest Host"],
        "item itunes:author"
    );
    assert_eq!(author_names(&podcast.entries[1]), ["The Podcast People"]);
}

#[test]
fn atom_link_selection() {
    let feed = parse_fixture("links-atom.xml");
    assert_eq!(feed.link.as_deref(), Some("https://links.example.org/"));
    assert_eq!(
        feed.feed_url.as_deref(),
        Some("https://links.example.org/atom.xml")
    );
    assert_eq!(
        links(&feed),
        [
            Some("https://links.example.org/1"),
            Some("https://links.example.org/2"),
            Some("https://links.example.org/3"),
            None,
        ]
    );
    assert!(
        crate::has_warning(&feed, "not http(s)"),
        "{:?}",
        feed.warnings
    );
}

#[test]
fn rss_link_selection() {
    let feed = parse_fixture("links-rss.xml");
    assert_eq!(
        feed.link.as_deref(),
        Some("https://rsslinks.example.com/"),
        "trimmed"
    );
    assert_eq!(
        feed.feed_url.as_deref(),
        Some("https://rsslinks.example.com/feed/"),
        "atom:link rel=self"
    );
    assert_eq!(
        links(&feed),
        [
            Some("https://rsslinks.example.com/trimmed"),
            Some("https://rsslinks.example.com/from-guid"),
            Some("https://rsslinks.example.com/from-default-guid"),
            None,
            None,
            Some("https://rsslinks.example.com/relative/path?q=1#frag"),
        ]
    );
    // The RSS <link> comes before an Atom-style link in the same item.
    let feed = parse_str(
        r#"<rss xmlns:atom="http://www.w3.org/2005/Atom"><channel><item><atom:link rel="alternate" href="https://a.example/atom"/><link>https://a.example/rss</link></item></channel></rss>"#,
    );
    assert_eq!(
        feed.entries[0].link.as_deref(),
        Some("https://a.example/rss")
    );
}

#[test]
fn json_link_selection() {
    let feed = parse_fixture("jsonfeed11.json");
    assert_eq!(
        feed.entries[0].link.as_deref(),
        Some("https://multi.example.org/posts/3"),
        "relative url resolved"
    );
    assert_eq!(
        feed.entries[2].link.as_deref(),
        Some("https://multi.example.org/posts/1"),
        "url before external_url"
    );
    let v10 = parse_fixture("jsonfeed10.json");
    assert_eq!(
        v10.entries[1].link.as_deref(),
        Some("https://elsewhere.example.org/article"),
        "external_url"
    );
}

#[test]
fn xml_base_chains_nest_per_element() {
    let feed = parse_fixture("xml-base.xml");
    assert_eq!(feed.link.as_deref(), Some("https://base.example.org/blog/"));
    assert_eq!(
        feed.feed_url.as_deref(),
        Some("https://base.example.org/blog/feed.atom")
    );
    assert_eq!(
        feed.icon.as_deref(),
        Some("https://base.example.org/static/icon.png")
    );
    assert_eq!(
        links(&feed),
        [
            Some("https://base.example.org/blog/2026/03/first-post/"),
            Some("https://base.example.org/absolute-path"),
            Some("https://other.example.com/y/z?a=b"),
        ]
    );
    let first = &feed.entries[0];
    assert_eq!(
        first.image.as_ref().unwrap().url,
        "https://base.example.org/blog/img/thumb.jpg"
    );
    assert_eq!(
        first.content.as_ref().unwrap().base.as_deref(),
        Some("https://cdn.example.net/posts/1/"),
        "content records its own base"
    );
    assert_eq!(
        feed.entries[1].authors[0].uri.as_deref(),
        Some("https://base.example.org/blog/authors/base")
    );
}

#[test]
fn the_document_url_is_the_base_without_xml_base() {
    let feed = parse_fixture("base-document-url.xml");
    assert_eq!(feed.link.as_deref(), Some("https://docs.example.com/"));
    assert_eq!(
        links(&feed),
        [
            Some("https://docs.example.com/feeds/sub/posts/one.html"),
            Some("https://docs.example.com/up/two.html?x=1"),
        ]
    );
    // xml:base outranks the document URL, and is itself resolved against it.
    let feed = parse_with_base(
        r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/other/"><entry><link href="x"/></entry></feed>"#,
        "https://doc.example.com/feeds/atom.xml",
    );
    assert_eq!(
        feed.entries[0].link.as_deref(),
        Some("https://doc.example.com/other/x")
    );
}

#[test]
fn the_channel_link_is_the_last_resort() {
    let feed = parse_fixture("base-channel-link.xml");
    assert_eq!(
        links(&feed),
        [
            Some("https://channel.example.com/blog/posts/relative"),
            Some("https://channel.example.com/root"),
        ]
    );
    assert_eq!(
        feed.entries[0].image.as_ref().unwrap().url,
        "https://channel.example.com/blog/images/relative.jpg"
    );
    // With no base at all a relative link stays relative (it is still safe to render).
    let feed = parse_str("<rss><channel><item><link>/just/a/path</link></item></channel></rss>");
    assert_eq!(feed.entries[0].link.as_deref(), Some("/just/a/path"));
}

#[test]
fn only_safe_urls_survive() {
    assert_eq!(
        feedlet::safe_url(None, "https://ok.example/").as_deref(),
        Some("https://ok.example/")
    );
    assert_eq!(
        feedlet::safe_url(Some("https://b.example/x/"), "y").as_deref(),
        Some("https://b.example/x/y")
    );
    for bad in [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "file:///etc/passwd",
    ] {
        assert_eq!(
            feedlet::safe_url(Some("https://b.example/"), bad),
            None,
            "{bad}"
        );
    }
}
