//! Feed text made safe for the bidi isolate its element makes: nothing in the text can end that isolate early.
//!
//! Each text field is written into an element with `dir="auto"`, an isolate. Chromium lays such an element out
//! by wrapping its text in isolate controls (FSI … PDI), so the text itself can break out:
//! - a PDI (U+2069) that closes no isolate the text opened closes the element's own;
//! - an isolate the text opens and never closes (LRI, RLI, FSI: U+2066–U+2068) takes the element's closing PDI;
//! - a paragraph separator (U+2029, U+0085, U+001C–U+001E) ends the bidi paragraph, isolate and all.
//!
//! After any of these, an RLO in a title reorders the date or the next field (measured in Chromium:
//! `tests/e2e/bidi.test.mjs`). Embeddings and overrides (LRE, RLE, LRO, RLO, PDF) cannot escape an isolate.

use std::borrow::Cow;

/// `text` with every PDI that closes none of its own isolates dropped, its unclosed isolates closed at the end,
/// and paragraph separators turned into spaces; everything else unchanged (borrowed when nothing changes).
pub(crate) fn isolated(text: &str) -> Cow<'_, str> {
    let mut open = 0usize;
    let mut safe = true;
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => open += 1,
            '\u{2069}' if open > 0 => open -= 1,
            '\u{2069}' | '\u{2029}' | '\u{85}' | '\u{1c}'..='\u{1e}' => {
                safe = false;
                break;
            }
            _ => {}
        }
    }
    if safe && open == 0 {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().saturating_add(8));
    open = 0;
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => {
                open += 1;
                out.push(c);
            }
            '\u{2069}' if open > 0 => {
                open -= 1;
                out.push(c);
            }
            '\u{2069}' => {}
            '\u{2029}' | '\u{85}' | '\u{1c}'..='\u{1e}' => out.push(' '),
            _ => out.push(c),
        }
    }
    for _ in 0..open {
        out.push('\u{2069}');
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::isolated;
    use std::borrow::Cow;

    #[test]
    fn only_what_could_end_the_isolate_changes() {
        for (text, want) in [
            ("\u{2069}\u{202e}evil", "\u{202e}evil"),
            ("\u{2067}ok\u{2069}\u{2069}", "\u{2067}ok\u{2069}"),
            ("\u{2068}open", "\u{2068}open\u{2069}"),
            (
                "\u{2066}\u{2067}x\u{2069}",
                "\u{2066}\u{2067}x\u{2069}\u{2069}",
            ),
            ("a\u{2029}b\u{85}c\u{1c}\u{1d}\u{1e}d", "a b c   d"),
            ("\u{2069}\u{2069}\u{2066}", "\u{2066}\u{2069}"),
        ] {
            assert_eq!(isolated(text), want, "{text:?}");
        }
        for text in [
            "",
            "plain",
            "\u{202e}\u{202b}\u{202c} rlo",
            "\u{2068}a\u{2069}",
            "line\nbreak\r\u{2028}",
        ] {
            assert!(matches!(isolated(text), Cow::Borrowed(_)), "{text:?}");
        }
    }
}
