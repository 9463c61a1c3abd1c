//! The properties every fuzz target checks, shared with `tests/fuzz_regressions.rs` so a saved input replays through exactly the fuzzed code path.
//!
//! Each public function takes the raw bytes libFuzzer hands a target and panics (the only
//! failure libFuzzer sees) when feedlet panics or breaks a promise. This file depends only on
//! `feedlet` and `serde_json`, so the main crate's test binary can include it with `#[path]`.

// A test oracle: panicking is how it reports a broken promise, to libFuzzer and to the test harness.
#![allow(clippy::panic)]

use std::borrow::Cow;

use feedlet::{
    decode_entities, excerpt, format_utc, grapheme_count, has_scheme, html_to_text, parse,
    parse_date, parse_str, render_html, resolve, safe_url, select, DateStyle, ErrorKind, Feed,
    Layout, LinkTarget, Options, ParseOptions, Sort,
};

/// The base URL the targets resolve against when they use one.
pub const BASE: &str = "https://blog.example/posts/feed.xml";

/// Replays one saved input for `target` (a directory name under `fuzz/regressions/`).
/// Returns false for an unknown target.
pub fn replay(target: &str, data: &[u8]) -> bool {
    match target {
        "parse" => check_parse(data),
        "date" => check_date(data),
        "url" => check_url(data),
        "html_to_text" => check_html_to_text(data),
        "sanitize" => check_sanitize_json(data),
        _ => return false,
    }
    true
}

// ---------------------------------------------------------------------------------------------
// parse

/// Bytes → `parse` with default options, with tight limits, and just over the size limit;
/// each feed it returns is checked, serialized, read back, selected and rendered.
pub fn check_parse(data: &[u8]) {
    let defaults = ParseOptions::default();
    if let Ok(feed) = parse(data, &defaults) {
        check_feed(&feed, &defaults);
    }

    let tight = tight_options(data);
    match parse(data, &tight) {
        Ok(feed) => check_feed(&feed, &tight),
        Err(error) => {
            check_error_position(error.line, error.column);
            assert!(!error.message.is_empty());
        }
    }

    // One byte over the limit must be refused before any work.
    if !data.is_empty() {
        let over = ParseOptions {
            max_input_bytes: data.len() - 1,
            ..ParseOptions::default()
        };
        match parse(data, &over) {
            Err(error) => assert_eq!(error.kind, ErrorKind::LimitExceeded, "{error:?}"),
            Ok(_) => panic!("an input over max_input_bytes was accepted"),
        }
    }

    // Already-decoded text takes the same parser without the decode step.
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(feed) = parse_str(text, &tight) {
            check_feed(&feed, &tight);
        }
    }
}

/// Small limits so inputs of a few kilobytes reach every limit path; the charset varies with
/// the input so the legacy decoders are fuzzed too.
fn tight_options(data: &[u8]) -> ParseOptions {
    const CHARSETS: &[Option<&str>] = &[
        None,
        None,
        Some("utf-8"),
        Some("euc-kr"),
        Some("shift_jis"),
        Some("windows-1252"),
        Some("utf-16le"),
        Some("x-unknown-charset"),
    ];
    let pick = data.len() % CHARSETS.len();
    ParseOptions {
        base_url: Some(BASE.to_owned()),
        charset: CHARSETS.get(pick).copied().flatten().map(str::to_owned),
        max_input_bytes: data.len(),
        max_depth: 6,
        max_entries: 3,
        max_text_bytes: 48,
        max_warnings: 2,
    }
}

fn check_error_position(line: u32, column: u32) {
    assert!(line >= 1 && column >= 1, "error position {line}:{column}");
}

