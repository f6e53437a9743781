use crate::i18n::{pick, Lang, Localized};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// RNOKPP, the registration number of a taxpayer's record card (ukr. РНОКПП,
/// "ідентифікаційний код"): ten digits, the last a check digit.
#[derive(Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Rnokpp(String);

/// Debug never shows the number: it is personal data and must not reach logs.
impl std::fmt::Debug for Rnokpp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Rnokpp(…)")
    }
}

/// Why a tax number was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RnokppError {
    /// Nothing typed.
    #[error("the tax number is empty")]
    Empty,
    /// Not ten digits.
    #[error("the tax number has 10 digits")]
    WrongLength,
    /// Ten digits whose check digit does not match: a typo.
    #[error("the tax number's check digit does not match")]
    BadCheckDigit,
}

const WEIGHTS: [i64; 9] = [-1, 5, 7, 9, 4, 6, 10, 5, 7];

impl Rnokpp {
    /// Parses a tax number; spaces are ignored.
    pub fn parse(input: &str) -> Result<Self, RnokppError> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(RnokppError::Empty);
        }
        if compact.len() != 10 || !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(RnokppError::WrongLength);
        }
        let d: Vec<i64> = compact.bytes().map(|b| i64::from(b - b'0')).collect();
        if Self::check_digit(&d[..9]) != d[9] {
            return Err(RnokppError::BadCheckDigit);
        }
        Ok(Rnokpp(compact))
    }

    /// The check digit of the first nine digits.
    fn check_digit(first9: &[i64]) -> i64 {
        let sum: i64 = first9.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
        sum.rem_euclid(11) % 10
    }

    /// The ten digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The date of birth coded in the first five digits (days since 31.12.1899).
    pub fn birth_date(&self) -> Option<NaiveDate> {
        let days: u64 = self.0.get(..5)?.parse().ok()?;
        NaiveDate::from_ymd_opt(1899, 12, 31)?.checked_add_days(Days::new(days))
    }
}

impl<'de> Deserialize<'de> for Rnokpp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Rnokpp::parse(&raw).map_err(serde::de::Error::custom)
    }
}

impl Localized for RnokppError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::Empty => pick(
                lang,
                "Вкажіть РНОКПП.".into(),
                "Please enter the tax number (RNOKPP).".into(),
            ),
            Self::WrongLength => pick(
                lang,
                "РНОКПП складається з 10 цифр.".into(),
                "The tax number (RNOKPP) has 10 digits.".into(),
            ),
            Self::BadCheckDigit => pick(
                lang,
                "РНОКПП не пройшов перевірку контрольної цифри: перевірте, чи немає помилки."
                    .into(),
                "The tax number (RNOKPP) fails its check digit: please check for a typo.".into(),
            ),
        }
    }
}

#[cfg(test)]
pub(crate) fn with_check_digit(first9: &str) -> String {
    let d: Vec<i64> = first9.bytes().map(|b| i64::from(b - b'0')).collect();
    format!("{first9}{}", Rnokpp::check_digit(&d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_numbers() {
        // 3012345678: -3+0+7+18+12+24+50+30+49 = 187; 187 mod 11 = 0 → check digit 0.
        assert_eq!(
            Rnokpp::parse("3012345670").map(|r| r.0),
            Ok("3012345670".into())
        );
        assert_eq!(Rnokpp::parse("3012345671"), Err(RnokppError::BadCheckDigit));
        assert_eq!(
            Rnokpp::parse("30123 45670").map(|r| r.0),
            Ok("3012345670".into())
        );
        assert_eq!(Rnokpp::parse("301234567"), Err(RnokppError::WrongLength));
        assert_eq!(Rnokpp::parse("301234567a"), Err(RnokppError::WrongLength));
        assert_eq!(Rnokpp::parse(""), Err(RnokppError::Empty));
    }

    #[test]
    fn birth_date_is_decoded() {
        // 30123 days after 31.12.1899 is 22.06.1982.
        let r = Rnokpp::parse("3012345670").ok();
        assert_eq!(
            r.and_then(|r| r.birth_date()),
            NaiveDate::from_ymd_opt(1982, 6, 22)
        );
    }

    #[test]
    fn debug_hides_the_number() {
        let r = Rnokpp::parse("3012345670").ok();
        assert!(!format!("{r:?}").contains("301"));
    }

    proptest! {
        #[test]
        fn every_computed_number_parses(first9 in "[0-9]{9}") {
            let full = with_check_digit(&first9);
            prop_assert!(Rnokpp::parse(&full).is_ok());
        }

        #[test]
        fn a_single_digit_typo_is_caught_mostly(first9 in "[0-9]{9}", pos in 0usize..9, delta in 1u8..10) {
            // Changing one digit by delta changes the sum by w*delta; mod 11 this is zero
            // only when w*delta ≡ 0, impossible for weights and deltas below 11 — but the
            // final "mod 10" folds 10 onto 0, so the check may still pass in that one case.
            let full = with_check_digit(&first9);
            let mut bytes = full.into_bytes();
            bytes[pos] = b'0' + (bytes[pos] - b'0' + delta) % 10;
            let typo = String::from_utf8(bytes).unwrap_or_default();
            let d: Vec<i64> = typo.bytes().map(|b| i64::from(b - b'0')).collect();
            let raw_sum: i64 = d[..9].iter().zip(WEIGHTS).map(|(a, w)| a * w).sum();
            let folded = raw_sum.rem_euclid(11) == 10 || (Rnokpp::check_digit(&d[..9]) == 0 && d[9] == 0);
            if !folded {
                prop_assert_eq!(Rnokpp::parse(&typo), Err(RnokppError::BadCheckDigit));
            }
        }
    }
}
