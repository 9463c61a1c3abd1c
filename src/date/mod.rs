//! Turns the many date spellings found in RSS, Atom and JSON feeds into UTC unix seconds, and back into RFC 3339.

mod ascii;
mod calendar;
mod iso;
#[cfg(test)]
mod tests;
mod words;

use ascii::*;
use calendar::*;
use iso::*;
use words::*;

/// Longer strings are never dates; bailing out early keeps hostile input cheap.
const MAX_LEN: usize = 200;
/// 0001-01-01T00:00:00Z: the earliest instant `parse_date` returns.
const MIN_SECS: i64 = -62_135_596_800;
/// 9999-12-31T23:59:59Z: the latest instant either function deals in.
const MAX_SECS: i64 = 253_402_300_799;
/// 0000-01-01T00:00:00Z: where `format_utc` clamps, so it always prints four digits.
const MIN_FMT: i64 = -62_167_219_200;
const DAY: i64 = 86_400;

/// Parses a feed date into seconds since 1970-01-01T00:00:00Z, or None when it is not a date.
///
/// Understands RFC 3339 / W3C-DTF / ISO 8601 (including truncated, ordinal and week dates),
/// RFC 822 / 1123 / 2822 / 850, asctime and JavaScript `Date` strings, plus a few localised
/// spellings (Greek, Hungarian and Korean month and clock words). A missing zone means UTC,
/// except that Korean forms default to KST.
///
/// # Examples
///
/// ```
/// use feedlet::parse_date;
///
/// assert_eq!(parse_date("2026-03-07T00:00:00+09:00"), Some(1_772_809_200));
/// assert_eq!(parse_date("Sat, 07 Mar 2026 00:00:00 +0900"), Some(1_772_809_200));
/// assert_eq!(parse_date("Sun Jan  4 16:29:06 2004"), Some(1_073_233_746));
/// assert_eq!(parse_date("2026-02-30"), None);
/// assert_eq!(parse_date("yesterday"), None);
/// ```
pub fn parse_date(input: &str) -> Option<i64> {
    // A date written inside markup (`<time datetime="2019-05-03T19:21:28Z">May 3</time>`, escaped in the feed):
    // the machine-readable attribute first, else the text between the tags.
    if input.contains('<') {
        if let Some(date) = datetime_attribute(input).and_then(parse_plain) {
            return Some(date);
        }
        return parse_plain(&text_outside_tags(input));
    }
    parse_plain(input)
}

/// The value of the first `datetime="…"` (or single-quoted) attribute.
fn datetime_attribute(markup: &str) -> Option<&str> {
    let at = crate::find::str_at(markup, "datetime=")?;
    let after = markup.get(at + "datetime=".len()..)?;
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    after.get(1..)?.split(quote).next()
}

