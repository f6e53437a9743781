//! The app's own words, in Ukrainian and English, in one table per language
//! ([`uk`], [`en`]): components never hard-code a user-facing string, they read
//! a field of [`Words`]. A missing translation is a compile error.

mod en;
mod format;
pub mod tickets;
mod uk;
mod words;

pub use format::{date_long, date_short, plural, time, weekday_short};
pub use words::*;

use domain::Lang;

/// Picks one string out of [`Words`] (a label, a heading), whatever the language.
pub type Pick = fn(&Words) -> &'static str;

/// The words of `lang`.
pub fn t(lang: Lang) -> &'static Words {
    match lang {
        Lang::Uk => &uk::WORDS,
        Lang::En => &en::WORDS,
    }
}

/// The support phone numbers of the service page.
pub const SUPPORT_PHONES: [&str; 3] = ["(097) 470-05-05", "(066) 470-05-05", "(073) 470-05-05"];