/// Everything a parsed feed promises, then the code paths that consume it.
fn check_feed(feed: &Feed<'_>, options: &ParseOptions) {
    assert!(
        feed.entries.len() <= options.max_entries,
        "{} entries over max_entries {}",
        feed.entries.len(),
        options.max_entries
    );
    // The parser keeps max_warnings plus one summary warning; decoding may add up to three before them.
    assert!(
        feed.warnings.len() <= options.max_warnings + 4,
        "{} warnings for max_warnings {}",
        feed.warnings.len(),
        options.max_warnings
    );
    for warning in &feed.warnings {
        check_error_position(warning.line, warning.column);
        assert!(!warning.message.is_empty());
    }

    // Every URL in the model has passed safe_url.
    let mut urls: Vec<&str> = Vec::new();
    urls.extend(feed.link.as_deref());
    urls.extend(feed.feed_url.as_deref());
    urls.extend(feed.icon.as_deref());
    urls.extend(feed.authors.iter().filter_map(|p| p.uri.as_deref()));
    for entry in &feed.entries {
        urls.extend(entry.link.as_deref());
        urls.extend(entry.image.as_ref().map(|i| i.url.as_str()));
        urls.extend(entry.content.as_ref().and_then(|c| c.src.as_deref()));
        urls.extend(entry.authors.iter().filter_map(|p| p.uri.as_deref()));
        assert!(!entry.id.trim().is_empty(), "an entry without an id");
        for date in [&entry.published, &entry.updated].into_iter().flatten() {
            if let Some(t) = date.timestamp {
                check_timestamp(t);
            }
        }
    }
    for url in urls {
        assert_safe_url(url);
    }

    // The JSON model: serializes, and reads back to the same JSON and the same rendering.
    let json = match serde_json::to_string(feed) {
        Ok(json) => json,
        Err(error) => panic!("the feed does not serialize: {error}"),
    };
    let back: Feed<'_> = match serde_json::from_str(&json) {
        Ok(back) => back,
        Err(error) => panic!("the feed's JSON does not read back: {error}\n{json}"),
    };
    let again = serde_json::to_string(&back).unwrap_or_default();
    assert_eq!(json, again, "the JSON model does not round-trip");

    for display in display_options() {
        let posts = select(std::slice::from_ref(feed), &display);
        assert!(posts.len() <= display.limit);
        for post in &posts {
            if let Some(summary) = &post.summary {
                assert!(
                    grapheme_count(summary) <= display.summary_length,
                    "summary over summary_length: {summary:?}"
                );
            }
            if let Some(image) = &post.image {
                assert_safe_url(&image.url);
            }
        }
        let html = render_html(std::slice::from_ref(feed), &display);
        check_rendered(&html);
        let html_back = render_html(std::slice::from_ref(&back), &display);
        assert_eq!(
            html, html_back,
            "the feed read back from JSON renders differently"
        );
    }
}

fn display_options() -> [Options; 2] {
    let wide = Options {
        limit: 50,
        offset: 1,
        sort: Sort::Feed,
        author: true,
        categories: true,
        summary_length: 12,
        date_style: DateStyle::Long,
        layout: Layout::Cards,
        target: LinkTarget::NewTab,
        heading: Some("<b>News</b> & \"more\"".to_owned()),
        ..Options::default()
    };
    [Options::default(), wide]
}

/// The tags and attributes `render_html` writes; anything else came from the feed.
const RENDER_TAGS: &[&str] = &[
    "section", "h2", "p", "ul", "li", "img", "a", "span", "div", "time",
];
const RENDER_ATTRIBUTES: &[&str] = &[
    "class",
    "part",
    "lang",
    "role",
    "src",
    "alt",
    "loading",
    "decoding",
    "referrerpolicy",
    "width",
    "height",
    "href",
    "target",
    "rel",
    "dir",
    "datetime",
];

/// Reads the rendered HTML as a browser would and checks that only the renderer's own
/// markup is there: known tags and attributes, quoted values, escaped text, safe URLs.
pub fn check_rendered(html: &str) {
    let mut rest = html;
    loop {
        let (text, tag) = match rest.split_once('<') {
            Some(pair) => pair,
            None => {
                check_escaped_text(rest, html);
                return;
            }
        };
        check_escaped_text(text, html);
        let Some((inside, after)) = tag.split_once('>') else {
            panic!("an unclosed tag in the rendering: {html}");
        };
        check_tag(inside, html);
        rest = after;
    }
}

fn check_escaped_text(text: &str, html: &str) {
    assert!(!text.contains('>'), "a raw '>' in text: {html}");
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        rest = rest.get(at..).unwrap_or("");
        let known = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .find(|e| rest.starts_with(**e));
        let Some(known) = known else {
            panic!("an unescaped '&' in the rendering: {html}");
        };
        rest = rest.get(known.len()..).unwrap_or("");
    }
}

