//! Dates: every accepted form normalizes to UTC `YYYY-MM-DDTHH:MM:SSZ`; unreadable ones keep their raw string;
//! `published` falls back to `dc:date`; nothing derived from a date panics or overflows.

use feedlet::{format_utc, parse_date};

use crate::{iso, parse_fixture};

/// The date layer's check: `input` reads as `expected` (an ISO UTC string), or not at all (`None`).
fn check(input: &str, expected: Option<&str>) {
    assert_eq!(
        parse_date(input).map(format_utc).as_deref(),
        expected,
        "{input:?}"
    );
}

#[test]
fn rfc_3339_and_w3c_dtf() {
    check("2026-03-06T15:00:00Z", Some("2026-03-06T15:00:00Z"));
    check("2026-03-07T00:00:00+09:00", Some("2026-03-06T15:00:00Z"));
    check("2026-03-06t15:00:00z", Some("2026-03-06T15:00:00Z"));
    check("2026-03-06 15:00:00Z", Some("2026-03-06T15:00:00Z"));
    check(
        "2026-03-07T00:00:00.123456+09:00",
        Some("2026-03-06T15:00:00Z"),
    );
    check("2026-03-06T10:00:00-05:00", Some("2026-03-06T15:00:00Z"));
    // W3C-DTF: date only, year-month, year, no seconds.
    check("2026-03-06", Some("2026-03-06T00:00:00Z"));
    check("2026-03", Some("2026-03-01T00:00:00Z"));
    check("2026", Some("2026-01-01T00:00:00Z"));
    check("2026-03-07T00:00+09:00", Some("2026-03-06T15:00:00Z"));
    check("1997-07-16T19:20+01:00", Some("1997-07-16T18:20:00Z"));
}

#[test]
fn rfc_822_with_offsets_and_named_zones() {
    let same_instant = [
        "Fri, 06 Mar 2026 15:00:00 +0000",
        "Sat, 07 Mar 2026 00:00:00 +0900",
        "Fri, 06 Mar 2026 15:00:00 GMT",
        "Fri, 06 Mar 2026 15:00:00 UT",
        "Fri, 06 Mar 2026 15:00:00 UTC",
        "Fri, 06 Mar 2026 15:00:00 Z",
        "Fri, 06 Mar 2026 10:00:00 EST",
        "Fri, 06 Mar 2026 11:00:00 EDT",
        "Fri, 06 Mar 2026 09:00:00 CST",
        "Fri, 06 Mar 2026 10:00:00 CDT",
        "Fri, 06 Mar 2026 08:00:00 MST",
        "Fri, 06 Mar 2026 09:00:00 MDT",
        "Fri, 06 Mar 2026 07:00:00 PST",
        "Fri, 06 Mar 2026 08:00:00 PDT",
        "Sat, 07 Mar 2026 00:00:00 KST",
        "Sat, 07 Mar 2026 00:00:00 JST",
        "Fri, 06 Mar 2026 16:00:00 CET",
        "Fri, 06 Mar 2026 17:00:00 CEST",
        "Fri, 06 Mar 2026 15:00:00 -0000",
        "Fri, 06 Mar 2026 10:00:00 -05:00",
    ];
    for input in same_instant {
        check(input, Some("2026-03-06T15:00:00Z"));
    }
}

