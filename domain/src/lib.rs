#![doc = include_str!("../README.md")]

pub mod booking;
pub mod calendar;
pub mod catalog;
pub mod checklist;
pub mod fees;
pub mod i18n;
pub mod money;
pub mod slots;
pub mod ticket;
pub mod validation;

pub use i18n::{Lang, Localized, Text};
pub use money::Money;
