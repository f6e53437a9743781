#![doc = include_str!("../README.md")]

pub mod booking;
pub mod calendar;
pub mod catalog;
pub mod checklist;
pub mod fees;
pub mod forms;
pub mod help;
pub mod holidays;
pub mod i18n;
pub mod limits;
pub mod money;
pub mod notice;
pub mod office;
pub mod pay;
pub mod proof;
pub mod reports;
pub mod retention;
pub mod signin;
pub mod slots;
pub mod ticket;
pub mod validation;

pub use i18n::{Lang, Localized, Text};
pub use money::Money;

#[cfg(test)]
mod wire_tests {
    //! Errors cross the wire between the server and the browser: they must
    //! serialise and come back equal, with the same message.
    use crate::booking::BookingError;
    use crate::slots::SlotError;
    use crate::validation::{PersonNameError, PhoneError, RnokppError};
    use crate::{Lang, Localized};
    use serde::{de::DeserializeOwned, Serialize};

    fn round_trip<E: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Localized>(e: E) {
        let json = serde_json::to_string(&e).unwrap_or_default();
        let back: Option<E> = serde_json::from_str(&json).ok();
        assert_eq!(back.as_ref(), Some(&e), "{json}");
        assert_eq!(back.map(|b| b.message(Lang::Uk)), Some(e.message(Lang::Uk)));
    }

    #[test]
    fn errors_round_trip_through_json() {
        round_trip(PersonNameError::TooLong { max: 50 });
        round_trip(PhoneError::WrongLengthUkrainian);
        round_trip(RnokppError::BadCheckDigit);
        round_trip(BookingError::ContactLimit { max: 4 });
        round_trip(SlotError::Calendar {
            cause: crate::calendar::CalendarError::YearNotCovered { year: 2030 },
        });
    }

    #[test]
    fn the_wire_form_is_a_stable_code() {
        let json = serde_json::to_string(&PersonNameError::TooLong { max: 50 }).unwrap_or_default();
        assert_eq!(json, r#"{"too_long":{"max":50}}"#);
        let json = serde_json::to_string(&PhoneError::WrongLengthUkrainian).unwrap_or_default();
        assert_eq!(json, r#""wrong_length_ukrainian""#);
    }
}