fn check_tag(inside: &str, html: &str) {
    if let Some(name) = inside.strip_prefix('/') {
        assert!(
            RENDER_TAGS.contains(&name),
            "a foreign end tag </{name}>: {html}"
        );
        return;
    }
    let (name, mut attributes) = inside.split_once(' ').unwrap_or((inside, ""));
    assert!(
        RENDER_TAGS.contains(&name),
        "a foreign tag <{name}>: {html}"
    );
    let mut seen: Vec<&str> = Vec::new();
    loop {
        attributes = attributes.trim_start_matches(' ');
        if attributes.is_empty() {
            return;
        }
        let Some((attribute, after)) = attributes.split_once("=\"") else {
            panic!("an attribute without a quoted value in <{inside}>: {html}");
        };
        let Some((value, after)) = after.split_once('"') else {
            panic!("an unterminated attribute value in <{inside}>: {html}");
        };
        assert!(
            RENDER_ATTRIBUTES.contains(&attribute),
            "a foreign attribute {attribute:?} in <{inside}>: {html}"
        );
        assert!(
            !seen.contains(&attribute),
            "a repeated attribute in <{inside}>"
        );
        seen.push(attribute);
        assert!(
            !value.contains('<') && !value.contains('\''),
            "unescaped value {value:?}"
        );
        check_escaped_text(value, html);
        if attribute == "href" || attribute == "src" {
            assert_safe_url(&unescape_attribute(value));
        }
        attributes = after;
    }
}

