//! The browser's JSON Feed reader: the engine's `JSON.parse`, then a copy of what the JSON Feed roles keep.
//!
//! `JSON.parse` keeps no positions, and its `SyntaxError` gives one only in its message, in the engine's words:
//! Chromium writes `at position N` (UTF-16 units) and often `(line L column C)`, Firefox `at line L column C`.
//! When a message names no position (Chromium's `Unexpected token`, Safari), the spot is found by parsing prefixes:
//! the shortest prefix that fails for a reason other than ending early ends at the offending character.

use wasm_bindgen::{JsCast, JsValue};

use crate::options::ParseOptions;
use crate::parse::json::tree::{Items, Role};
use crate::parse::json::{Broken, Read};

/// `JSON.parse`, then the tree. Text after a complete root object is reported as `rest`, as natively.
pub(crate) fn read_json<'a>(text: &'a str, options: &ParseOptions) -> Result<Read<'a>, Broken> {
    let (value, rest) = match js_sys::JSON::parse(text) {
        Ok(value) => (value, None),
        Err(error) => {
            let message = message(&error);
            let at = error_offset(text, &message);
            // The engine stops at text after a complete document: read the document alone, and report the rest.
            match text.get(..at).map(js_sys::JSON::parse) {
                Some(Ok(value)) if at > 0 => (value, Some(at)),
                _ => {
                    let message = match crate::find::split_once(&message, " in JSON at position") {
                        Some((before, _)) => before.to_owned(),
                        None => message,
                    };
                    return Err(Broken { at, message });
                }
            }
        }
    };
    let mut items = Items::new(options.max_entries, options.max_warnings);
    let root = super::tree::copy(&value, Role::Root, &mut items);
    Ok(Read { root, items, rest })
}

fn message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// The byte offset of the spot a `JSON.parse` error is about.
fn error_offset(text: &str, said: &str) -> usize {
    if let Some(index) = number_after(said, "position ") {
        return utf16_offset(text, 0, index);
    }
    if let (Some(line), Some(column)) = (number_after(said, "line "), number_after(said, "column "))
    {
        let line_start = match line.checked_sub(2) {
            None => 0,
            Some(skip) => text
                .match_indices('\n')
                .nth(skip)
                .map_or(text.len(), |(at, _)| at + 1),
        };
        return utf16_offset(text, line_start, column.saturating_sub(1));
    }
    if ends_early(said, usize::MAX) {
        return text.len();
    }
    // Bisect on character boundaries: the invariant is that the prefix `..low` ends early and `..high` fails inside.
    let (mut low, mut high) = (0, text.len());
    while high - low > 1 {
        let mut middle = low + (high - low) / 2;
        while middle > low && !text.is_char_boundary(middle) {
            middle -= 1;
        }
        if middle == low {
            break;
        }
        let prefix = text.get(..middle).unwrap_or("");
        let inside = match js_sys::JSON::parse(prefix) {
            Ok(_) => false,
            Err(error) => !ends_early(&message(&error), prefix.encode_utf16().count()),
        };
        if inside {
            high = middle;
        } else {
            low = middle;
        }
    }
    // `..high` holds the offending character, the last one of that prefix.
    text.get(..high)
        .and_then(|p| p.char_indices().next_back())
        .map_or(0, |(at, _)| at)
}

/// Whether an error says the text ended too soon: in so many words, or at a position at (or past) its end.
fn ends_early(message: &str, length: usize) -> bool {
    let lower = message.to_ascii_lowercase();
    ["end of", "eof", "unterminated"]
        .iter()
        .any(|words| crate::find::str_at(&lower, words).is_some())
        || number_after(message, "position ").is_some_and(|at| at >= length)
}

/// The decimal number right after `label` in `text`.
fn number_after(text: &str, label: &str) -> Option<usize> {
    let (_, after) = crate::find::split_once(text, label)?;
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    crate::text::digits(after.get(..digits)?, 10).map(|n| n as usize)
}

/// The byte offset `units` UTF-16 code units after byte `from`.
fn utf16_offset(text: &str, from: usize, units: usize) -> usize {
    let mut counted = 0;
    for (at, c) in text.get(from..).unwrap_or("").char_indices() {
        if counted >= units {
            return from + at;
        }
        counted += c.len_utf16();
    }
    text.len()
}
