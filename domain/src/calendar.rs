//! Working days: weekends and the public-holiday calendar (a data file per year).
//!
//! A term of N working days counts from the day the application form is made: the
//! result is due on the N-th working day after it.

use crate::i18n::{pick, Lang, Localized, Text};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use thiserror::Error;

/// One non-working day of a year's calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Holiday {
    /// The date.
    pub date: NaiveDate,
    /// Its name.
    pub name: Text,
}

/// The calendar of one year, as kept in `data/holidays/YYYY.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct YearCalendar {
    /// The year this file covers.
    pub year: i32,
    /// Days off besides Saturdays and Sundays.
    #[serde(default, rename = "holiday")]
    pub holidays: Vec<Holiday>,
    /// Saturdays or Sundays declared working days (government transfers of days off).
    #[serde(default)]
    pub working_weekends: Vec<NaiveDate>,
}

/// Why a calendar or a working-day computation failed.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CalendarError {
    /// A date of a year file lies in another year.
    #[error("{date} is listed in the calendar of {year}")]
    DateOutsideYear {
        /// The file's year.
        year: i32,
        /// The stray date.
        date: NaiveDate,
    },
    /// Two files for one year.
    #[error("the calendar of {year} is given twice")]
    DuplicateYear {
        /// The year.
        year: i32,
    },
    /// A computation reached a year that has no calendar yet: answering would guess.
    #[error("no holiday calendar for {year}")]
    YearNotCovered {
        /// The missing year.
        year: i32,
    },
}

impl Localized for CalendarError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::DateOutsideYear { year, date } => pick(
                lang,
                format!("Дата {date} не належить до календаря {year} року."),
                format!("{date} does not belong to the {year} calendar."),
            ),
            Self::DuplicateYear { year } => pick(
                lang,
                format!("Календар {year} року задано двічі."),
                format!("The {year} calendar is given twice."),
            ),
            Self::YearNotCovered { year } => pick(
                lang,
                format!("Календар вихідних днів на {year} рік ще не заведено; строк не можна обчислити."),
                format!("The {year} holiday calendar is not set up yet, so the term cannot be computed."),
            ),
        }
    }
}

/// The working-day calendar over the years it covers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WorkingCalendar {
    years: BTreeSet<i32>,
    holidays: BTreeMap<NaiveDate, Text>,
    working_weekends: BTreeSet<NaiveDate>,
}

impl WorkingCalendar {
    /// Builds a calendar from year files, checking each.
    pub fn new(years: impl IntoIterator<Item = YearCalendar>) -> Result<Self, CalendarError> {
        let mut cal = WorkingCalendar::default();
        for y in years {
            if !cal.years.insert(y.year) {
                return Err(CalendarError::DuplicateYear { year: y.year });
            }
            for h in y.holidays {
                if h.date.year() != y.year {
                    return Err(CalendarError::DateOutsideYear {
                        year: y.year,
                        date: h.date,
                    });
                }
                cal.holidays.insert(h.date, h.name);
            }
            for d in y.working_weekends {
                if d.year() != y.year {
                    return Err(CalendarError::DateOutsideYear {
                        year: y.year,
                        date: d,
                    });
                }
                cal.working_weekends.insert(d);
            }
        }
        Ok(cal)
    }