fn unescape_attribute(value: &str) -> String {
    value
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

// ---------------------------------------------------------------------------------------------
// URLs

/// What `safe_url` promises about its output: no ASCII control characters, spaces or
/// backslashes; either an `http:`/`https:` URL with a non-empty host when it has `//`, or a
/// relative reference in which no browser can find a scheme.
pub fn assert_safe_url(url: &str) {
    assert!(!url.is_empty(), "an empty URL");
    assert!(
        !url.chars()
            .any(|c| c.is_ascii_control() || c == ' ' || c == '\\'),
        "a control character, space or backslash in {url:?}"
    );
    let lower = url.to_ascii_lowercase();
    let after_scheme = lower
        .strip_prefix("http:")
        .or_else(|| lower.strip_prefix("https:"));
    match after_scheme {
        Some(rest) => {
            if let Some(authority) = rest.strip_prefix("//") {
                let authority = authority.split(['/', '?', '#']).next().unwrap_or(authority);
                let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
                assert!(
                    !host.is_empty() && !host.starts_with(':'),
                    "an http(s) URL without a host: {url:?}"
                );
            }
        }
        None => {
            assert!(
                !has_scheme(url),
                "a URL with a scheme other than http(s): {url:?}"
            );
            assert!(
                !url.starts_with("//"),
                "a protocol-relative URL was not resolved: {url:?}"
            );
            let head = url.split(['/', '?', '#']).next().unwrap_or(url);
            assert!(
                !head.contains(':'),
                "a relative URL with ':' before its first '/', '?' or '#': {url:?}"
            );
        }
    }
}

/// Splits bytes at the first 0xFF (never in UTF-8) into (base, reference), each read lossily.
pub fn split_pair(data: &[u8]) -> (String, String) {
    let at = data.iter().position(|&b| b == 0xFF);
    let (base, reference) = match at {
        Some(at) => (
            data.get(..at).unwrap_or_default(),
            data.get(at + 1..).unwrap_or_default(),
        ),
        None => (&[][..], data),
    };
    (
        String::from_utf8_lossy(base).into_owned(),
        String::from_utf8_lossy(reference).into_owned(),
    )
}

/// (base, reference) → `resolve` and `safe_url` with and without the base.
pub fn check_url(data: &[u8]) {
    let (base, reference) = split_pair(data);

    if let Some(resolved) = resolve(&base, &reference) {
        assert!(
            has_scheme(&resolved),
            "resolve({base:?}, {reference:?}) lost the scheme: {resolved:?}"
        );
    }
    if has_scheme(&base) {
        assert!(
            resolve(&base, &reference).is_some(),
            "an absolute base was refused"
        );
    }

    for base in [Some(base.as_str()), None, Some(BASE)] {
        if let Some(url) = safe_url(base, &reference) {
            assert_safe_url(&url);
            // What safe_url emits is already clean and resolved: feeding it back changes nothing.
            assert_eq!(
                safe_url(None, &url).as_deref(),
                Some(url.as_str()),
                "safe_url is not idempotent on {url:?} (from {base:?}, {reference:?})"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// dates

/// The earliest and latest instants `parse_date` returns (0001-01-01 and 9999-12-31T23:59:59Z).
const MIN_SECS: i64 = -62_135_596_800;
const MAX_SECS: i64 = 253_402_300_799;

fn check_timestamp(t: i64) {
    assert!(
        (MIN_SECS..=MAX_SECS).contains(&t),
        "a timestamp out of range: {t}"
    );
    let iso = format_utc(t);
    assert_eq!(iso.len(), 20, "{iso:?}");
    assert_eq!(
        parse_date(&iso),
        Some(t),
        "format_utc({t}) = {iso:?} does not read back"
    );
}

/// Text → `parse_date`, whose result must format and read back; the first 8 bytes as an
/// instant → `format_utc`, which must always give 20 characters.
pub fn check_date(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Some(t) = parse_date(&text) {
        check_timestamp(t);
    }
    // Leading and trailing whitespace must not change the reading (feeds often pad dates).
    let padded = format!(" {text}\n");
    if padded.len() <= 200 {
        if let Some(t) = parse_date(&padded) {
            check_timestamp(t);
        }
    }

    let mut eight = [0u8; 8];
    for (slot, byte) in eight.iter_mut().zip(data) {
        *slot = *byte;
    }
    let seconds = i64::from_le_bytes(eight);
    let iso = format_utc(seconds);
    assert_eq!(iso.len(), 20, "format_utc({seconds}) = {iso:?}");
    if (MIN_SECS..=MAX_SECS).contains(&seconds) {
        assert_eq!(
            parse_date(&iso),
            Some(seconds),
            "format_utc({seconds}) = {iso:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// HTML to text

/// Text → `html_to_text`, `decode_entities` and `excerpt`, with bounds on every output.
pub fn check_html_to_text(data: &[u8]) {
    let html = String::from_utf8_lossy(data);

    let text = html_to_text(&html);
    assert!(
        text.len() <= html.len() * 2 + 8,
        "html_to_text grew {} bytes into {}",
        html.len(),
        text.len()
    );
    // Without references or CDATA, every '<' in the text is a literal '<' from the input:
    // markup never produces one.
    if !html.contains('&') && !html.contains("<!") {
        let literal = html
            .match_indices('<')
            .filter(|(at, _)| {
                let next = html.get(at + 1..).and_then(|s| s.chars().next());
                !next.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
            })
            .count();
        let found = text.matches('<').count();
        assert!(
            found <= literal,
            "html_to_text produced '<' from markup: {found} > {literal}: {text:?}"
        );
    }

    let decoded = decode_entities(&html);
    assert!(
        decoded.len() <= html.len(),
        "decode_entities grew {} bytes into {}",
        html.len(),
        decoded.len()
    );
    if let Cow::Borrowed(same) = &decoded {
        assert_eq!(*same, html.as_ref());
    }

    let count = grapheme_count(&text);
    for max in [
        0,
        1,
        2,
        3,
        7,
        160,
        count.saturating_sub(1),
        count,
        data.len() % 64,
    ] {
        let cut = excerpt(&text, max);
        let cut_count = grapheme_count(&cut);
        assert!(
            cut_count <= max,
            "excerpt(_, {max}) has {cut_count} graphemes: {cut:?}"
        );
        assert!(cut.len() <= text.len() + '…'.len_utf8());
        if count <= max {
            assert_eq!(cut, text.as_str(), "excerpt cut a text that fits");
        } else if max > 0 {
            assert!(cut.ends_with('…'), "a cut excerpt without '…': {cut:?}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The rich-summary walk: in its own file, included here so that this file stays the one entry point.

#[path = "sanitize_checks.rs"]
mod sanitize_checks;
// The fuzz target uses all of these; `tests/fuzz_regressions.rs`, which includes this file, only some.
#[allow(unused_imports)]
pub use sanitize_checks::{
    check_sanitize, check_sanitize_json, sanitize_input_from_json, sanitize_input_to_json,
    SanitizeInput,
};
