//! The one date grammar of dubao, the reader's: a year `2023`, a month `2023-07`, a day
//! `2023-07-03`, or a range of them joined by `..` with either side open (`2023-07..`,
//! `..2023-06-15`, `2022..2023-03`). Checked by `chrono`, so `2023-02-31` and
//! `2023-13-01` are errors, not dates. Every command's `--date`, `--from` and `--to`,
//! and the search filters typed before a colon, go through here.
//!
//! The API is small: [`parse_range`] for a filter, [`parse_day`] for one exact day,
//! [`Span::first`]/[`Span::last`] for the days a word spans, and [`DateRange`]'s bounds
//! as `YYYY-MM-DD` strings (how the library keys its issues).

use chrono::{Datelike, NaiveDate};

/// What a date word names: every day of a year, of a month, or one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Span {
    /// The first day, `YYYY-MM-DD`.
    pub fn first(&self) -> String {
        self.first.format("%Y-%m-%d").to_string()
    }

    /// The last day, `YYYY-MM-DD`.
    pub fn last(&self) -> String {
        self.last.format("%Y-%m-%d").to_string()
    }
}

/// A range of days, both ends inclusive; an end left open is `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// The first day as `YYYY-MM-DD`, when the range has one.
    pub fn from_str(&self) -> Option<String> {
        self.from.map(|d| d.format("%Y-%m-%d").to_string())
    }

    /// The last day as `YYYY-MM-DD`, when the range has one.
    pub fn to_str(&self) -> Option<String> {
        self.to.map(|d| d.format("%Y-%m-%d").to_string())
    }

    /// Whether the `YYYY-MM-DD` date `day` falls in the range (string order is date
    /// order for such dates).
    pub fn contains(&self, day: &str) -> bool {
        let day = day.as_bytes();
        self.from.is_none_or(|f| day >= &ymd(f)[..]) && self.to.is_none_or(|t| day <= &ymd(t)[..])
    }
}

/// `d` as the bytes of `YYYY-MM-DD`, without allocating (years outside 0..=9999 are
/// clamped to them: no issue of a paper is dated there).
fn ymd(d: NaiveDate) -> [u8; 10] {
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let y = d.year().clamp(0, 9999) as u32;
    let (m, day) = (d.month(), d.day());
    [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ]
}

/// Why a word is no date, for a message `WORD: why`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("`{0}` is not a date (2023, 2023-07, 2023-07-03, or a range such as 2023-07..2023-09)")]
    Form(String),
    #[error("`{0}` is no real date (month {1} has no day {2})")]
    NoSuchDay(String, u32, u32),
    #[error("`{0}` is no real date (there is no month {1})")]
    NoSuchMonth(String, u32),
    #[error("`{0}` ends before it starts")]
    Backwards(String),
}

