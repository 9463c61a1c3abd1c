//! Excerpts cut by grapheme cluster, so a cut never splits a character, an emoji sequence or a Hangul syllable.

use std::borrow::Cow;

/// Cuts plain text to at most `max` grapheme clusters, the trailing "…" included.
///
/// In spaced scripts the cut backs up to the last whitespace when that keeps more
/// than half of `max`; next to Hangul, Han or Kana it cuts at the grapheme. Trailing
/// whitespace and punctuation such as `,;:-` are trimmed before the "…". Borrows when
/// no cut is needed; `max == 0` gives "".
///
/// # Examples
///
/// ```
/// use feedlet::excerpt;
/// assert_eq!(excerpt("The quick brown fox", 14), "The quick…");
/// assert_eq!(excerpt("안녕하세요 여러분 반갑습니다", 8), "안녕하세요 여…");
/// assert_eq!(excerpt("short", 10), "short");
/// ```
pub fn excerpt(text: &str, max: usize) -> Cow<'_, str> {
    let Some(keep) = max.checked_sub(1) else {
        return Cow::Borrowed("");
    };
    let mut cut = 0;
    let mut pos = 0;
    // Byte offset of the last whitespace grapheme before the cut, and how many graphemes precede it.
    let mut space: Option<(usize, usize)> = None;
    for (i, g) in Graphemes(text).enumerate() {
        if i == max {
            return Cow::Owned(cut_text(text, cut, space, max));
        }
        if i == keep {
            cut = pos;
        } else if i < keep && g.starts_with(char::is_whitespace) {
            space = Some((pos, i));
        }
        pos += g.len();
    }
    Cow::Borrowed(text)
}

/// Trailing characters that would dangle before the ellipsis.
#[rustfmt::skip]
const DANGLING: &[char] = &['.', '。', ',', ';', ':', '-', '–', '—', '/', '(', '[', '{', '“', '‘', '«', '、', '，', '；', '：'];

fn cut_text(text: &str, mut cut: usize, space: Option<(usize, usize)>, max: usize) -> String {
    let prev = text.get(..cut).and_then(|h| h.chars().next_back());
    let next = text.get(cut..).and_then(|t| t.chars().next());
    let dense = prev.is_some_and(is_dense) || next.is_some_and(is_dense);
    let at_space = prev.is_some_and(char::is_whitespace) || next.is_some_and(char::is_whitespace);
    if !dense && !at_space {
        if let Some((at, _)) = space.filter(|&(_, before)| before > max / 2) {
            cut = at;
        }
    }
    let head = text
        .get(..cut)
        .unwrap_or("")
        .trim_end_matches(|c: char| c.is_whitespace() || DANGLING.contains(&c));
    let mut out = String::with_capacity(head.len() + 3);
    out.push_str(head);
    out.push('…');
    out
}

/// Hangul, Han, Kana and CJK punctuation: scripts written without spaces between
/// words (or, for Korean, where cutting mid-word reads fine).
fn is_dense(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF | 0x2E80..=0x9FFF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x2_0000..=0x3_FFFF)
}

/// Counts grapheme clusters with a table-free approximation of UAX #29: combining
/// marks and variation selectors extend, ZWJ joins the next character, emoji
/// modifiers and tag characters extend, regional indicators pair up, Hangul jamo
/// form syllables, a Devanagari or Bengali virama joins the next consonant, and
/// CR LF is one cluster.
pub fn grapheme_count(text: &str) -> usize {
    Graphemes(text).count()
}

/// Iterates over grapheme clusters as sub-slices.
struct Graphemes<'a>(&'a str);

impl<'a> Iterator for Graphemes<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let n = cluster_len(self.0);
        if n == 0 {
            return None;
        }
        let (g, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(g)
    }
}

const ZWJ: char = '\u{200D}';

