//! Dates written in words: RFC 822/1123/2822/850, asctime, JavaScript `Date` strings and localised spellings.

use super::*;

/// RFC 822 family, asctime and JavaScript `Date#toString`, tokenised on spaces and commas.
pub(super) fn parse_text(s: &[u8], default_off: i32) -> Option<i64> {
    let (w, n) = words(s, true)?;
    let mut t = w.get(..n)?;
    // Any leading word that is not the month is a weekday: it may be missing, wrong or
    // localised, and is never checked against the date.
    if let [w, r @ ..] = t {
        if is_word(w) && (month_of(w).is_none() || r.first().is_some_and(|x| is_word(x))) {
            t = r;
        }
    }
    let [a, b, r @ ..] = t else { return None };
    // `07 Mar 2026 ...`, else `Mar 07 [2026] ...` (JavaScript, or asctime and Twitter with the
    // year at the end).
    let day_first = day_num(a).zip(month_of(b));
    let (d, m) = match day_first {
        Some(dm) => dm,
        None => (day_num(b)?, month_of(a)?),
    };
    let year = r.first().and_then(|y| year_num(y));
    let r = match year {
        Some(_) => r.get(1..)?,
        None if day_first.is_some() => return None,
        None => r,
    };
    let tail = tail(r, false, year.is_none())?;
    finish(
        ymd(year.or(tail.year)?, m, d)?,
        tail.secs,
        tail.off.unwrap_or(default_off),
    )
}

/// Time of day, zone and (for asctime) year found after the date.
pub(super) struct Tail {
    pub(super) secs: i64,
    pub(super) off: Option<i32>,
    pub(super) year: Option<i64>,
}

/// Reads `[am|pm] [time][am|pm|zone] [am|pm] [zone] [zone name] [year]` and nothing else.
pub(super) fn tail(mut t: &[&[u8]], basic: bool, need_year: bool) -> Option<Tail> {
    let mut pm = None;
    let mut hms = None;
    let mut off = None;
    if let [w, r @ ..] = t {
        if let Some(p) = meridiem(w) {
            pm = Some(p);
            t = r;
        }
    }
    if let [w, r @ ..] = t {
        if let Some((v, glued)) = clock(w, basic) {
            hms = Some(v);
            t = r;
            if !glued.is_empty() {
                match meridiem(glued) {
                    Some(p) if pm.is_none() => pm = Some(p),
                    Some(_) => return None,
                    None => off = Some(zone(glued)?),
                }
            }
        }
    }
    if let (None, [w, r @ ..]) = (pm, t) {
        if let Some(p) = meridiem(w) {
            pm = Some(p);
            t = r;
        }
    }
    if let (None, [w, r @ ..]) = (off, t) {
        if let Some(z) = zone(w) {
            off = Some(z);
            t = r;
        }
    }
    // `+0900 KST` or Go's `+0000 UTC`: the numeric offset already said it all.
    if let (Some(_), [w, r @ ..]) = (off, t) {
        if is_word(w) && named_zone(w).is_some() {
            t = r;
        }
    }
    let mut year = None;
    if need_year {
        let [w, r @ ..] = t else { return None };
        year = Some(year_num(w)?);
        t = r;
    }
    if !t.is_empty() {
        return None;
    }
    let (mut h, m, s) = hms.unwrap_or((0, 0, 0));
    if let Some(p) = pm {
        if hms.is_none() || !(1..=12).contains(&h) {
            return None;
        }
        h = h % 12 + if p { 12 } else { 0 };
    }
    if h > 24 || m > 59 || s > 60 || (h == 24 && m + s > 0) {
        return None;
    }
    // A leap second is folded into the second before it; unix time has no slot for it.
    let secs = i64::from(h * 3600 + m * 60 + s.min(59));
    Some(Tail { secs, off, year })
}

/// `am` or `a.m.` (false), `pm` or `p.m.` (true).
pub(super) fn meridiem(w: &[u8]) -> Option<bool> {
    group_of(b"am a.m.,pm p.m.,", w).map(|g| g == 1)
}

/// Hours, minutes, seconds.
pub(super) type Hms = (u32, u32, u32);

/// Parses `h:mm[:ss[.frac]]` (or, when `basic`, `hh[mm[ss]]`) and returns what is glued on
/// after it, such as `z`, `+09:00` or `pm`.
pub(super) fn clock(w: &[u8], basic: bool) -> Option<(Hms, &[u8])> {
    let mut c = Cur { s: w, i: 0 };
    let (v, n) = c.digits(6)?;
    let hms = if c.eat(b':') {
        if n == 0 || n > 2 {
            return None;
        }
        let m = c.fixed(2)?;
        let s = if c.eat(b':') { c.fixed(2)? } else { 0 };
        (v, m, s)
    } else if basic {
        match n {
            2 => (v, 0, 0),
            4 => (v / 100, v % 100, 0),
            6 => (v / 10_000, v / 100 % 100, v % 100),
            _ => return None,
        }
    } else {
        return None;
    };
    c.fraction()?;
    Some((hms, c.rest()))
}