#[test]
fn rfc_822_variants_found_in_real_feeds() {
    // No weekday, a wrong weekday, two-digit years, full names, no seconds, one-digit days, odd spacing.
    check("06 Mar 2026 15:00:00 GMT", Some("2026-03-06T15:00:00Z"));
    check(
        "Mon, 06 Mar 2026 15:00:00 GMT",
        Some("2026-03-06T15:00:00Z"),
    );
    check("Fri, 06 Mar 26 15:00:00 GMT", Some("2026-03-06T15:00:00Z"));
    check("Sun, 06 Mar 99 15:00:00 GMT", Some("1999-03-06T15:00:00Z"));
    check(
        "Friday, 06 March 2026 15:00:00 GMT",
        Some("2026-03-06T15:00:00Z"),
    );
    check("Fri, 06 Mar 2026 15:00 GMT", Some("2026-03-06T15:00:00Z"));
    check(
        "Fri, 6 Mar 2026 15:00:00 +0000",
        Some("2026-03-06T15:00:00Z"),
    );
    check(
        "Fri,  6 Mar 2026  15:00:00  GMT",
        Some("2026-03-06T15:00:00Z"),
    );
    check(
        "Thu, 01 Jan 2004 19:48:21 GMT",
        Some("2004-01-01T19:48:21Z"),
    );
    check(
        "Sat, 07 Sep 2002 00:00:01 GMT",
        Some("2002-09-07T00:00:01Z"),
    );
}

#[test]
fn other_forms_from_the_feedparser_table() {
    check("Sun Jan  4 16:29:06 2004", Some("2004-01-04T16:29:06Z")); // asctime
    check("Fri, 2006/09/15 08:19:53 EDT", Some("2006-09-15T12:19:53Z")); // perforce
    check("2004-07-08 23:56:58.0", Some("2004-07-08T23:56:58Z"));
}

#[test]
fn unreadable_dates_are_rejected() {
    for input in [
        "",
        "   ",
        "next Tuesday, probably",
        "2026-02-30",
        "2026-13-01",
        "Fri, 32 Mar 2026 15:00:00 GMT",
        "Fri, 06 Mar 2026 25:00:00 GMT",
        "Fri, 06 Mar 99999 15:00:00 GMT",
        "99999999999999999999-01-01",
        "2026-03-06T15:00:00+99:99",
    ] {
        check(input, None);
    }
}

#[test]
fn hostile_date_strings_do_not_panic() {
    let long_digits = "9".repeat(10_000);
    let inputs = [
        long_digits.as_str(),
        "-9223372036854775808",
        "9223372036854775807-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "0001-01-01T00:00:00-23:59",
        "9999-12-31T23:59:59+23:59",
        "9999-12-31T23:59:59-23:59",
        "Fri, 06 Mar 2026 15:00:00 +9999999999",
        "\u{0}\u{FFFD}\u{1F600}",
        "Κυρ, 11 Ιούλ 2004 12:00:00 EST",
        "2004-július-13T9:15-05:00",
    ];
    for input in inputs {
        let _ = parse_date(input).map(format_utc);
    }
    for seconds in [
        i64::MIN,
        i64::MIN + 1,
        -62_167_219_201,
        0,
        253_402_300_800,
        i64::MAX,
    ] {
        assert_eq!(format_utc(seconds).len(), 20, "{seconds}");
    }
}

#[test]
fn every_form_in_a_feed() {
    let feed = parse_fixture("dates.xml");
    assert_eq!(
        iso(feed.updated.as_ref()).as_deref(),
        Some("2026-03-07T00:00:00Z"),
        "lastBuildDate"
    );
    for entry in &feed.entries {
        let title = entry.title.as_deref().unwrap();
        match title {
            // A date that cannot be read is no date: the field is empty and the text is kept for display.
            t if t.starts_with("unparseable") || t.starts_with("out of range") => {
                assert_eq!(entry.published, None, "{title}");
                let text = entry.date_text.as_deref();
                let want = if t.starts_with("unparseable") {
                    "next Tuesday, probably"
                } else {
                    "Fri, 06 Mar 99999 15:00:00 GMT"
                };
                assert_eq!(text, Some(want), "{title}");
                assert_eq!(entry.shown_date(), Some(feedlet::ShownDate::Text(want)));
            }
            "W3C-DTF date only (dc:date fallback)" => {
                assert_eq!(
                    iso(entry.published.as_ref()).as_deref(),
                    Some("2026-03-06T00:00:00Z")
                )
            }
            _ => assert_eq!(
                iso(entry.published.as_ref()).as_deref(),
                Some("2026-03-06T15:00:00Z"),
                "{title}"
            ),
        }
    }
    // Each unreadable date is named in a warning with its position.
    let unread: Vec<_> = feed
        .warnings
        .iter()
        .filter(|w| w.message.contains("date feedlet could not read"))
        .collect();
    assert_eq!(unread.len(), 2, "{:?}", feed.warnings);
    assert!(unread.iter().all(|w| w.line > 1));
    // The model's JSON never carries the text in a date field.
    let json = serde_json::to_value(&feed).unwrap();
    for entry in json["entries"].as_array().unwrap() {
        let published = &entry["published"];
        assert!(
            published.is_null() || feedlet::parse_date(published.as_str().unwrap()).is_some(),
            "{published}"
        );
    }
}