/// The text of `markup` with every `<…>` removed.
fn text_outside_tags(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut in_tag = false;
    for c in markup.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn parse_plain(input: &str) -> Option<i64> {
    let mut buf = Ascii {
        bytes: [0; MAX_LEN],
        len: 0,
    };
    let korean = normalize(input, &mut buf)?;
    let s = buf.as_slice();
    // Korean blogs write local time without a zone, and that local time is KST.
    let default_off = if korean { 540 } else { 0 };
    parse_iso(s, default_off)
        .or_else(|| parse_text(s, default_off))
        .or_else(|| {
            // Perforce-style `Fri, 2006/09/15 08:19:53 EDT`: a weekday before an ISO-ish date.
            // The date must be complete (8+ characters) so `Mar 2026` is not read as a year.
            let (mut word, rest) = split_once(s, b' ')?;
            while let [w @ .., b','] = word {
                word = w;
            }
            let date_len = rest
                .iter()
                .position(|&b| b == b' ' || b == b't')
                .unwrap_or(rest.len());
            (is_word(word) && month_of(word).is_none() && date_len >= 8)
                .then_some(())
                .and_then(|()| parse_iso(rest, default_off))
        })
        .or_else(|| numeric_dmy_or_ymd(s, default_off))
        .or_else(|| {
            // `January, 29 Jan 2021 17:56:15 +0530`: a word and a comma (a month name where a weekday belongs)
            // before a complete date.
            let (first, rest) = split_once(s, b' ')?;
            let word = first.strip_suffix(b",")?;
            (is_word(word) && rest.len() >= 8)
                .then_some(())
                .and_then(|()| parse_text(rest, default_off))
        })
}

/// Numeric dates that are not ISO: `22.11.2022 12:16:00` (day.month.year, as German and Russian sites write
/// them) and `2020/1/10 14:33:00` (year/month/day with unpadded fields). The date is rewritten as ISO
/// `YYYY-MM-DD` and read with the rest of the string by [`parse_iso`].
fn numeric_dmy_or_ymd(s: &[u8], default_off: i32) -> Option<i64> {
    let date_len = s.iter().position(|&b| b == b' ').unwrap_or(s.len());
    let (date, rest) = s.split_at_checked(date_len)?;
    let separator = *date.iter().find(|b| !b.is_ascii_digit())?;
    if separator != b'.' && separator != b'/' {
        return None;
    }
    let mut parts = date.split(|&b| b == separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let number = |part: &[u8], max_len: usize| -> Option<u32> {
        if part.is_empty() || part.len() > max_len || !part.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(part.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a, 4)?, number(b, 2)?, number(c, 2)?)
    } else if c.len() == 4 && separator == b'.' {
        (number(c, 4)?, number(b, 2)?, number(a, 2)?)
    } else {
        return None;
    };
    // `YYYY-MM-DD` plus the time as written: at most 10 + MAX_LEN bytes.
    let mut iso = [0u8; 10 + MAX_LEN];
    let digits = [
        year / 1000,
        year / 100 % 10,
        year / 10 % 10,
        year % 10,
        10,
        month / 10,
        month % 10,
        10,
        day / 10,
        day % 10,
    ];
    for (slot, digit) in iso.iter_mut().zip(digits) {
        *slot = if digit == 10 {
            b'-'
        } else {
            b'0' + digit as u8
        };
    }
    let total = 10 + rest.len();
    iso.get_mut(10..total)?.copy_from_slice(rest);
    parse_iso(iso.get(..total)?, default_off)
}

/// Formats seconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
///
/// Instants outside years 0000–9999 are clamped to the nearest end of that range, so the
/// output is always 20 characters.
///
/// # Examples
///
/// ```
/// use feedlet::format_utc;
///
/// assert_eq!(format_utc(0), "1970-01-01T00:00:00Z");
/// assert_eq!(format_utc(1_772_809_200), "2026-03-06T15:00:00Z");
/// assert_eq!(format_utc(i64::MAX), "9999-12-31T23:59:59Z");
/// assert_eq!(
///     feedlet::parse_date("Thu, 01 Jan 04 19:48:21 GMT").map(format_utc).as_deref(),
///     Some("2004-01-01T19:48:21Z")
/// );
/// ```
pub fn format_utc(seconds: i64) -> String {
    let t = seconds.clamp(MIN_FMT, MAX_SECS);
    let (y, m, d) = civil(t.div_euclid(DAY));
    let sod = t.rem_euclid(DAY);
    let mut out = String::with_capacity(20);
    push_digits(&mut out, y, 1000);
    out.push('-');
    push_digits(&mut out, m.into(), 10);
    out.push('-');
    push_digits(&mut out, d.into(), 10);
    out.push('T');
    push_digits(&mut out, sod / 3600, 10);
    out.push(':');
    push_digits(&mut out, sod / 60 % 60, 10);
    out.push(':');
    push_digits(&mut out, sod % 60, 10);
    out.push('Z');
    out
}

/// Writes `v` zero-padded, most significant digit first, starting at place value `div`.
fn push_digits(out: &mut String, v: i64, mut div: i64) {
    while div > 0 {
        // `v` is non-negative and below 10 000 here, so the digit always fits in a u8.
        let digit = u8::try_from(v / div % 10).unwrap_or(0);
        out.push(char::from(b'0' + digit));
        div /= 10;
    }
}
