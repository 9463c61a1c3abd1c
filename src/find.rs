//! Short substring searches over memchr, and the byte-class searches memchr cannot do.
//!
//! memchr finds one to three given bytes (with SIMD natively, and with wasm SIMD128 where the build enables it);
//! every such search in the crate calls it directly, and `str_at` builds on it. What is left here are byte *classes*:
//! "a C0 control" and "a byte a JSON string must escape". These read eight bytes at a time (SWAR: "SIMD within a
//! register", in plain safe Rust) with the classic "has a zero byte" bit trick, and look at single bytes only in
//! a word that matched; the size-optimized wasm would otherwise run them byte by byte.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;
const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;

/// Non-zero when some byte of `x` is zero (exact: no false positives or negatives for the whole word).
fn has_zero(x: u64) -> u64 {
    x.wrapping_sub(ONES) & !x & HIGHS
}

/// Non-zero when some byte of `x` equals `b`.
fn has_byte(x: u64, b: u8) -> u64 {
    has_zero(x ^ ONES.wrapping_mul(u64::from(b)))
}

/// Non-zero when some byte of `x` is below `n` (exact for `n` ≤ 128).
fn has_less(x: u64, n: u8) -> u64 {
    x.wrapping_sub(ONES.wrapping_mul(u64::from(n))) & !x & HIGHS
}

/// The first index whose byte satisfies `byte`, testing eight bytes at a time: only a word for which
/// `word` says some byte may match is looked at byte by byte (`word` may over-report, never under-report).
fn find_by(hay: &[u8], word: impl Fn(u64) -> bool, byte: impl Fn(u8) -> bool) -> Option<usize> {
    // `split_first_chunk` rather than `chunks_exact`: the size-optimized wasm keeps an iterator's `next`
    // as a call per word, while this compiles to one 64-bit load and a pointer bump.
    let mut at = 0usize;
    let mut rest = hay;
    while let Some((bytes, tail)) = rest.split_first_chunk::<8>() {
        if word(u64::from_le_bytes(*bytes)) {
            if let Some(i) = bytes.iter().position(|&b| byte(b)) {
                return Some(at + i);
            }
        }
        at += 8;
        rest = tail;
    }
    let tail = rest.iter().position(|&b| byte(b))?;
    Some(at + tail)
}

/// Where `needle` (not empty) first starts in `hay`: memchr finds its first byte, then the rest is compared.
/// The needles are a few ASCII bytes (`]]>`, `-->`, `</`) whose first byte is rare in the text searched; memchr's
/// `memmem` searchers would add several kilobytes of wasm for no gain on them.
pub(crate) fn str_at(hay: &str, needle: &str) -> Option<usize> {
    let first = *needle.as_bytes().first()?;
    let bytes = hay.as_bytes();
    let mut at = 0usize;
    loop {
        let found = at.checked_add(memchr::memchr(first, bytes.get(at..)?)?)?;
        if bytes.get(found..)?.starts_with(needle.as_bytes()) {
            return Some(found);
        }
        at = found.checked_add(1)?;
    }
}

/// Where `needle` (not empty) last starts in `hay`: a backward scan for its first byte, then the rest is compared.
pub(crate) fn last_str_at(hay: &str, needle: &str) -> Option<usize> {
    let first = *needle.as_bytes().first()?;
    let bytes = hay.as_bytes();
    let mut end = bytes.len();
    loop {
        let found = bytes.get(..end)?.iter().rposition(|&b| b == first)?;
        if bytes.get(found..)?.starts_with(needle.as_bytes()) {
            return Some(found);
        }
        end = found;
    }
}

/// `str::rfind` for an ASCII byte, as a plain backward scan: the texts are short or the byte near their end
/// (std's reverse char searcher, and memchr's, cost more wasm).
pub(crate) fn last_byte(text: &str, byte: u8) -> Option<usize> {
    text.as_bytes().iter().rposition(|&b| b == byte)
}

/// The text after the last ASCII `byte`, or all of it when there is none (`text.rsplit(byte).next()`).
pub(crate) fn after_last(text: &str, byte: u8) -> &str {
    last_byte(text, byte)
        .and_then(|at| text.get(at.saturating_add(1)..))
        .unwrap_or(text)
}

/// `str::split_once` for an ASCII needle, with [`str_at`] (std's two-way searcher costs more wasm).
pub(crate) fn split_once<'t>(text: &'t str, needle: &str) -> Option<(&'t str, &'t str)> {
    let at = str_at(text, needle)?;
    let before = text.get(..at)?;
    let after = text.get(at.checked_add(needle.len())?..)?;
    Some((before, after))
}

/// The high bit of every byte of `x` that is zero, and of no other (exact per byte: no carry crosses a byte,
/// unlike `has_zero`, so the first set bit is the first zero byte).
fn zero_bytes(x: u64) -> u64 {
    !(((x & LOWS).wrapping_add(LOWS)) | x) & HIGHS
}

/// The high bit of every byte of `x` that XML forbids: a C0 control other than tab, line feed and carriage
/// return (exact per byte, like `zero_bytes`).
fn forbidden_bytes(x: u64) -> u64 {
    let below_space = !(((x & LOWS).wrapping_add(ONES.wrapping_mul(0x60))) | x) & HIGHS;
    let allowed = zero_bytes(x ^ ONES.wrapping_mul(u64::from(b'\t')))
        | zero_bytes(x ^ ONES.wrapping_mul(u64::from(b'\n')))
        | zero_bytes(x ^ ONES.wrapping_mul(u64::from(b'\r')));
    below_space & !allowed
}

