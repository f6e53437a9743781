//! The figures of an office's days (`/staff/reports`): how a spread of
//! times is summed up (median, 90th percentile), the no-show rate, the
//! longest range one report covers, and the CSV a report downloads as.
//! The counting itself is SQL on the database; these are its rules.

use crate::calendar::WorkingCalendar;
use crate::catalog::Office;
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

/// The longest range of days one report covers (a year, leap or not).
pub const MAX_DAYS: i64 = 366;

/// Why a report's range is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum RangeError {
    /// The last day is before the first.
    #[error("the range ends before it starts")]
    Backwards,
    /// More than [`MAX_DAYS`] days.
    #[error("a report covers at most {MAX_DAYS} days")]
    TooLong,
}

/// Checks the range `from..=to` of a report.
pub fn check_range(from: NaiveDate, to: NaiveDate) -> Result<(), RangeError> {
    let days = (to - from).num_days() + 1;
    match days {
        ..=0 => Err(RangeError::Backwards),
        1..=MAX_DAYS => Ok(()),
        _ => Err(RangeError::TooLong),
    }
}

/// A spread of durations (seconds): how many, the median, the 90th
/// percentile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Spread {
    /// How many were measured.
    pub count: u32,
    /// Half took at most this long (seconds).
    pub median: u32,
    /// Nine in ten took at most this long (seconds).
    pub p90: u32,
}

/// The `p`th percentile of `sorted` (ascending) by the nearest rank: the
/// smallest value that at least `p`% of the values do not exceed.
pub fn percentile(sorted: &[u32], p: u32) -> Option<u32> {
    if sorted.is_empty() {
        return None;
    }
    let n = sorted.len();
    let p = usize::try_from(p.min(100)).unwrap_or(100);
    let rank = (n * p).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// The spread of `values` (none measured: none). Negative durations (a
/// clock set back) count as 0.
pub fn spread(values: Vec<i64>) -> Option<Spread> {
    let mut seconds: Vec<u32> = values
        .into_iter()
        .map(|v| u32::try_from(v.max(0)).unwrap_or(u32::MAX))
        .collect();
    seconds.sort_unstable();
    Some(Spread {
        count: u32::try_from(seconds.len()).unwrap_or(u32::MAX),
        median: percentile(&seconds, 50)?,
        p90: percentile(&seconds, 90)?,
    })
}

/// The share of the tickets that came due that were annulled (nobody
/// came, or came too late), in tenths of a percent: `annulled / (served +
/// annulled)`; none when none came due.
pub fn no_show_permille(served: u32, annulled: u32) -> Option<u32> {
    let due = u64::from(served) + u64::from(annulled);
    (due > 0).then(|| u32::try_from((u64::from(annulled) * 1000 + due / 2) / due).unwrap_or(1000))
}

/// One field of a CSV line (RFC 4180): quoted when it holds a comma, a
/// quote or a line break, its quotes doubled. A field that a spreadsheet
/// would read as a formula (`=`, `+`, `-`, `@` first) gets a `'` before it.
pub fn csv_field(text: &str) -> String {
    let text = match text.chars().next() {
        Some('=' | '+' | '-' | '@') if text.parse::<f64>().is_err() => format!("'{text}"),
        _ => text.to_string(),
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// Lines of fields as CSV, each line ended by CRLF.
pub fn csv(lines: &[Vec<String>]) -> String {
    lines
        .iter()
        .map(|l| l.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\r\n")
        .collect()
}

/// Minutes from `from` to `to` (none if `to` is not later).
fn minutes_between(from: NaiveTime, to: NaiveTime) -> u32 {
    u32::try_from((to - from).num_minutes()).unwrap_or(0)
}

/// The minutes the windows of `office` are open on `day`: each window by its
/// own hours (else the office's), less breaks; none on a holiday, a day
/// closed, or a day outside the calendar. Read from the settings in force
/// (a past day is measured by today's hours).
pub fn open_minutes(office: &Office, day: NaiveDate, calendar: &WorkingCalendar) -> u32 {
    let closed = calendar.holiday(day).is_some()
        || office.closure_on(day).is_some()
        || calendar.is_working_day(day).is_err();
    if closed {
        return 0;
    }
    office
        .windows
        .iter()
        .filter_map(|w| w.hours.as_ref().unwrap_or(&office.hours).day(day.weekday()))
        .map(|h| {
            let breaks: u32 = h.breaks.iter().map(|(a, b)| minutes_between(*a, *b)).sum();
            minutes_between(h.open, h.close).saturating_sub(breaks)
        })
        .sum()
}

/// How full a day was: the minutes of its booked visits over its windows'
/// open minutes, in tenths of a percent; none for a day that was closed.
pub fn full_permille(booked_minutes: u32, open_minutes: u32) -> Option<u32> {
    (open_minutes > 0).then(|| {
        let permille = u64::from(booked_minutes) * 1000 / u64::from(open_minutes);
        u32::try_from(permille).unwrap_or(u32::MAX)
    })
}

/// The minutes of `visits` visits from `start` to `end`.
pub fn booked_minutes(start: NaiveTime, end: NaiveTime, visits: u32) -> u32 {
    minutes_between(start, end).saturating_mul(visits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(d))
    }

    #[test]
    fn ranges() {
        assert_eq!(check_range(day(5), day(5)), Ok(()));
        assert_eq!(check_range(day(5), day(4)), Err(RangeError::Backwards));
        assert_eq!(check_range(day(0), day(365)), Ok(()));
        assert_eq!(check_range(day(0), day(366)), Err(RangeError::TooLong));
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        let ten: Vec<u32> = (1..=10).collect();
        assert_eq!(percentile(&ten, 50), Some(5));
        assert_eq!(percentile(&ten, 90), Some(9));
        assert_eq!(percentile(&ten, 100), Some(10));
        assert_eq!(percentile(&[7], 90), Some(7));
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[1, 2, 3], 0), Some(1));
        let s = spread(vec![600, 60, -5, 300]).unwrap();
        assert_eq!((s.count, s.median, s.p90), (4, 60, 600));
        assert_eq!(spread(Vec::new()), None);
    }

    #[test]
    fn no_shows() {
        assert_eq!(no_show_permille(3, 1), Some(250));
        assert_eq!(no_show_permille(2, 1), Some(333));
        assert_eq!(no_show_permille(0, 0), None);
        assert_eq!(no_show_permille(0, 4), Some(1000));
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_field("-5"), "-5");
        assert_eq!(
            csv(&[
                vec!["day".into(), "n".into()],
                vec!["2026-01-01".into(), "3".into()]
            ]),
            "day,n\r\n2026-01-01,3\r\n"
        );
    }

    #[test]
    fn how_full_a_day_was() {
        assert_eq!(full_permille(240, 960), Some(250));
        assert_eq!(full_permille(0, 960), Some(0));
        assert_eq!(full_permille(30, 0), None);
        let t = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
        assert_eq!(booked_minutes(t(9, 0), t(9, 20), 3), 60);
        assert_eq!(booked_minutes(t(9, 20), t(9, 0), 1), 0);
    }
}
