//! Parse, don't validate: every piece of personal data is a newtype with a private
//! field, built only by `parse`. The browser calls the same parsers for instant
//! feedback that the server calls as the final word.

mod birth_date;
mod email;
mod name;
mod phone;
mod rnokpp;

pub use birth_date::{BirthDate, BirthDateError};
pub use email::{Email, EmailError};
pub use name::{PersonName, PersonNameError};
pub use phone::{Phone, PhoneError};
pub use rnokpp::{Rnokpp, RnokppError};
