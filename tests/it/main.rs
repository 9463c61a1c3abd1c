//! The one integration test binary: every layer through the public API, with fixture snapshots.
//!
//! Layers and their helpers:
//! - parsing: [`check_parse`] compares `tests/fixtures/<stem>.<ext>` with `<stem>.expect.json` (the `feedlet parse` output);
//! - rendering: [`check_render`] compares with `<stem>[.<variant>].expect.html` (the `feedlet render` output);
//! - the CLI: `cli::run` drives the built binary.
//!
//! `UPDATE_EXPECT=1 cargo test` rewrites the snapshots instead of comparing them.
#![cfg(not(target_arch = "wasm32"))]
// Tests state their expectations with unwrap, indexing and panics; the crate's lints keep those out of the library.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

mod authors_links;
mod bases;
mod categories_ids;
mod cli;
mod conformance;
mod dates;
mod discover;
mod encoding;
mod errors;
mod formats;
mod hostile;
mod json_feed;
mod narrow;
mod options;
mod real_feeds;
mod render;
mod seed;
mod snapshots;
mod text;
mod thumbnails;
mod tolerance;

use std::path::{Path, PathBuf};

use feedlet::{Error, Feed, Options, ParseOptions};

/// The crate root.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures`.
pub fn fixtures_dir() -> PathBuf {
    manifest_dir().join("tests").join("fixtures")
}

/// The bytes of a fixture.
pub fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The parse options of a fixture: defaults, overridden by an optional `<stem>.options.json`
/// holding `{"base": URL, "charset": NAME}` (the CLI's `--base` and `--charset`), read by `ParseOptions`'s own reader.
pub fn fixture_options(name: &str) -> ParseOptions {
    let path = fixtures_dir().join(format!("{}.options.json", snapshots::stem(name)));
    match std::fs::read_to_string(&path) {
        Ok(text) => {
            let read = ParseOptions::read(&mut serde_json::Deserializer::from_str(&text))
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                read.warnings.is_empty() && read.unknown.is_empty(),
                "{}: {read:?}",
                path.display()
            );
            read.value
        }
        Err(_) => ParseOptions::default(),
    }
}

/// Parses bytes and detaches the result from them.
pub fn parse_bytes(bytes: &[u8], options: &ParseOptions) -> Result<Feed<'static>, Error> {
    feedlet::parse(bytes, options).map(Feed::into_owned)
}

/// Parses a fixture with its options; the fixture must be a feed.
pub fn parse_fixture(name: &str) -> Feed<'static> {
    parse_bytes(&fixture_bytes(name), &fixture_options(name))
        .unwrap_or_else(|e| panic!("{name}: expected a feed, got {e:?}"))
}

/// Parses a fixture with its options; the fixture must fail.
pub fn parse_fixture_error(name: &str) -> Error {
    match parse_bytes(&fixture_bytes(name), &fixture_options(name)) {
        Ok(feed) => panic!(
            "{name}: expected an error, got a feed with {} entries",
            feed.entries.len()
        ),
        Err(error) => error,
    }
}

/// What `feedlet parse` prints for a parse result (the feed after `prepare`); an error is shown as `{"error": …}`.
pub fn parse_output(result: &Result<Feed<'_>, Error>) -> String {
    let mut json = match result {
        Ok(feed) => {
            let mut feed = feed.clone();
            feedlet::prepare(&mut feed);
            serde_json::to_string_pretty(&feed).unwrap()
        }
        Err(error) => {
            // A struct, not `json!`, so the error's fields keep their declared order.
            #[derive(serde::Serialize)]
            struct Failed<'e> {
                error: &'e Error,
            }
            serde_json::to_string_pretty(&Failed { error }).unwrap()
        }
    };
    json.push('\n');
    json
}

/// The parse layer's check: the fixture's parse output equals `<stem>.expect.json`.
pub fn check_parse(name: &str) {
    let bytes = fixture_bytes(name);
    let result = feedlet::parse(&bytes, &fixture_options(name));
    expect_file(
        &fixtures_dir().join(format!("{}.expect.json", snapshots::stem(name))),
        &parse_output(&result),
    );
}

/// The render layer's check: `render_html` of the fixture equals `<stem>[.<variant>].expect.html`.
pub fn check_render(name: &str, variant: Option<&str>, options: &Options) {
    let feed = parse_fixture(name);
    let html = feedlet::render_html(std::slice::from_ref(&feed), options);
    let file = match variant {
        Some(variant) => format!("{}.{variant}.expect.html", snapshots::stem(name)),
        None => format!("{}.expect.html", snapshots::stem(name)),
    };
    expect_file(&fixtures_dir().join(file), &html);
}

/// True when snapshots are to be rewritten rather than compared.
pub fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v != "0" && !v.is_empty())
}

/// Compares `actual` with the snapshot at `path`, or rewrites it under `UPDATE_EXPECT=1`.
pub fn expect_file(path: &Path, actual: &str) {
    if updating() {
        let current = std::fs::read_to_string(path).ok();
        if current.as_deref() != Some(actual) {
            std::fs::write(path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|_| {
        panic!(
            "missing snapshot {}; run `UPDATE_EXPECT=1 cargo test` to create it",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        let show = |text: &str| text.lines().nth(line).unwrap_or("<end of text>").to_owned();
        panic!(
            "snapshot {} differs at line {}:\n  expected: {}\n  actual:   {}\n\
             (rerun with UPDATE_EXPECT=1 to accept the new output)\n--- actual ---\n{actual}",
            path.display(),
            line + 1,
            show(&expected),
            show(actual),
        );
    }
}

/// Parses text with default options (for inline cases).
pub fn parse_str(text: &str) -> Feed<'static> {
    parse_bytes(text.as_bytes(), &ParseOptions::default())
        .unwrap_or_else(|e| panic!("expected a feed, got {e:?} from:\n{text}"))
}

/// Parses text with a document URL (for inline cases).
pub fn parse_with_base(text: &str, base: &str) -> Feed<'static> {
    let options = ParseOptions {
        base_url: Some(base.to_owned()),
        ..ParseOptions::default()
    };
    parse_bytes(text.as_bytes(), &options)
        .unwrap_or_else(|e| panic!("expected a feed, got {e:?} from:\n{text}"))
}

/// The summaries of the entries as the model serializes them.
pub fn summaries(feed: &Feed<'_>) -> Vec<Option<String>> {
    feed.entries
        .iter()
        .map(|e| e.summary_text().map(|s| s.into_owned()))
        .collect()
}

/// The ISO form of an optional date.
pub fn iso(date: Option<&feedlet::Date<'_>>) -> Option<String> {
    date.map(|d| d.to_iso().into_owned())
}

/// True when any warning's message contains `needle`.
pub fn has_warning(feed: &Feed<'_>, needle: &str) -> bool {
    feed.warnings.iter().any(|w| w.message.contains(needle))
}