#[test]
fn published_falls_back_to_dc_date_and_pub_date() {
    let feed = parse_fixture("dates.xml");
    let both = feed
        .entries
        .iter()
        .find(|e| e.title.as_deref() == Some("pubDate wins over dc:date"))
        .unwrap();
    assert_eq!(
        iso(both.published.as_ref()).as_deref(),
        Some("2026-03-06T15:00:00Z")
    );
    let rdf = parse_fixture("rss10-rdf.xml");
    assert_eq!(
        iso(rdf.entries[1].published.as_ref()).as_deref(),
        Some("2026-01-18T00:00:00Z")
    );
    // Atom: published, else nothing (updated stays updated); display uses updated then.
    let atom = parse_fixture("dates-atom.xml");
    assert_eq!(
        iso(atom.entries[0].published.as_ref()).as_deref(),
        Some("2026-03-06T15:00:00Z")
    );
    assert_eq!(
        iso(atom.entries[0].updated.as_ref()).as_deref(),
        Some("2026-03-08T17:30:15Z")
    );
    assert_eq!(atom.entries[1].published, None);
    assert_eq!(
        iso(atom.entries[1].date()).as_deref(),
        Some("2026-03-05T10:00:00Z")
    );
}

#[test]
fn real_world_forms_of_round_two() {
    let iso = |s: &str| feedlet::parse_date(s).map(feedlet::format_utc);
    // day.month.year, as German and Russian sites write it
    assert_eq!(
        iso("22.11.2022 12:16:00").as_deref(),
        Some("2022-11-22T12:16:00Z")
    );
    assert_eq!(iso("1.2.2023").as_deref(), Some("2023-02-01T00:00:00Z"));
    assert_eq!(
        iso("22.11.2022 12:16:00 +0100").as_deref(),
        Some("2022-11-22T11:16:00Z")
    );
    // year/month/day with unpadded fields
    assert_eq!(
        iso("2020/1/10 14:33:00").as_deref(),
        Some("2020-01-10T14:33:00Z")
    );
    assert_eq!(iso("2020/12/31").as_deref(), Some("2020-12-31T00:00:00Z"));
    // a month name where the weekday belongs
    assert_eq!(
        iso("January, 29 Jan 2021 17:56:15 +0530").as_deref(),
        Some("2021-01-29T12:26:15Z")
    );
    // a date inside markup (escaped in the feed, decoded once before it gets here)
    assert_eq!(
        iso(r#"<time datetime="2019-05-03T19:21:28Z">May 3, 2019</time>"#).as_deref(),
        Some("2019-05-03T19:21:28Z")
    );
    assert_eq!(
        iso("<span>Sat, 07 Mar 2026 00:00:00 +0900</span>").as_deref(),
        Some("2026-03-06T15:00:00Z")
    );
    // what is still not a date
    for not_a_date in [
        "31.02.2022",
        "2020/13/1",
        "1.2.3",
        "22.11.22.1",
        "<b>soon</b>",
        "a, b",
        "2020/1/10/5",
    ] {
        assert_eq!(iso(not_a_date), None, "{not_a_date}");
    }
}
