//! ISO 8601 and its profiles (RFC 3339, W3C-DTF): calendar, ordinal and week dates, basic and extended forms.

use super::*;

/// ISO 8601 family: W3C-DTF, RFC 3339, basic and truncated forms, ordinal and week dates.
pub(super) fn parse_iso(s: &[u8], default_off: i32) -> Option<i64> {
    let mut c = Cur { s, i: 0 };
    // Reduced-precision dates (year, year-month, week) take no time of day.
    let mut full = true;
    let days = if c.eat(b'-') {
        // Truncated `-YYMM` / `-YY-MM` from ISO 8601:2000.
        full = false;
        let (v, n) = c.digits(4)?;
        let (yy, mm) = match n {
            4 => (v / 100, v % 100),
            2 if c.eat(b'-') => (v, c.fixed(2)?),
            _ => return None,
        };
        ymd(short_year(yy), mm, 1)?
    } else {
        let (v, n) = c.digits(8)?;
        match n {
            // `YYYYMMDD` and `YYMMDD`.
            8 | 6 => ymd(year_of(v / 10_000, n - 4), v / 100 % 100, v % 100)?,
            // `YYDDD`; a bare five-digit number that does not start with 0 reads as an
            // overlong year (W3C-DTF's "year too long"), so only `0YDDD` is taken as ordinal.
            5 if v >= 10_000 => return None,
            // `YYYYDDD` and `YYDDD`.
            7 | 5 => ordinal(year_of(v / 1000, n - 3), v % 1000)?,
            4 => year_rest(&mut c, v.into(), &mut full)?,
            2 if c.eat(b'-') => {
                let m = c.fixed(2)?;
                if !c.eat(b'-') {
                    return None;
                }
                ymd(short_year(v), m, c.fixed(2)?)?
            }
            _ => return None,
        }
    };
    if c.peek().is_none() {
        return finish(days, 0, default_off);
    }
    if !full {
        return None;
    }
    let after_t = c.eat(b't');
    if !after_t && !c.eat(b' ') {
        return None;
    }
    let rest = c.rest();
    if after_t && !rest.first().is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let (w, n) = words(rest, false)?;
    let tail = tail(w.get(..n)?, true, false)?;
    finish(days, tail.secs, tail.off.unwrap_or(default_off))
}

/// The part of an ISO date after a four-digit year.
pub(super) fn year_rest(c: &mut Cur<'_>, y: i64, full: &mut bool) -> Option<i64> {
    if c.eat(b'-') {
        if c.eat(b'w') {
            return week_rest(c, y, full);
        }
        let name = c.word();
        if !name.is_empty() {
            // Hungarian feeds write `2004-július-13`.
            let m = month_of(name)?;
            if !c.eat(b'-') {
                return None;
            }
            return ymd(y, m, c.upto(2)?);
        }
        let (v, n) = c.digits(3)?;
        match n {
            2 if c.eat(b'-') => ymd(y, v, c.fixed(2)?),
            2 => {
                *full = false;
                ymd(y, v, 1)
            }
            // `2003-012-31` (a zero-padded month) is a known feedparser oddity; otherwise
            // three digits are an ordinal day.
            3 if v < 100 && c.eat(b'-') => ymd(y, v, c.fixed(2)?),
            3 => ordinal(y, v),
            _ => None,
        }
    } else if c.eat(b'/') {
        let m = c.upto(2)?;
        if !c.eat(b'/') {
            return None;
        }
        ymd(y, m, c.upto(2)?)
    } else if c.eat(b'w') {
        week_rest(c, y, full)
    } else {
        *full = false;
        ymd(y, 1, 1)
    }
}

/// `Www`, `Www-D` or `WwwD` after the `W`.
pub(super) fn week_rest(c: &mut Cur<'_>, y: i64, full: &mut bool) -> Option<i64> {
    let (v, n) = c.digits(3)?;
    let (w, d) = match n {
        2 if c.eat(b'-') => (v, c.fixed(1)?),
        2 => {
            *full = false;
            (v, 1)
        }
        3 => (v / 10, v % 10),
        _ => return None,
    };
    week(y, w, d)
}