/// The first C0 control character other than tab, line feed and carriage return (XML forbids them).
/// A word is first tested for any byte below 0x20 (three operations); only a word that has one (a line break,
/// mostly) gets the exact per-byte test, so the line breaks of a pretty-printed feed send no word to a byte
/// loop. This pass reads the whole document.
pub(crate) fn forbidden_control(hay: &[u8]) -> Option<usize> {
    let mut at = 0usize;
    let mut rest = hay;
    while let Some((bytes, tail)) = rest.split_first_chunk::<8>() {
        let word = u64::from_le_bytes(*bytes);
        if has_less(word, 0x20) != 0 {
            let found = forbidden_bytes(word);
            if found != 0 {
                // Little-endian: the first byte is the lowest; each byte's flag is its high bit.
                return Some(at + (found.trailing_zeros() / 8) as usize);
            }
        }
        at += 8;
        rest = tail;
    }
    let tail = rest
        .iter()
        .position(|&b| b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r')?;
    Some(at + tail)
}

/// The first byte a JSON string literal must escape: `"`, `\` or a control character.
pub(crate) fn json_special(hay: &[u8]) -> Option<usize> {
    find_by(
        hay,
        |x| has_less(x, 0x20) | has_byte(x, b'"') | has_byte(x, b'\\') != 0,
        |b| b < 0x20 || b == b'"' || b == b'\\',
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(hay: &[u8], set: impl Fn(u8) -> bool) -> Option<usize> {
        hay.iter().position(|&b| set(b))
    }

    #[test]
    fn agrees_with_a_byte_loop_at_every_position_and_length() {
        let json = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        let control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
        // Every special byte at every offset of buffers of every length up to 40, over a background that
        // includes near misses (bytes one off, high bytes of UTF-8, 0x20 and 0x7f).
        let background: Vec<u8> = "ab%'=;[]{}  \u{7f}한글é!".bytes().collect();
        for len in 0..40usize {
            let base: Vec<u8> = background.iter().copied().cycle().take(len).collect();
            assert_eq!(forbidden_control(&base), naive(&base, control));
            assert_eq!(json_special(&base), naive(&base, json));
            for at in 0..len {
                for special in [
                    b'&', b'<', b'\r', b'"', b'\\', 0x00, 0x1f, b'\n', b'\t', 0x08,
                ] {
                    let mut hay = base.clone();
                    hay[at] = special;
                    assert_eq!(json_special(&hay), naive(&hay, json), "{hay:?}");
                    assert_eq!(forbidden_control(&hay), naive(&hay, control), "{hay:?}");
                }
            }
        }
    }

    #[test]
    fn allowed_line_breaks_before_a_forbidden_control_are_passed_over() {
        for len in 1..40usize {
            for newline in 0..len {
                for control in newline + 1..len {
                    let mut hay = vec![b'a'; len];
                    hay[newline] = b'\n';
                    hay[control] = 0x08;
                    assert_eq!(forbidden_control(&hay), Some(control));
                    hay[control] = b'\t';
                    assert_eq!(forbidden_control(&hay), None);
                }
            }
        }
    }

    #[test]
    fn str_at_is_str_find() {
        let hay = "a]]b]]>c]]>--->한글?>-->";
        for needle in ["]]>", "-->", "?>", "<!", "a", "한", "x", "->", ">"] {
            assert_eq!(str_at(hay, needle), hay.find(needle), "{needle}");
            assert_eq!(split_once(hay, needle), hay.split_once(needle), "{needle}");
            assert_eq!(last_str_at(hay, needle), hay.rfind(needle), "{needle}");
        }
        assert_eq!(last_str_at("aaa", "aa"), Some(1));
        for (text, byte) in [
            ("a@b@c", '@'),
            ("abc", '@'),
            ("", ':'),
            ("a:", ':'),
            ("한:글", ':'),
        ] {
            assert_eq!(last_byte(text, byte as u8), text.rfind(byte), "{text}");
            assert_eq!(
                after_last(text, byte as u8),
                text.rsplit(byte).next().unwrap_or(text),
                "{text}"
            );
        }
        assert_eq!(last_str_at(hay, ""), None);
        assert_eq!(str_at(hay, ""), None);
        assert_eq!(str_at("", "]]>"), None);
    }

    #[test]
    fn bit_tricks_are_exact() {
        for b in 0..=255u8 {
            let word = ONES.wrapping_mul(u64::from(b));
            assert!(has_byte(word, b) != 0);
            assert!(has_byte(word, b.wrapping_add(1)) == 0);
            assert_eq!(has_less(word, 0x20) != 0, b < 0x20, "{b}");
        }
        // The per-byte masks, for every byte at every place in a word of any other bytes.
        let forbidden = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
        for b in 0..=255u8 {
            for other in [0u8, 9, 10, 13, 0x1f, 0x20, 0x7f, 0x80, 0xff] {
                for place in 0..8 {
                    let mut bytes = [other; 8];
                    bytes[place] = b;
                    let word = u64::from_le_bytes(bytes);
                    for (k, &byte) in bytes.iter().enumerate() {
                        let bit = 0x80u64 << (8 * k);
                        assert_eq!(zero_bytes(word) & bit != 0, byte == 0, "{bytes:?}");
                        assert_eq!(
                            forbidden_bytes(word) & bit != 0,
                            forbidden(byte),
                            "{bytes:?}"
                        );
                    }
                }
            }
        }
    }
}
