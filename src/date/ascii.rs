//! Date text made plain ASCII: lowercased, Greek, accented and Korean words folded, comments dropped, split into words.

use super::*;

/// The normalised date: on the stack, since it is never longer than the input (every
/// character becomes at most as many bytes as it had), and the input is at most `MAX_LEN`.
pub(super) struct Ascii {
    pub(super) bytes: [u8; MAX_LEN],
    pub(super) len: usize,
}

impl Ascii {
    pub(super) fn push(&mut self, b: u8) {
        if let Some(slot) = self.bytes.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    pub(super) fn ends_with_space(&self) -> bool {
        self.len.checked_sub(1).and_then(|i| self.bytes.get(i)) == Some(&b' ')
    }

    /// One space between words: none at the start, never two in a row.
    pub(super) fn space(&mut self) {
        if self.len > 0 && !self.ends_with_space() {
            self.push(b' ');
        }
    }

    pub(super) fn as_slice(&self) -> &[u8] {
        self.bytes.get(..self.len).unwrap_or_default()
    }
}

/// Lowercases, folds Greek and accented Latin letters to ASCII, turns Korean date and
/// AM/PM words into ASCII separators, drops `(comments)` and collapses whitespace, so the
/// parsers below only ever see ASCII; returns whether the date was Korean.
pub(super) fn normalize(input: &str, out: &mut Ascii) -> Option<bool> {
    if input.len() > MAX_LEN {
        return None;
    }
    let mut depth = 0u32;
    let mut korean = false;
    // After 년 and 월 the next word follows a `-`, so the spaces before it go.
    let mut skip_space = false;
    let mut it = input.chars();
    while let Some(c) = it.next() {
        let space = c.is_whitespace();
        if skip_space && space {
            continue;
        }
        skip_space = false;
        let b = match c {
            '(' => {
                depth = depth.saturating_add(1);
                continue;
            }
            ')' if depth > 0 => {
                depth -= 1;
                continue;
            }
            _ if depth > 0 => continue,
            '년' | '월' => {
                korean = true;
                skip_space = true;
                b'-'
            }
            '일' => {
                korean = true;
                b' '
            }
            '오' => {
                // 오전 is AM and 오후 is PM; a lone 오 is not part of any date.
                let pm = match it.next() {
                    Some('전') => b'a',
                    Some('후') => b'p',
                    _ => return None,
                };
                korean = true;
                out.space();
                out.push(pm);
                out.push(b'm');
                b' '
            }
            '\u{2212}' => b'-',
            _ if space => b' ',
            _ => fold(c)?,
        };
        // `fold` never returns a space, so a space here is always a separator.
        if b == b' ' {
            out.space();
        } else {
            out.push(b);
        }
    }
    if out.ends_with_space() {
        out.len -= 1;
    }
    Some(korean)
}

/// Maps ASCII to lowercase, and accented Latin and Greek letters to one lowercase ASCII
/// letter: enough to recognise Hungarian (`július`) and Greek (`Ιούλ`) month names with the
/// ASCII month table.
pub(super) fn fold(c: char) -> Option<u8> {
    /// U+00C0 to U+00DF, and U+00E0 to U+00FF; `?` is not a letter.
    const LATIN: &[u8] = b"aaaaaaaceeeeiiiidnooooo?ouuuuyts";
    /// U+0386 to U+03CE: accented capitals, capitals, accented small letters, small letters.
    const GREEK: &[u8] =
        b"a?eii?o?uoiabgdezitiklmnxoprsstufxpoiuaeiiuabgdezitiklmnxoprsstufxpoiuouo";
    let u = u32::from(c);
    let (table, i) = match u {
        0..=0x7F => return u8::try_from(u).ok().map(|b| b.to_ascii_lowercase()),
        // Hungarian ő and ű.
        0x150 | 0x151 => return Some(b'o'),
        0x170 | 0x171 => return Some(b'u'),
        // Capitals and small letters share a row.
        0xC0..=0xFF => (LATIN, u & 31),
        _ => (GREEK, u.checked_sub(0x386)?),
    };
    let b = *table.get(usize::try_from(i).ok()?)?;
    (b != b'?').then_some(b)
}

/// A byte cursor over normalised (ASCII) text.
pub(super) struct Cur<'a> {
    pub(super) s: &'a [u8],
    pub(super) i: usize,
}

impl<'a> Cur<'a> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    pub(super) fn eat(&mut self, b: u8) -> bool {
        let hit = self.peek() == Some(b);
        if hit {
            self.i += 1;
        }
        hit
    }

    /// Reads a digit run; a run longer than `max` is rejected rather than truncated, which
    /// both bounds the value and rejects overlong fields.
    pub(super) fn digits(&mut self, max: usize) -> Option<(u32, usize)> {
        let mut v = 0u32;
        let mut n = 0;
        while let Some(b) = self.peek().filter(u8::is_ascii_digit) {
            if n == max {
                return None;
            }
            v = v * 10 + u32::from(b - b'0');
            n += 1;
            self.i += 1;
        }
        Some((v, n))
    }

    pub(super) fn fixed(&mut self, n: usize) -> Option<u32> {
        self.digits(n).filter(|&(_, k)| k == n).map(|(v, _)| v)
    }

    pub(super) fn upto(&mut self, n: usize) -> Option<u32> {
        self.digits(n).filter(|&(_, k)| k > 0).map(|(v, _)| v)
    }

    pub(super) fn word(&mut self) -> &'a [u8] {
        let start = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_lowercase()) {
            self.i += 1;
        }
        self.s.get(start..self.i).unwrap_or_default()
    }

    /// Skips an ISO fraction (`.5`, `,25`); sub-second precision is not kept.
    pub(super) fn fraction(&mut self) -> Option<()> {
        if self.eat(b'.') || self.eat(b',') {
            let start = self.i;
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.i += 1;
            }
            if self.i == start {
                return None;
            }
        }
        Some(())
    }

    pub(super) fn rest(&self) -> &'a [u8] {
        self.s.get(self.i..).unwrap_or_default()
    }
}

/// What comes before and after the first `sep`.
pub(super) fn split_once(s: &[u8], sep: u8) -> Option<(&[u8], &[u8])> {
    let i = s.iter().position(|&b| b == sep)?;
    Some((s.get(..i)?, s.get(i + 1..)?))
}

/// Splits `s` into non-empty words separated by spaces; in `text` mode also by commas, with
/// RFC 850's `06-nov-94` split into three. None when there are too many words to be a date.
pub(super) fn words(s: &[u8], text: bool) -> Option<([&[u8]; 15], usize)> {
    let mut out = [&[][..]; 15];
    let mut n = 0;
    let limit = if text { 13 } else { 8 };
    for w in s.split(|&b| b == b' ' || (text && b == b',')) {
        if w.is_empty() {
            continue;
        }
        if n >= limit {
            return None;
        }
        // RFC 850 glues the date with hyphens: `Sunday, 06-Nov-94`.
        if let Some((d, (m, y))) = split_once(w, b'-')
            .filter(|_| text)
            .and_then(|(d, r)| Some((d, split_once(r, b'-')?)))
        {
            if !y.contains(&b'-') && day_num(d).is_some() && month_of(m).is_some() {
                for part in [d, m, y] {
                    *out.get_mut(n)? = part;
                    n += 1;
                }
                continue;
            }
        }
        *out.get_mut(n)? = w;
        n += 1;
    }
    Some((out, n))
}
