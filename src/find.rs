//! Byte searches that read eight bytes at a time (SWAR: "SIMD within a register", in plain safe Rust).
//!
//! The wasm build is optimized for size, where a byte-by-byte loop stays a byte-by-byte loop; these scans
//! test a whole `u64` per step with the classic "has a zero byte" bit trick and only look at single bytes
//! in the word that matched. They are the inner loops of unescaping and of writing JSON.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGHS: u64 = 0x8080_8080_8080_8080;

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

/// The first index whose byte satisfies `byte`, skipping eight bytes at a time while `word` says no byte of
/// the word can.
fn find_by(hay: &[u8], word: impl Fn(u64) -> bool, byte: impl Fn(u8) -> bool) -> Option<usize> {
    let mut skipped = 0;
    for chunk in hay.chunks_exact(8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        if word(u64::from_le_bytes(bytes)) {
            break;
        }
        skipped += 8;
    }
    let rest = hay.get(skipped..)?;
    rest.iter().position(|&b| byte(b)).map(|i| i + skipped)
}

/// The first `byte`: the scanner's search for `<`, `>`, quotes and the first byte of end tags.
pub(crate) fn byte(hay: &[u8], byte: u8) -> Option<usize> {
    find_by(hay, |x| has_byte(x, byte) != 0, |b| b == byte)
}

/// The first `&`, `<` or `\r`: where raw XML text needs more than copying.
pub(crate) fn xml_special(hay: &[u8]) -> Option<usize> {
    find_by(
        hay,
        |x| has_byte(x, b'&') | has_byte(x, b'<') | has_byte(x, b'\r') != 0,
        |b| matches!(b, b'&' | b'<' | b'\r'),
    )
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
        let xml = |b: u8| matches!(b, b'&' | b'<' | b'\r');
        let json = |b: u8| b < 0x20 || b == b'"' || b == b'\\';
        // Every special byte at every offset of buffers of every length up to 40, over a background that
        // includes near misses (bytes one off, high bytes of UTF-8, 0x20 and 0x7f).
        let background: Vec<u8> = "ab%'=;[]{}  \u{7f}한글é!".bytes().collect();
        for len in 0..40usize {
            let base: Vec<u8> = background.iter().copied().cycle().take(len).collect();
            assert_eq!(xml_special(&base), naive(&base, xml));
            assert_eq!(byte(&base, b'<'), naive(&base, |b| b == b'<'));
            assert_eq!(json_special(&base), naive(&base, json));
            for at in 0..len {
                for special in [b'&', b'<', b'\r', b'"', b'\\', 0x00, 0x1f, b'\n'] {
                    let mut hay = base.clone();
                    hay[at] = special;
                    assert_eq!(xml_special(&hay), naive(&hay, xml), "{hay:?}");
                    assert_eq!(json_special(&hay), naive(&hay, json), "{hay:?}");
                    assert_eq!(byte(&hay, special), naive(&hay, |b| b == special), "{hay:?}");
                }
            }
        }
    }

    #[test]
    fn bit_tricks_are_exact() {
        for b in 0..=255u8 {
            let word = ONES.wrapping_mul(u64::from(b));
            assert!(has_byte(word, b) != 0);
            assert!(has_byte(word, b.wrapping_add(1)) == 0);
            assert_eq!(has_less(word, 0x20) != 0, b < 0x20, "{b}");
        }
    }
}
