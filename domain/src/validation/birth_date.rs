use crate::i18n::{pick, Lang, Localized};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A date of birth: a real date, not in the future, not more than 130 years ago.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct BirthDate(NaiveDate);

/// Why a date of birth was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BirthDateError {
    /// Nothing typed.
    #[error("the date of birth is empty")]
    Empty,
    /// Not `DD.MM.YYYY` or `YYYY-MM-DD`, or no such day.
    #[error("the date of birth is not a valid date")]
    Invalid,
    /// After today.
    #[error("the date of birth is in the future")]
    InFuture,
    /// Before the oldest plausible date.
    #[error("the date of birth is too long ago")]
    TooOld,
}

impl BirthDate {
    /// The oldest age accepted, in years.
    pub const MAX_AGE_YEARS: i32 = 130;

    /// Parses `DD.MM.YYYY` (as Ukrainians write it) or ISO `YYYY-MM-DD`, relative to
    /// `today` (the caller's clock keeps this crate pure).
    pub fn parse(input: &str, today: NaiveDate) -> Result<Self, BirthDateError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(BirthDateError::Empty);
        }
        // `DD.MM.YYYY` is read as the ISO date it names, by chrono's own
        // reader of ISO dates: its format strings (`parse_from_str`) would
        // bring a second reader into the WASM bundle.
        let iso = match s.split('.').collect::<Vec<_>>()[..] {
            [day, month, year] => format!("{year}-{month}-{day}"),
            _ => s.to_owned(),
        };
        let date = iso
            .parse::<NaiveDate>()
            .map_err(|_| BirthDateError::Invalid)?;
        Self::new(date, today)
    }

    /// Checks an already structured date.
    pub fn new(date: NaiveDate, today: NaiveDate) -> Result<Self, BirthDateError> {
        if date > today {
            return Err(BirthDateError::InFuture);
        }
        if date.year() < today.year() - Self::MAX_AGE_YEARS {
            return Err(BirthDateError::TooOld);
        }
        Ok(BirthDate(date))
    }

    /// The date.
    pub fn date(self) -> NaiveDate {
        self.0
    }

    /// Full years of age on `on`.
    pub fn age_on(self, on: NaiveDate) -> u32 {
        on.years_since(self.0).unwrap_or(0)
    }
}

impl Localized for BirthDateError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::Empty => pick(
                lang,
                "Вкажіть дату народження.".into(),
                "Please enter the date of birth.".into(),
            ),
            Self::Invalid => pick(
                lang,
                "Дату народження вкажіть у форматі ДД.ММ.РРРР, наприклад 24.08.1991.".into(),
                "Enter the date of birth as DD.MM.YYYY, for example 24.08.1991.".into(),
            ),
            Self::InFuture => pick(
                lang,
                "Дата народження не може бути в майбутньому.".into(),
                "The date of birth cannot be in the future.".into(),
            ),
            Self::TooOld => pick(
                lang,
                "Перевірте рік народження.".into(),
                "Please check the year of birth.".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn parses_both_formats() {
        let today = d(2026, 11, 23);
        assert_eq!(
            BirthDate::parse("24.08.1991", today).map(BirthDate::date),
            Ok(d(1991, 8, 24))
        );
        assert_eq!(
            BirthDate::parse("1991-08-24", today).map(BirthDate::date),
            Ok(d(1991, 8, 24))
        );
        assert_eq!(
            BirthDate::parse("23.11.2026", today).map(BirthDate::date),
            Ok(today)
        );
        assert_eq!(
            BirthDate::parse(" 4.8.1991 ", today).map(BirthDate::date),
            Ok(d(1991, 8, 4))
        );
    }

    #[test]
    fn refuses_impossible_dates() {
        let today = d(2026, 11, 23);
        assert_eq!(BirthDate::parse("", today), Err(BirthDateError::Empty));
        assert_eq!(
            BirthDate::parse("31.02.1990", today),
            Err(BirthDateError::Invalid)
        );
        for wrong in [
            "1990",
            "24.08",
            "24.08.1991.1",
            "24-08-1991",
            "1991.08.24",
            "24.08.1991x",
            "x.08.1991",
        ] {
            assert_eq!(
                BirthDate::parse(wrong, today),
                Err(BirthDateError::Invalid),
                "{wrong}"
            );
        }
        assert_eq!(
            BirthDate::parse("24.11.2026", today),
            Err(BirthDateError::InFuture)
        );
        assert_eq!(
            BirthDate::parse("01.01.1890", today),
            Err(BirthDateError::TooOld)
        );
    }

    #[test]
    fn age_counts_full_years() {
        let b = BirthDate::new(d(2012, 11, 24), d(2026, 11, 23)).ok();
        assert_eq!(b.map(|b| b.age_on(d(2026, 11, 23))), Some(13));
        assert_eq!(b.map(|b| b.age_on(d(2026, 11, 24))), Some(14));
    }
}