    /// The years covered.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        self.years.iter().copied()
    }

    fn covered(&self, date: NaiveDate) -> Result<(), CalendarError> {
        if self.years.contains(&date.year()) {
            Ok(())
        } else {
            Err(CalendarError::YearNotCovered { year: date.year() })
        }
    }

    /// The holiday on `date`, if any.
    pub fn holiday(&self, date: NaiveDate) -> Option<&Text> {
        self.holidays.get(&date)
    }

    /// True for a working day (not a weekend unless declared working, not a holiday).
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        self.covered(date)?;
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        Ok(if self.holidays.contains_key(&date) {
            false
        } else if weekend {
            self.working_weekends.contains(&date)
        } else {
            true
        })
    }

    /// The `n`-th working day after `start` (`start` itself never counts).
    pub fn add_working_days(&self, start: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        let mut day = start;
        let mut left = n;
        while left > 0 {
            day = day
                .checked_add_days(Days::new(1))
                .ok_or(CalendarError::YearNotCovered { year: i32::MAX })?;
            if self.is_working_day(day)? {
                left -= 1;
            }
        }
        Ok(day)
    }

    /// The expected ready date for a term of `working_days` from the application day.
    pub fn ready_date(
        &self,
        applied_on: NaiveDate,
        working_days: u16,
    ) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(applied_on, u32::from(working_days))
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    /// The calendars shipped in `data/holidays/`, parsed as the server parses them.
    pub(crate) fn shipped() -> WorkingCalendar {
        let files = [
            include_str!("../../data/holidays/2026.toml"),
            include_str!("../../data/holidays/2027.toml"),
        ];
        let years = files
            .iter()
            .filter_map(|f| toml::from_str::<YearCalendar>(f).ok());
        WorkingCalendar::new(years).unwrap_or_default()
    }

    #[test]
    fn shipped_files_parse_and_cover_two_years() {
        let cal = shipped();
        assert_eq!(cal.years().collect::<Vec<_>>(), vec![2026, 2027]);
        assert!(cal.holiday(d(2026, 8, 24)).is_some(), "Independence Day");
        assert!(cal.holiday(d(2027, 12, 25)).is_some(), "Christmas");
    }

    #[test]
    fn weekends_and_holidays_are_skipped() {
        let cal = shipped();
        assert_eq!(cal.is_working_day(d(2026, 11, 21)), Ok(false)); // Saturday
        assert_eq!(cal.is_working_day(d(2026, 11, 23)), Ok(true)); // Monday
        assert_eq!(cal.is_working_day(d(2026, 8, 24)), Ok(false)); // Independence Day, Monday
                                                                   // Friday 21.08.2026 + 1 working day skips the weekend and 24.08 → Tuesday 25.08.
        assert_eq!(cal.add_working_days(d(2026, 8, 21), 1), Ok(d(2026, 8, 25)));
    }

    #[test]
    fn twenty_and_ten_working_days() {
        let cal = shipped();
        // Applied Monday 23.11.2026: 20 working days → Monday 21.12.2026.
        assert_eq!(cal.ready_date(d(2026, 11, 23), 20), Ok(d(2026, 12, 21)));
        assert_eq!(cal.ready_date(d(2026, 11, 23), 10), Ok(d(2026, 12, 7)));
        // Across Christmas (Friday 25.12) and New Year (Friday 01.01.2027).
        assert_eq!(cal.ready_date(d(2026, 12, 21), 10), Ok(d(2027, 1, 6)));
    }

    #[test]
    fn an_uncovered_year_is_an_error_not_a_guess() {
        let cal = shipped();
        assert_eq!(
            cal.ready_date(d(2027, 12, 20), 20),
            Err(CalendarError::YearNotCovered { year: 2028 })
        );
    }

    #[test]
    fn bad_files_are_refused() {
        let stray = YearCalendar {
            year: 2026,
            holidays: vec![Holiday {
                date: d(2027, 1, 1),
                name: Text::uk("Новий рік"),
            }],
            working_weekends: vec![],
        };
        assert!(matches!(
            WorkingCalendar::new([stray]),
            Err(CalendarError::DateOutsideYear { .. })
        ));
        let y = YearCalendar {
            year: 2026,
            holidays: vec![],
            working_weekends: vec![],
        };
        assert_eq!(
            WorkingCalendar::new([y.clone(), y]),
            Err(CalendarError::DuplicateYear { year: 2026 })
        );
    }

    #[test]
    fn a_working_saturday_counts() {
        let y = YearCalendar {
            year: 2026,
            holidays: vec![],
            working_weekends: vec![d(2026, 11, 28)],
        };
        let cal = WorkingCalendar::new([y]).unwrap_or_default();
        // Friday 27.11 + 1 → the declared working Saturday 28.11.
        assert_eq!(
            cal.add_working_days(d(2026, 11, 27), 1),
            Ok(d(2026, 11, 28))
        );
    }

    proptest! {
        #[test]
        fn ready_date_is_a_working_day_with_exactly_n_working_days(start in 0u64..600, n in 0u32..40) {
            let cal = shipped();
            let begin = d(2026, 1, 1) + Days::new(start);
            if let Ok(end) = cal.add_working_days(begin, n) {
                let mut count = 0;
                let mut day = begin;
                while day < end {
                    day = day + Days::new(1);
                    if cal.is_working_day(day) == Ok(true) { count += 1; }
                }
                prop_assert_eq!(count, n);
                if n > 0 { prop_assert_eq!(cal.is_working_day(end), Ok(true)); }
            }
        }
    }
}
