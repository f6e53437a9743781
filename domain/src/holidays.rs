//! The system administrator's change of one year's holiday calendar (its
//! days off and the weekends declared working days): checked, then put in
//! place of that year among the others. The working-day terms and the
//! booking horizon follow the calendar in force.

use crate::calendar::{CalendarError, WorkingCalendar, YearCalendar};
use crate::i18n::{pick, Lang, Localized};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use thiserror::Error;

/// Why a year's calendar cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum YearError {
    /// The calendar's own rules (a date of another year…).
    #[error("{0}")]
    Calendar(CalendarError),
    /// A holiday without its name in Ukrainian.
    #[error("the holiday of {date} has no name")]
    Unnamed {
        /// The day.
        date: NaiveDate,
    },
    /// A day listed twice (as holidays, or as a holiday and a working day).
    #[error("{date} is listed twice")]
    Twice {
        /// The day.
        date: NaiveDate,
    },
    /// A "working weekend" that is not a Saturday or a Sunday.
    #[error("{date} is not a Saturday or a Sunday")]
    NotAWeekend {
        /// The day.
        date: NaiveDate,
    },
}

impl Localized for YearError {
    fn message(&self, lang: Lang) -> String {
        match self {
            YearError::Calendar(e) => e.message(lang),
            YearError::Unnamed { date } => pick(
                lang,
                format!("Вкажіть назву вихідного дня {}.", date.format("%d.%m.%Y")),
                format!("Give the holiday of {} its name.", date.format("%d.%m.%Y")),
            ),
            YearError::Twice { date } => pick(
                lang,
                format!("День {} зазначено двічі.", date.format("%d.%m.%Y")),
                format!("{} is listed twice.", date.format("%d.%m.%Y")),
            ),
            YearError::NotAWeekend { date } => pick(
                lang,
                format!(
                    "{} — не субота й не неділя: робочим можна оголосити лише вихідний.",
                    date.format("%d.%m.%Y")
                ),
                format!(
                    "{} is not a Saturday or a Sunday: only a weekend day can be declared working.",
                    date.format("%d.%m.%Y")
                ),
            ),
        }
    }
}

/// The years `years` with `year` in place of its own (or added), checked;
/// and the working-day calendar they make.
pub fn with_year(
    years: &[YearCalendar],
    year: YearCalendar,
) -> Result<(Vec<YearCalendar>, WorkingCalendar), YearError> {
    let mut seen = BTreeSet::new();
    for h in &year.holidays {
        if h.name.is_blank() {
            return Err(YearError::Unnamed { date: h.date });
        }
        if !seen.insert(h.date) {
            return Err(YearError::Twice { date: h.date });
        }
    }
    for d in &year.working_weekends {
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            return Err(YearError::NotAWeekend { date: *d });
        }
        if !seen.insert(*d) {
            return Err(YearError::Twice { date: *d });
        }
    }
    let mut all: Vec<YearCalendar> = years
        .iter()
        .filter(|y| y.year != year.year)
        .cloned()
        .collect();
    all.push(year);
    all.sort_by_key(|y| y.year);
    let calendar = WorkingCalendar::new(all.clone()).map_err(YearError::Calendar)?;
    Ok((all, calendar))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Holiday;
    use crate::Text;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn year(holidays: &[(NaiveDate, &str)], weekends: &[NaiveDate]) -> YearCalendar {
        YearCalendar {
            year: 2026,
            holidays: holidays
                .iter()
                .map(|(date, uk)| Holiday {
                    date: *date,
                    name: Text::new(*uk, ""),
                })
                .collect(),
            working_weekends: weekends.to_vec(),
        }
    }

    #[test]
    fn a_year_replaces_its_own_and_the_calendar_follows() {
        let old = year(&[(day(1, 1), "Новий рік")], &[]);
        let next = YearCalendar {
            year: 2027,
            ..year(&[], &[])
        };
        let new = year(&[(day(12, 25), "Різдво")], &[day(12, 5)]);
        let (years, cal) = with_year(&[old, next], new).unwrap();
        assert_eq!(
            years.iter().map(|y| y.year).collect::<Vec<_>>(),
            [2026, 2027]
        );
        assert!(cal.holiday(day(12, 25)).is_some());
        assert!(cal.holiday(day(1, 1)).is_none());
        assert_eq!(cal.is_working_day(day(12, 5)), Ok(true));
    }

    #[test]
    fn a_year_that_breaks_a_rule_is_refused() {
        let refused = |y| with_year(&[], y).unwrap_err();
        assert_eq!(
            refused(year(&[(day(3, 8), " ")], &[])),
            YearError::Unnamed { date: day(3, 8) }
        );
        assert_eq!(
            refused(year(&[(day(3, 8), "А"), (day(3, 8), "Б")], &[])),
            YearError::Twice { date: day(3, 8) }
        );
        assert_eq!(
            refused(year(&[], &[day(12, 7)])),
            YearError::NotAWeekend { date: day(12, 7) }
        );
        assert!(matches!(
            refused(year(
                &[(NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), "Новий рік")],
                &[]
            )),
            YearError::Calendar(CalendarError::DateOutsideYear { .. })
        ));
    }
}
