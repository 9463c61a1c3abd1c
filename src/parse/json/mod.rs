//! Reads JSON Feed 1.0 and 1.1: the platform turns the text into a tree through its JSON reader (serde_json
//! natively, the engine's `JSON.parse` in the browser), keeping only what a JSON Feed member can be, and [`map`]
//! turns the tree into the model.
//!
//! Broken JSON (truncated, a trailing comma) is a `syntax` error at the reader's position; text after the root
//! object is a warning. The mapping is lenient about types (see [`map`]).

mod map;
pub(crate) mod tree;

use crate::error::{Error, ErrorKind, Position, Warnings};
use crate::model::Feed;
use crate::options::ParseOptions;
use tree::{Items, Value};

/// The platform's step from text to tree; `text` starts at the root `{`.
pub(crate) type Reader = for<'a> fn(&'a str, &ParseOptions) -> Result<Read<'a>, Broken>;

/// What a reader gives: the root object's tree, the items (kept apart), and the byte offset where text after the
/// root object starts, when there is any.
pub(crate) struct Read<'a> {
    pub(crate) root: Value<'a>,
    pub(crate) items: Items<'a>,
    pub(crate) rest: Option<usize>,
}

/// Text that is not JSON: what the reader said, and the byte offset of the spot.
#[derive(Debug)]
pub(crate) struct Broken {
    pub(crate) at: usize,
    pub(crate) message: String,
}

/// Parses a JSON Feed document (the caller has already seen that the first significant character is `{`).
/// Out of line: the wasm build moves it, and all that only it reaches, to the secondary module (scripts/split.mjs).
#[inline(never)]
pub(crate) fn parse<'a>(
    input: &'a str,
    options: &ParseOptions,
    reader: Reader,
) -> Result<Feed<'a>, Error> {
    let mut warnings = Warnings::new(options.max_warnings);
    // The caller skips whitespace and byte order marks in any order before seeing `{`, so do the same.
    let mut start = 0;
    for (at, c) in input.char_indices() {
        start = at;
        if c == '\u{feff}' {
            warnings.push(at, "ignored a byte order mark before the JSON");
        } else if !c.is_whitespace() {
            break;
        }
    }
    let text = input.get(start..).unwrap_or("");
    let error =
        |kind, message: &str, at: usize| Error::new(kind, message, Position::of(input, start + at));
    if !text.starts_with('{') {
        return Err(error(
            ErrorKind::NotAFeed,
            "the JSON document is not an object",
            0,
        ));
    }
    if let Some(at) = too_deep(text, options.max_depth) {
        return Err(error(
            ErrorKind::LimitExceeded,
            "the JSON is nested deeper than max_depth",
            at,
        ));
    }
    let read = reader(text, options).map_err(|broken| {
        let message = crate::text::cat(&["the JSON is broken here: ", &broken.message]);
        error(ErrorKind::Syntax, &message, broken.at)
    })?;
    if let Some(rest) = read.rest {
        warnings.push(start + rest, "ignored text after the JSON object");
    }
    let mut feed =
        map::feed(read.root, read.items, options, &mut warnings, start).ok_or_else(|| {
            let message = "the JSON object has neither a JSON Feed `version` nor `items`";
            error(ErrorKind::NotAFeed, message, 0)
        })?;
    feed.warnings = warnings.finish(input);
    Ok(feed)
}

/// The offset of the first `{` or `[` nested deeper than `max`, outside strings: neither JSON reader has a
/// configurable depth limit, and `max_depth` is documented for JSON too.
fn too_deep(text: &str, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'"' => {
                // To the closing quote, past escapes; the string's own bytes are searched a word at a time.
                at += 1;
                loop {
                    let Some(next) = bytes.get(at..).and_then(crate::find::json_special) else {
                        return None; // unterminated: the reader reports it
                    };
                    at += next;
                    match bytes.get(at) {
                        Some(b'"') => break,
                        Some(b'\\') => at += 2,
                        _ => at += 1,
                    }
                }
            }
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return Some(at);
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    None
}

/// The native reader: serde_json, borrowing every string that needs no unescaping.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn read_native<'a>(text: &'a str, options: &ParseOptions) -> Result<Read<'a>, Broken> {
    use serde::de::DeserializeSeed;
    let broken = |error: serde_json::Error| {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the error carries the position itself.
        let message = match message.rsplit_once(" at line ") {
            Some((message, _)) => message.to_owned(),
            None => message,
        };
        // At the end of the text, the spot is after its last character, as the browser reports it.
        let at = match error.classify() {
            serde_json::error::Category::Eof => text.len(),
            _ => serde_json_offset(text, error.line(), error.column()),
        };
        Broken { at, message }
    };
    let items = std::cell::RefCell::new(Items::new(options.max_entries, options.max_warnings));
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let build = tree::native::Build {
        role: tree::Role::Root,
        items: &items,
    };
    let root = build.deserialize(&mut deserializer).map_err(broken)?;
    let rest = deserializer
        .end()
        .err()
        .map(|error| serde_json_offset(text, error.line(), error.column()));
    Ok(Read {
        root,
        items: items.into_inner(),
        rest,
    })
}

/// The byte offset of a serde_json position: a 1-based line, and a column that counts the bytes of that line up
/// to and including the offending one.
#[cfg(not(target_arch = "wasm32"))]
fn serde_json_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start = match line.checked_sub(2) {
        None => 0,
        Some(skip) => text
            .match_indices('\n')
            .nth(skip)
            .map_or(text.len(), |(at, _)| at + 1),
    };
    let at = (line_start + column.saturating_sub(1)).min(text.len());
    map::floor_char_boundary(text, at)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn depth_is_counted_outside_strings() {
        assert_eq!(too_deep(r#"{"a":[[1]]}"#, 3), None);
        assert_eq!(too_deep(r#"{"a":[[[1]]]}"#, 3), Some(7));
        assert_eq!(too_deep(r#"{"a":"[[[[\"[[[", "b":[]}"#, 2), None);
        assert_eq!(too_deep(r#"{"a":"\\", "b":[[]]}"#, 2), Some(16));
        assert_eq!(too_deep("{\"a\":\"unterminated [[[[", 1), None);
    }

    #[test]
    fn serde_json_positions_become_offsets() {
        let text = "{\n  \"é\": x}";
        let error = serde_json::from_str::<serde_json::Value>(text).err();
        let at = error.map(|e| serde_json_offset(text, e.line(), e.column()));
        assert_eq!(at, text.find('x'));
        assert_eq!(serde_json_offset("ab", 9, 9), 2);
        assert_eq!(serde_json_offset("é", 1, 2), 0);
    }
}
