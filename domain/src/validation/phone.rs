use crate::i18n::{pick, Lang, Localized};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// A phone number in E.164 form (`+380671234567`). Ukrainian numbers typed in any
/// usual way (`067 123 45 67`, `(067) 123-45-67`, `380671234567`) are normalised.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Phone(String);

/// Why a phone number was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PhoneError {
    /// Nothing typed.
    #[error("the phone number is empty")]
    Empty,
    /// Letters or symbols other than `+ ( ) - . space`.
    #[error("the phone number contains characters other than digits")]
    InvalidCharacter,
    /// A Ukrainian number without exactly nine digits after +380 0.
    #[error("a Ukrainian number has 9 digits after +380")]
    WrongLengthUkrainian,
    /// Not a valid international number.
    #[error("an international number starts with + and has 8 to 15 digits")]
    NotInternational,
}

impl Phone {
    /// Parses and normalises a phone number.
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        let mut digits = String::with_capacity(16);
        let mut plus = false;
        for (i, c) in trimmed.chars().enumerate() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if i == 0 => plus = true,
                ' ' | '\u{a0}' | '-' | '(' | ')' | '.' => {}
                _ => return Err(PhoneError::InvalidCharacter),
            }
        }
        if digits.is_empty() {
            return Err(PhoneError::Empty);
        }
        // The international call prefix 00 is the same as +.
        if !plus {
            if let Some(rest) = digits.strip_prefix("00") {
                digits = rest.to_string();
                plus = true;
            }
        }
        let national = if plus {
            digits.strip_prefix("380").map(str::to_string)
        } else if let Some(rest) = digits.strip_prefix("380") {
            Some(rest.to_string())
        } else if let Some(rest) = digits.strip_prefix("80") {
            // The old long-distance form: 8 0XX XXX XX XX.
            Some(rest.to_string())
        } else if let Some(rest) = digits.strip_prefix('0') {
            Some(rest.to_string())
        } else {
            return Err(PhoneError::NotInternational);
        };
        match national {
            Some(n) => {
                let n = n.strip_prefix('0').map(str::to_string).unwrap_or(n);
                if n.len() != 9 || n.starts_with('0') {
                    return Err(PhoneError::WrongLengthUkrainian);
                }
                Ok(Phone(format!("+380{n}")))
            }
            None => {
                if !(8..=15).contains(&digits.len()) || digits.starts_with('0') {
                    return Err(PhoneError::NotInternational);
                }
                Ok(Phone(format!("+{digits}")))
            }
        }
    }

    /// The number in E.164 form.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for a number of Ukraine (+380).
    pub fn is_ukrainian(&self) -> bool {
        self.0.starts_with("+380")
    }
}

impl<'de> Deserialize<'de> for Phone {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Phone::parse(&raw).map_err(serde::de::Error::custom)
    }
}

impl Localized for PhoneError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::Empty => pick(lang, "Вкажіть номер телефону.".into(), "Please enter a phone number.".into()),
            Self::InvalidCharacter => pick(
                lang,
                "Номер телефону може містити лише цифри, пробіли, дужки, дефіси та + на початку.".into(),
                "A phone number may contain only digits, spaces, brackets, hyphens and a leading +.".into(),
            ),
            Self::WrongLengthUkrainian => pick(
                lang,
                "Український номер має 10 цифр, наприклад 067 123 45 67.".into(),
                "A Ukrainian number has 10 digits, for example 067 123 45 67.".into(),
            ),
            Self::NotInternational => pick(
                lang,
                "Іноземний номер вкажіть у міжнародному форматі: + і від 8 до 15 цифр.".into(),
                "Enter a foreign number in international format: + and 8 to 15 digits.".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn norm(s: &str) -> Result<String, PhoneError> {
        Phone::parse(s).map(|p| p.0)
    }

    #[test]
    fn ukrainian_forms_normalise() {
        for s in [
            "067 123 45 67",
            "(067) 123-45-67",
            "0671234567",
            "380671234567",
            "+380671234567",
            "+38 (067) 123 45 67",
            "80671234567",
            "00380671234567",
        ] {
            assert_eq!(norm(s), Ok("+380671234567".into()), "{s}");
        }
    }

    #[test]
    fn foreign_numbers_are_kept() {
        assert_eq!(norm("+48 601 234 567"), Ok("+48601234567".into()));
        assert_eq!(norm("0049 30 1234567"), Ok("+49301234567".into()));
        assert_eq!(norm("+1 (202) 555-0143"), Ok("+12025550143".into()));
    }

    #[test]
    fn bad_numbers_are_refused() {
        assert_eq!(norm(""), Err(PhoneError::Empty));
        assert_eq!(norm(" - "), Err(PhoneError::Empty));
        assert_eq!(norm("067 123 45 6"), Err(PhoneError::WrongLengthUkrainian));
        assert_eq!(
            norm("+380 0 67 123 45 67 8"),
            Err(PhoneError::WrongLengthUkrainian)
        );
        assert_eq!(norm("067-ABC-45-67"), Err(PhoneError::InvalidCharacter));
        assert_eq!(norm("12345"), Err(PhoneError::NotInternational));
        assert_eq!(norm("+12345"), Err(PhoneError::NotInternational));
        assert_eq!(norm("+1234567890123456"), Err(PhoneError::NotInternational));
        assert_eq!(norm("06+71234567"), Err(PhoneError::InvalidCharacter));
    }

    proptest! {
        #[test]
        fn never_panics_and_is_idempotent(s in "[0-9+() .a-z-]{0,30}") {
            if let Ok(p) = Phone::parse(&s) {
                prop_assert_eq!(Phone::parse(p.as_str()), Ok(p.clone()));
                prop_assert!(p.as_str().starts_with('+'));
            }
        }

        #[test]
        fn any_ukrainian_mobile_parses(op in "(50|63|66|67|68|73|93|95|96|97|98|99)", rest in "[0-9]{7}") {
            let p = Phone::parse(&format!("0{op}{rest}"));
            prop_assert_eq!(p.map(|p| p.0), Ok(format!("+380{op}{rest}")));
        }
    }
}
