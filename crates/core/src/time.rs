//! Dates for comments: ISO 8601 for `<time datetime>`, WordPress's words for readers.

use crate::i18n::Lang;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The civil date and time of `ms` since the epoch, shifted by `offset_minutes`.
/// Any `ms` and offset have one (no overflow): seconds are at most ±9.3e15 and
/// the offset at most ±1.3e11 seconds, so every step below stays far inside `i64`.
fn civil(ms: i64, offset_minutes: i32) -> (i64, u32, u32, u32, u32, u32) {
    let secs = ms
        .div_euclid(1000)
        .saturating_add(i64::from(offset_minutes) * 60);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400) as u32;
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day, rem / 3600, rem / 60 % 60, rem % 60)
}

/// The days since the epoch of the civil date `year`-`month`-`day` (month 1–12;
/// a day past the month's end runs into the next), by Howard Hinnant's
/// days-from-civil algorithm, the inverse of `civil`; `None` on overflow. The one
/// home of this arithmetic: [`parse_iso_utc`] and [`parse_date_ms`] use it.
fn days_from_civil(year: i64, month: i64, day: i64) -> Option<i64> {
    let (y, m) = if month <= 2 {
        (year - 1, month + 9)
    } else {
        (year, month - 3)
    };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era.checked_mul(146_097)?.checked_add(doe - 719_468)
}

/// `2026-11-25T16:46:13Z`: the machine-readable form for `<time datetime>`.
pub fn iso_utc(ms: i64) -> String {
    let (y, mo, d, h, mi, s) = civil(ms, 0);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// The milliseconds since the epoch of `2026-11-25T16:46:13Z` or of the day
/// `2026-11-25` (at midnight UTC); `None` for anything else, or a day that does
/// not exist (`2026-02-30`).
pub fn parse_iso_utc(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    // Four digits of year at most: the arithmetic below cannot overflow.
    let (y, mo, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (h, mi, s) = match b.len() {
        10 => (0, 0, 0),
        20 if b[10] == b'T' && b[13] == b':' && b[16] == b':' && b[19] == b'Z' => {
            (digits(11..13)?, digits(14..16)?, digits(17..19)?)
        }
        _ => return None,
    };
    if !(1..=12).contains(&mo) || d < 1 || h > 23 || mi > 59 || s > 59 {
        return None;
    }
    let ms = days_from_civil(y, mo, d)?
        .checked_mul(86_400)?
        .checked_add(h * 3600 + mi * 60 + s)?
        .checked_mul(1000)?;
    // A day past the month's end comes back as another date: refuse it.
    (civil(ms, 0).2 == d as u32).then_some(ms)
}

/// `25 November 2026` (`25 de noviembre de 2026`): a post's day.
pub fn long_day(ms: i64, lang: Lang) -> String {
    let (y, mo, d, ..) = civil(ms, 0);
    match lang {
        Lang::Es => format!("{d} de {} de {y}", MESES[mo as usize - 1]),
        Lang::En => format!("{d} {} {y}", MONTHS[mo as usize - 1]),
    }
}

const MESES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

/// A comment's date as WordPress words it in the reader's language and time zone
/// (`offset_minutes` east of UTC): `November 25, 2026 at 4:46 pm`, or
/// `25 de noviembre de 2026 a las 16:46`.
pub fn display(ms: i64, offset_minutes: i32, lang: Lang) -> String {
    let (y, mo, d, h, mi, _) = civil(ms, offset_minutes);
    if lang == Lang::Es {
        return format!("{d} de {} de {y} a las {h}:{mi:02}", MESES[mo as usize - 1]);
    }
    let (h12, half) = match h {
        0 => (12, "am"),
        1..=11 => (h, "am"),
        12 => (12, "pm"),
        _ => (h - 12, "pm"),
    };
    format!(
        "{} {d}, {y} at {h12}:{mi:02} {half}",
        MONTHS[mo as usize - 1]
    )
}

/// A day as the reader says it: `2 December` (`2 de diciembre`), with the year
/// when it is not `this_year`.
pub fn day(ms: i64, offset_minutes: i32, lang: Lang, this_year: i64) -> String {
    let (y, mo, d, ..) = civil(ms, offset_minutes);
    let year = |sep: &str| {
        if y == this_year {
            String::new()
        } else {
            format!("{sep}{y}")
        }
    };
    match lang {
        Lang::Es => format!("{d} de {}{}", MESES[mo as usize - 1], year(" de ")),
        Lang::En => format!("{d} {}{}", MONTHS[mo as usize - 1], year(" ")),
    }
}

/// The year of `ms`, in the reader's time zone.
pub fn year(ms: i64, offset_minutes: i32) -> i64 {
    civil(ms, offset_minutes).0
}

/// `2024-03-02T19:05:16.000Z`: a time to the millisecond, as the block writes it.
pub fn iso_ms(ms: i64) -> String {
    let seconds = iso_utc(ms);
    format!(
        "{}.{:03}Z",
        seconds.trim_end_matches('Z'),
        ms.rem_euclid(1000)
    )
}

/// Reads `YYYY-MM-DDTHH:MM:SS[.mmm]Z` (or with a space for the `T` and no `Z`, as
/// WordPress writes `comment_date_gmt`) as milliseconds since the epoch, UTC.
/// The year has four digits (0000–9999), so every date read prints again and no
/// arithmetic on a stranger's number can overflow; anything else is `None`.
pub fn parse_date_ms(date: &str) -> Option<i64> {
    let date = date.trim();
    let date = date.strip_suffix('Z').unwrap_or(date);
    let (day, time) = date.split_once(['T', ' '])?;
    let (time, millis) = match time.split_once('.') {
        Some((t, m)) if m.len() == 3 && m.bytes().all(|b| b.is_ascii_digit()) => {
            (t, m.parse::<i64>().ok()?)
        }
        Some(_) => return None,
        None => (time, 0),
    };
    // Three parts of ASCII digits, each at most `widths` long (and not empty).
    let numbers = |s: &str, widths: [usize; 3]| -> Option<[i64; 3]> {
        let mut parts = s.split(['-', ':']);
        let mut out = [0; 3];
        for (slot, width) in out.iter_mut().zip(widths) {
            let p = parts.next()?;
            if p.is_empty() || p.len() > width || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            *slot = p.parse().ok()?;
        }
        parts.next().is_none().then_some(out)
    };
    // (The day must print back as written: `2024-03-02`, so four digits of year.)
    let ([y, m, dd], t) = (numbers(day, [4, 2, 2])?, numbers(time, [2, 2, 2])?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&dd) || t[0] > 23 || t[1] > 59 || t[2] > 59 {
        return None;
    }
    // Every number here is bounded by the four-digit year; checked all the same.
    let days = days_from_civil(y, m, dd)?;
    let seconds = days
        .checked_mul(86_400)?
        .checked_add(t[0] * 3600 + t[1] * 60 + t[2])?;
    let ms = seconds.checked_mul(1000)?.checked_add(millis)?;
    // 31 February and the like do not come back the same.
    (iso_ms(ms).get(..10) == Some(day)).then_some(ms)
}
