//! Categories (Atom label else term, RSS category, dc:subject, JSON tags; unique, in order) and
//! ids (Atom id, guid, JSON id, else the link, else a stable hash: never random).

use crate::{fixture_bytes, fixture_options, parse_bytes, parse_fixture, parse_str};

#[test]
fn atom_label_else_term_without_duplicates() {
    let feed = parse_fixture("categories.xml");
    assert_eq!(
        feed.entries[0].categories,
        ["Rust 🦀", "parsing", "spaced term", "Dublin Core subject"]
    );
}

#[test]
fn rss_category_and_dc_subject_without_duplicates() {
    let feed = parse_fixture("categories-rss.xml");
    assert_eq!(feed.entries[0].categories, ["개발", "Rock & Roll", "일상"]);
}

#[test]
fn json_tags_without_duplicates() {
    let feed = parse_fixture("jsonfeed10.json");
    assert_eq!(feed.entries[0].categories, ["json", "feeds"]);
    let feed = parse_fixture("jsonfeed11.json");
    assert_eq!(feed.entries[0].categories, ["写真", "사진"]);
}

#[test]
fn ids_from_each_source() {
    let atom = parse_fixture("atom10-korean.xml");
    assert_eq!(atom.id.as_deref(), Some("https://dev.example.kr/"));
    assert_eq!(
        atom.entries[0].id,
        "https://dev.example.kr/posts/transaction/"
    );
    let json = parse_fixture("jsonfeed11.json");
    assert_eq!(json.entries[0].id, "tag:multi.example.org,2026:post-3");
    let feed = parse_fixture("ids.xml");
    assert_eq!(
        feed.entries[0].id, "tag:ids.example.com,2026:1",
        "guid, trimmed"
    );
    assert_eq!(feed.entries[1].id, "https://ids.example.com/2", "the link");
    for entry in &feed.entries[2..] {
        assert!(entry.id.starts_with("feedlet:"), "{}", entry.id);
        assert_eq!(entry.id.len(), "feedlet:".len() + 16);
    }
    assert_ne!(feed.entries[2].id, feed.entries[3].id);
    // JSON and RSS feeds without an id use their feed URL, else their link.
    assert_eq!(
        json.id.as_deref(),
        Some("https://multi.example.org/feed.json")
    );
    assert_eq!(feed.id.as_deref(), Some("https://ids.example.com/"));
}

#[test]
fn hashed_ids_are_stable_across_parses() {
    let bytes = fixture_bytes("ids.xml");
    let first = parse_bytes(&bytes, &fixture_options("ids.xml")).unwrap();
    let second = parse_bytes(&bytes, &fixture_options("ids.xml")).unwrap();
    let ids = |f: &feedlet::Feed<'_>| {
        f.entries
            .iter()
            .map(|e| e.id.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&first), ids(&second));
    // The hash depends on title and date only, not on where the entry sits.
    let a = parse_str("<rss><channel><item><title>Same</title><pubDate>Mon, 02 Mar 2026 00:00:00 GMT</pubDate></item></channel></rss>");
    let b = parse_str("<rss><channel><title>Other feed</title><item><description>x</description></item><item><title>Same</title><pubDate>Mon, 02 Mar 2026 00:00:00 GMT</pubDate></item></channel></rss>");
    assert_eq!(a.entries[0].id, b.entries[1].id);
    assert_eq!(
        a.entries[0].id, "feedlet:62291d1e91569195",
        "the hash must not change between releases"
    );
}