/// Byte length of the first grapheme cluster of `s` (0 only when `s` is empty).
fn cluster_len(s: &str) -> usize {
    let mut it = s.char_indices();
    let Some((_, mut prev)) = it.next() else {
        return 0;
    };
    let mut ri_odd = is_ri(prev);
    for (i, c) in it {
        let join = if prev == '\r' {
            c == '\n'
        } else if prev.is_control() || c.is_control() {
            false
        } else if is_extend(c) {
            true
        } else if prev == ZWJ {
            !c.is_whitespace()
        } else if matches!(prev, '\u{94D}' | '\u{9CD}') {
            // GB9c: a virama binds the next consonant into one conjunct.
            matches!(c, '\u{915}'..='\u{939}' | '\u{958}'..='\u{95F}' | '\u{995}'..='\u{9B9}' | '\u{9DC}'..='\u{9DF}')
        } else if is_ri(c) {
            ri_odd
        } else {
            jamo_joins(jamo(prev), jamo(c))
        };
        if !join {
            return i;
        }
        if is_ri(c) {
            ri_odd = !ri_odd;
        }
        prev = c;
    }
    s.len()
}

fn is_ri(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}')
}

/// Characters that attach to the preceding one (`Extend` and common `SpacingMark`), sorted.
#[rustfmt::skip]
const EXTEND: &[(u32, u32)] = &[
    (0x0300, 0x036F), (0x0483, 0x0489), (0x0591, 0x05BD), (0x05BF, 0x05BF), (0x05C1, 0x05C2),
    (0x05C4, 0x05C5), (0x05C7, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F), (0x0670, 0x0670),
    (0x06D6, 0x06DC), (0x06DF, 0x06E4), (0x06E7, 0x06E8), (0x06EA, 0x06ED), (0x0900, 0x0903),
    (0x093A, 0x093C), (0x093E, 0x094F), (0x0951, 0x0957), (0x0962, 0x0963), (0x0981, 0x0983),
    (0x09BC, 0x09BC), (0x09BE, 0x09CD), (0x09D7, 0x09D7), (0x09E2, 0x09E3), (0x0E31, 0x0E31),
    (0x0E33, 0x0E3A), (0x0E47, 0x0E4E), (0x0EB1, 0x0EB1), (0x0EB3, 0x0EBC), (0x0EC8, 0x0ECE),
    (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x200C, 0x200D), (0x20D0, 0x20FF), (0x302A, 0x302F),
    (0x3099, 0x309A), (0xFE00, 0xFE0F), (0xFE20, 0xFE2F), (0xFF9E, 0xFF9F), (0x1F3FB, 0x1F3FF),
    (0xE0020, 0xE007F), (0xE0100, 0xE01EF),
];

fn is_extend(c: char) -> bool {
    let cp = u32::from(c);
    cp >= 0x300
        && EXTEND
            .binary_search_by(|&(lo, hi)| {
                if hi < cp {
                    std::cmp::Ordering::Less
                } else if lo > cp {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .is_ok()
}

const L: u8 = 1;
const V: u8 = 2;
const T: u8 = 3;
const LV: u8 = 4;
const LVT: u8 = 5;

/// Hangul syllable type (0 = not Hangul jamo or syllable).
fn jamo(c: char) -> u8 {
    match u32::from(c) {
        0x1100..=0x115F | 0xA960..=0xA97C => L,
        0x1160..=0x11A7 | 0xD7B0..=0xD7C6 => V,
        0x11A8..=0x11FF | 0xD7CB..=0xD7FB => T,
        s @ 0xAC00..=0xD7A3 if (s - 0xAC00) % 28 == 0 => LV,
        0xAC00..=0xD7A3 => LVT,
        _ => 0,
    }
}

/// UAX #29 rules GB6–GB8.
fn jamo_joins(a: u8, b: u8) -> bool {
    matches!(
        (a, b),
        (L, L | V | LV | LVT) | (V | LV, V | T) | (LVT | T, T)
    )
}
