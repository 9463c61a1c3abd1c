//! Calendar arithmetic: days from civil dates (proleptic Gregorian), ordinal and week dates, the range check.

use super::*;

pub(super) fn finish(days: i64, secs: i64, off_min: i32) -> Option<i64> {
    let t = days * DAY + secs - i64::from(off_min) * 60;
    (MIN_SECS..=MAX_SECS).contains(&t).then_some(t)
}

pub(super) fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// Validated calendar date to days since the epoch.
pub(super) fn ymd(y: i64, m: u32, d: u32) -> Option<i64> {
    let len = match m {
        2 => 28 + u32::from(is_leap(y)),
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return None,
    };
    ((1..=9999).contains(&y) && (1..=len).contains(&d)).then(|| days_from_civil(y, m, d))
}

pub(super) fn ordinal(y: i64, doy: u32) -> Option<i64> {
    let jan1 = ymd(y, 1, 1)?;
    (1..=365 + u32::from(is_leap(y)))
        .contains(&doy)
        .then(|| jan1 + i64::from(doy) - 1)
}

/// ISO week date; week 1 holds January 4th and a week belongs to the year of its Thursday.
pub(super) fn week(y: i64, w: u32, d: u32) -> Option<i64> {
    if !(1..=53).contains(&w) || !(1..=7).contains(&d) {
        return None;
    }
    let jan4 = ymd(y, 1, 4)?;
    let monday = jan4 - (jan4 + 3).rem_euclid(7) + i64::from(w - 1) * 7;
    (civil(monday + 3).0 == y).then(|| monday + i64::from(d) - 1)
}

/// Howard Hinnant's `days_from_civil`: proleptic Gregorian date to days since 1970-01-01.
pub(super) fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Inverse of `days_from_civil`.
pub(super) fn civil(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        u8::try_from(m).unwrap_or(1),
        u8::try_from(d).unwrap_or(1),
    )
}