fn digits(s: &str, n: usize) -> Option<u32> {
    (s.len() == n && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `2023`, `2023-07` or `2023-07-03`: the days it spans.
pub fn parse_span(word: &str) -> Result<Span, DateError> {
    let w = word.trim();
    let form = || DateError::Form(w.to_string());
    let parts: Vec<&str> = w.split('-').collect();
    let year = parts.first().and_then(|y| digits(y, 4)).ok_or_else(form)? as i32;
    let month = |m: u32| {
        if (1..=12).contains(&m) {
            Ok(m)
        } else {
            Err(DateError::NoSuchMonth(w.to_string(), m))
        }
    };
    let day = |m: u32, d: u32| {
        NaiveDate::from_ymd_opt(year, m, d).ok_or(DateError::NoSuchDay(w.to_string(), m, d))
    };
    let (first, last) = match parts.as_slice() {
        [_] => (day(1, 1)?, day(12, 31)?),
        [_, m] => {
            let m = month(digits(m, 2).ok_or_else(form)?)?;
            let first = day(m, 1)?;
            (first, last_of_month(first))
        }
        [_, m, d] => {
            let m = month(digits(m, 2).ok_or_else(form)?)?;
            let d = day(m, digits(d, 2).ok_or_else(form)?)?;
            (d, d)
        }
        _ => return Err(form()),
    };
    Ok(Span { first, last })
}

fn last_of_month(first: NaiveDate) -> NaiveDate {
    let (y, m) = (first.year(), first.month());
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).unwrap_or(first)
}

/// A filter: one date word (all the days it spans) or `A..B`, either side open but not
/// both.
pub fn parse_range(word: &str) -> Result<DateRange, DateError> {
    let w = word.trim();
    let Some((a, b)) = w.split_once("..") else {
        let s = parse_span(w)?;
        return Ok(DateRange {
            from: Some(s.first),
            to: Some(s.last),
        });
    };
    if a.is_empty() && b.is_empty() {
        return Err(DateError::Form(w.to_string()));
    }
    let from = (!a.is_empty()).then(|| parse_span(a)).transpose()?;
    let to = (!b.is_empty()).then(|| parse_span(b)).transpose()?;
    let range = DateRange {
        from: from.map(|s| s.first),
        to: to.map(|s| s.last),
    };
    if let (Some(f), Some(t)) = (range.from, range.to)
        && f > t
    {
        return Err(DateError::Backwards(w.to_string()));
    }
    Ok(range)
}

/// Exactly one real day, `YYYY-MM-DD`.
pub fn parse_day(word: &str) -> Result<NaiveDate, DateError> {
    let s = parse_span(word)?;
    if s.first != s.last {
        return Err(DateError::Form(word.trim().to_string()));
    }
    Ok(s.first)
}

/// Whether `s` is a real `YYYY-MM-DD` day.
pub fn is_day(s: &str) -> bool {
    s.len() == 10 && parse_day(s).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_range_holds_its_days_as_the_library_keys_them() {
        let r = super::parse_range("2023-07..2023-09-15").unwrap();
        for (day, inside) in [
            ("2023-06-30", false),
            ("2023-07-01", true),
            ("2023-09-15", true),
            ("2023-09-16", false),
        ] {
            assert_eq!(r.contains(day), inside, "{day}");
            assert_eq!(
                super::ymd(chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap()),
                day.as_bytes()
            );
        }
    }

    use super::*;

    fn range(w: &str) -> (Option<String>, Option<String>) {
        let r = parse_range(w).unwrap();
        (r.from_str(), r.to_str())
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn years_months_and_days_span_their_days() {
        assert_eq!(range("2023"), (s("2023-01-01"), s("2023-12-31")));
        assert_eq!(range("2023-02"), (s("2023-02-01"), s("2023-02-28")));
        assert_eq!(range("2024-02"), (s("2024-02-01"), s("2024-02-29")));
        assert_eq!(range("2023-12"), (s("2023-12-01"), s("2023-12-31")));
        assert_eq!(range("2023-07-03"), (s("2023-07-03"), s("2023-07-03")));
    }

    #[test]
    fn ranges_join_with_two_dots_either_side_open() {
        assert_eq!(range("2022..2023-06"), (s("2022-01-01"), s("2023-06-30")));
        assert_eq!(range("2023-07.."), (s("2023-07-01"), None));
        assert_eq!(range("..2023-07-03"), (None, s("2023-07-03")));
        assert!(parse_range("..").is_err());
        assert_eq!(
            parse_range("2023..2022"),
            Err(DateError::Backwards("2023..2022".into()))
        );
    }

    #[test]
    fn impossible_dates_are_errors_that_say_why() {
        assert_eq!(
            parse_range("2023-02-31"),
            Err(DateError::NoSuchDay("2023-02-31".into(), 2, 31))
        );
        assert_eq!(
            parse_range("2023-13-01"),
            Err(DateError::NoSuchMonth("2023-13-01".into(), 13))
        );
        assert_eq!(
            parse_range("2023-13"),
            Err(DateError::NoSuchMonth("2023-13".into(), 13))
        );
        for bad in [
            "",
            "23-07",
            "2023-7",
            "2023-07-3",
            "rmrb",
            "2023-07-03-01",
            "２０２３",
        ] {
            assert!(matches!(parse_range(bad), Err(DateError::Form(_))), "{bad}");
        }
        let msg = parse_range("2023-02-29").unwrap_err().to_string();
        assert_eq!(msg, "`2023-02-29` is no real date (month 2 has no day 29)");
    }

    #[test]
    fn one_day_is_exactly_a_day() {
        assert!(parse_day("2024-02-29").is_ok());
        assert!(parse_day("2023-07").is_err());
        assert!(is_day("2023-07-03"));
        assert!(!is_day("2023-02-31"));
        let r = parse_range("2023-07").unwrap();
        assert!(r.contains("2023-07-31") && !r.contains("2023-08-01"));
    }
}
