//! Tolerance: recover, warn, keep going. Every warning has a message, a line and a column.

use crate::{has_warning, parse_fixture, parse_str};

fn titles(feed: &feedlet::Feed<'_>) -> Vec<String> {
    feed.entries
        .iter()
        .map(|e| e.title.as_deref().unwrap_or("").to_owned())
        .collect()
}

/// Every warning points somewhere real: a message, and a line and column inside the input.
fn check_warnings(feed: &feedlet::Feed<'_>, input: &[u8]) {
    let text = String::from_utf8_lossy(input);
    let lines = text.lines().count().max(1) as u32;
    for warning in &feed.warnings {
        assert!(!warning.message.is_empty());
        assert!(
            warning.line >= 1 && warning.line <= lines + 1,
            "{warning:?} (input has {lines} lines)"
        );
        assert!(warning.column >= 1, "{warning:?}");
    }
}

#[test]
fn a_truncated_feed_keeps_its_entries() {
    let feed = parse_fixture("tolerance-truncated.xml");
    assert_eq!(
        titles(&feed),
        [
            "Complete entry",
            "Second complete entry",
            "The download stopped in this entry"
        ]
    );
    let warning = feed
        .warnings
        .iter()
        .find(|w| w.message.contains("ends before"))
        .unwrap();
    assert_eq!(
        (warning.line, warning.column),
        (18, 7),
        "points at the unclosed <description>"
    );
    check_warnings(&feed, &crate::fixture_bytes("tolerance-truncated.xml"));
    // Cut at every byte of a small feed: never a panic, and the entries before the cut survive.
    let full = crate::fixture_bytes("rss20-japanese.xml");
    for end in 0..full.len() {
        let Some(cut) = full.get(..end) else { continue };
        if let Ok(feed) = feedlet::parse(cut, &feedlet::ParseOptions::default()) {
            if end > full.len() - 30 {
                assert_eq!(feed.entries.len(), 2, "cut at {end}");
            }
        }
    }
}

#[test]
fn mismatched_and_unclosed_tags_keep_every_entry() {
    let feed = parse_fixture("tolerance-mismatched.xml");
    assert_eq!(
        titles(&feed),
        [
            "A misspelled end tag",
            "Unclosed HTML in a description",
            "An item that is never closed",
            "The next item is still read",
            "An unclosed description before the item ends",
            "After all that",
        ]
    );
    let links: Vec<_> = feed
        .entries
        .iter()
        .map(|e| e.link.as_deref().unwrap())
        .collect();
    assert_eq!(links[5], "https://tags.example.com/6");
    assert_eq!(
        feed.entries[1].summary_text().as_deref(),
        Some("Line one line two")
    );
    assert!(has_warning(&feed, "not closed"));
    check_warnings(&feed, &crate::fixture_bytes("tolerance-mismatched.xml"));
    // An unclosed element inside an Atom entry ends with the entry.
    let feed = parse_str(
        r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>one</title><author><name>A</name></entry><entry><title>two</title></entry></feed>"#,
    );
    assert_eq!(titles(&feed), ["one", "two"]);
    assert_eq!(feed.entries[0].authors[0].name, "A");
}

#[test]
fn text_after_the_root_is_ignored() {
    let feed = parse_fixture("tolerance-text-after-root.xml");
    assert_eq!(titles(&feed), ["Kept"]);
    let feed = parse_str("<rss><channel><item><title>one</title></item></channel></rss>\n<rss><channel><item><title>two</title></item></channel></rss>");
    assert_eq!(titles(&feed), ["one"]);
}

#[test]
fn a_broken_entry_is_skipped_with_a_warning() {
    let feed = parse_fixture("tolerance-broken-entry.xml");
    assert_eq!(
        titles(&feed),
        ["Before the broken entry", "After the broken entry"]
    );
    let skipped = feed
        .warnings
        .iter()
        .find(|w| w.message.contains("broken entry"))
        .unwrap();
    assert_eq!(
        (skipped.line, skipped.column),
        (10, 5),
        "points at the broken <item>"
    );
    check_warnings(&feed, &crate::fixture_bytes("tolerance-broken-entry.xml"));
}

#[test]
fn undeclared_entities_and_bare_ampersands() {
    let feed = parse_str("<rss><channel><title>a &nbsp;b &eacute; &hellip; &mdash; & c &amp; d</title></channel></rss>");
    assert_eq!(feed.title.as_deref(), Some("a b é … — & c & d"));
    assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);
}

#[test]
fn internal_dtd_entities_expand_once_and_external_ones_never() {
    let feed = parse_fixture("tolerance-dtd-entities.xml");
    assert_eq!(feed.title.as_deref(), Some("Entity Site feed"));
    assert_eq!(
        feed.entries[0].title.as_deref(),
        Some("Declared Entity Site, nested © &site;, external [&ext;]")
    );
    let warning = feed
        .warnings
        .iter()
        .find(|w| w.message.contains("external entity"))
        .unwrap();
    assert_eq!(warning.line, 2);
}

#[test]
fn warnings_are_capped() {
    let mut xml = String::from("<rss><channel>");
    for i in 0..500 {
        xml.push_str(&format!(
            "<item><title>t{i}</title><link>javascript:alert({i})</link></item>"
        ));
    }
    xml.push_str("</channel></rss>");
    let feed = parse_str(&xml);
    assert_eq!(feed.entries.len(), 500);
    let max = feedlet::ParseOptions::default().max_warnings;
    assert_eq!(feed.warnings.len(), max + 1);
    assert!(
        feed.warnings[max].message.contains("400"),
        "{:?}",
        feed.warnings[max]
    );
}