/// Offset east of UTC in minutes: `z`, `+09`, `+0900`, `+09:00`, a zone name, a name with an
/// offset (`gmt-01:01`), or `etc/gmt`.
pub(super) fn zone(tok: &[u8]) -> Option<i32> {
    let t = match tok {
        [b'e', b't', b'c', b'/', t @ ..] => t,
        _ => tok,
    };
    let split = t
        .iter()
        .position(|b| !b.is_ascii_lowercase())
        .unwrap_or(t.len());
    let (name, rest) = t.split_at_checked(split)?;
    let base = match name.len() {
        0 => 0,
        // RFC 5322 §4.3: unknown 3–5 letter zones are to be read as UTC.
        len => named_zone(name).or_else(|| (3..=5).contains(&len).then_some(0))?,
    };
    let (sign, body) = match rest {
        [] => return (!name.is_empty()).then_some(base),
        [b'+', body @ ..] => (1, body),
        [b'-', body @ ..] => (-1, body),
        _ => return None,
    };
    // `+9`, `+09`, `+9:00`, `+09:00` or `+0900`, and nothing after it.
    let mut c = Cur { s: body, i: 0 };
    let (v, n) = c.digits(4)?;
    let (h, m) = match (n, c.eat(b':')) {
        (1 | 2, true) => (v, c.fixed(2)?),
        (1 | 2, false) => (v, 0),
        (4, false) => (v / 100, v % 100),
        _ => return None,
    };
    if c.peek().is_some() || h > 23 || m > 59 {
        return None;
    }
    i32::try_from(h * 60 + m).ok().map(|v| base + sign * v)
}

/// Zone abbreviations seen in feeds, one group per offset in `ZONE_OFFSETS`: names are
/// separated by spaces and groups end with a comma. Where an abbreviation is ambiguous the
/// North American (CST, AST) or Indian (IST) reading wins.
pub(super) const ZONE_NAMES: &[u8] = b"ut utc gmt uct wet zulu,bst cet met mez west wat,\
cest mest mesz eet cat sast,eest msk eat,ist,ict wib,hkt sgt awst pht wita,jst kst wit,\
acst,aest chst,acdt,aedt,nzst,nzdt,ndt,brt art adt,nst,ast at edt,est et cdt,cst ct mdt,\
mst mt pdt,pst pt akdt,akst hdt,hst,";
/// Minutes east of UTC of each group of `ZONE_NAMES`.
pub(super) const ZONE_OFFSETS: [i16; 24] = [
    0, 60, 120, 180, 330, 420, 480, 540, 570, 600, 630, 660, 720, 780, -150, -180, -210, -240,
    -300, -360, -420, -480, -540, -600,
];

/// Month names by their first three letters, one group per month (January first), then
/// French `jui…` and Greek `Ιού…`, where the fourth letter decides (`n` June, `l` July).
pub(super) const MONTH_NAMES: &[u8] =
    b"jan ian ene gen,feb fev,mar mrz,apr avr abr,may mai maj mag,\
jun ion giu,jul iol lug,aug avg ago aou,sep sze set,oct okt ott,nov noe,dec dek dez dic,jui iou,";

/// The group of `table` (see `ZONE_NAMES`) that lists `word`.
pub(super) fn group_of(table: &[u8], word: &[u8]) -> Option<usize> {
    let mut group = 0;
    let mut start = 0;
    for (i, &b) in table.iter().enumerate() {
        if b == b' ' || b == b',' {
            if table.get(start..i) == Some(word) {
                return Some(group);
            }
            start = i + 1;
            group += usize::from(b == b',');
        }
    }
    None
}

/// A zone abbreviation (or military letter) in minutes east of UTC.
pub(super) fn named_zone(n: &[u8]) -> Option<i32> {
    if let [l] = *n {
        // Military letters, with their real meaning (RFC 822 printed the signs backwards).
        let hours = match l {
            b'z' => 0,
            b'a'..=b'i' => i32::from(l - b'a') + 1,
            b'k'..=b'm' => i32::from(l - b'a'),
            b'n'..=b'y' => -i32::from(l - b'm'),
            _ => return None,
        };
        return Some(hours * 60);
    }
    ZONE_OFFSETS
        .get(group_of(ZONE_NAMES, n)?)
        .map(|&m| i32::from(m))
}

/// Month from its name; the first three letters decide, after folding, so English, Greek,
/// Hungarian and the common Romance/German abbreviations all land here.
pub(super) fn month_of(w: &[u8]) -> Option<u32> {
    let w = match w {
        [name @ .., b'.'] => name,
        _ => w,
    };
    if !w.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let (head, rest) = w.split_at_checked(3)?;
    match group_of(MONTH_NAMES, head)? {
        12 => match rest.first()? {
            b'n' => Some(6),
            b'l' => Some(7),
            _ => None,
        },
        m => u32::try_from(m + 1).ok(),
    }
}

pub(super) fn is_word(w: &[u8]) -> bool {
    w.first().is_some_and(u8::is_ascii_lowercase)
        && w.iter().all(|&b| b.is_ascii_lowercase() || b == b'.')
}

/// All digits, between `min` and `max` of them (at most 4, so no overflow).
pub(super) fn small_num(t: &[u8], min: usize, max: usize) -> Option<u32> {
    if t.len() < min || t.len() > max.min(4) || !t.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(t.iter().fold(0, |a, b| a * 10 + u32::from(b - b'0')))
}

/// A day of the month, allowing English ordinal suffixes (`7th`).
pub(super) fn day_num(t: &[u8]) -> Option<u32> {
    let t = match t.split_at_checked(t.len().saturating_sub(2)) {
        Some((d, suffix)) if group_of(b"st nd rd th,", suffix).is_some() => d,
        _ => t,
    };
    small_num(t, 1, 2)
}

/// RFC 2822 §4.3 years: two digits pivot at 50, three digits count from 1900.
pub(super) fn year_num(t: &[u8]) -> Option<i64> {
    let v = small_num(t, 2, 4)?;
    Some(match t.len() {
        2 => short_year(v),
        3 => i64::from(v) + 1900,
        _ => v.into(),
    })
}

/// A year written with `digits` digits: two digits are a short year.
pub(super) fn year_of(v: u32, digits: usize) -> i64 {
    if digits == 2 {
        short_year(v)
    } else {
        v.into()
    }
}

pub(super) fn short_year(v: u32) -> i64 {
    i64::from(v) + if v < 50 { 2000 } else { 1900 }
}
