//! The booking form as typed, and its parsing into a [`Person`] and a
//! [`Contact`]: every field checked, every problem reported at once, with the
//! same messages in the browser (instant feedback) and on the server (the final
//! word).

use crate::booking::{Contact, Person};
use crate::i18n::{pick, Lang, Localized};
use crate::validation::{
    BirthDate, BirthDateError, Email, EmailError, PersonName, PersonNameError, Phone, PhoneError,
    Rnokpp, RnokppError,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The applicant's data as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct PersonForm {
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic (optional).
    pub patronymic: String,
    /// Date of birth, `DD.MM.YYYY` or `YYYY-MM-DD`.
    pub birth_date: String,
    /// Tax number (optional).
    pub rnokpp: String,
}

/// How to reach the applicant, as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct ContactForm {
    /// Phone (optional if an e-mail is given).
    pub phone: String,
    /// E-mail (optional if a phone is given).
    pub email: String,
}

/// A field of the booking form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Surname.
    Surname,
    /// Given name.
    GivenName,
    /// Patronymic.
    Patronymic,
    /// Date of birth.
    BirthDate,
    /// Tax number.
    Rnokpp,
    /// Phone.
    Phone,
    /// E-mail.
    Email,
}

/// What is wrong with a field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Problem {
    /// A name field.
    Name(PersonNameError),
    /// The date of birth.
    BirthDate(BirthDateError),
    /// The tax number.
    Rnokpp(RnokppError),
    /// The phone.
    Phone(PhoneError),
    /// The e-mail.
    Email(EmailError),
    /// Neither phone nor e-mail.
    NoContact,
}

/// One field's problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FieldError {
    /// The field.
    pub field: Field,
    /// The problem.
    pub problem: Problem,
}

impl Localized for Problem {
    fn message(&self, lang: Lang) -> String {
        match self {
            Problem::Name(e) => e.message(lang),
            Problem::BirthDate(e) => e.message(lang),
            Problem::Rnokpp(e) => e.message(lang),
            Problem::Phone(e) => e.message(lang),
            Problem::Email(e) => e.message(lang),
            Problem::NoContact => pick(
                lang,
                "Вкажіть телефон або електронну пошту.".into(),
                "Give a phone number or an e-mail address.".into(),
            ),
        }
    }
}

impl Localized for FieldError {
    fn message(&self, lang: Lang) -> String {
        self.problem.message(lang)
    }
}

/// The parsed value, or `None` with its problem noted against `field`.
fn noted<T, E>(
    errors: &mut Vec<FieldError>,
    field: Field,
    parsed: Result<T, E>,
    problem: fn(E) -> Problem,
) -> Option<T> {
    parsed
        .map_err(|e| {
            errors.push(FieldError {
                field,
                problem: problem(e),
            })
        })
        .ok()
}

fn optional(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

impl PersonForm {
    /// Parses every field relative to `today`; all problems at once.
    pub fn parse(&self, today: NaiveDate) -> Result<Person, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut name =
            |field, raw: &str| noted(&mut errors, field, PersonName::parse(raw), Problem::Name);
        let surname = name(Field::Surname, &self.surname);
        let given_name = name(Field::GivenName, &self.given_name);
        let patronymic = optional(&self.patronymic).map(|p| name(Field::Patronymic, p));
        let birth_date = noted(
            &mut errors,
            Field::BirthDate,
            BirthDate::parse(&self.birth_date, today),
            Problem::BirthDate,
        );
        let rnokpp = optional(&self.rnokpp).map(|r| {
            noted(
                &mut errors,
                Field::Rnokpp,
                Rnokpp::parse(r),
                Problem::Rnokpp,
            )
        });
        if !errors.is_empty() {
            return Err(errors);
        }
        match (surname, given_name, birth_date) {
            (Some(surname), Some(given_name), Some(birth_date)) => Ok(Person {
                surname,
                given_name,
                patronymic: patronymic.flatten(),
                birth_date,
                rnokpp: rnokpp.flatten(),
            }),
            _ => Err(errors),
        }
    }
}

/// Parses the whole booking form, the applicant and the contact, with every
/// problem of both parts reported at once.
pub fn parse_booking(
    person: &PersonForm,
    contact: &ContactForm,
    today: NaiveDate,
) -> Result<(Person, Contact), Vec<FieldError>> {
    match (person.parse(today), contact.parse()) {
        (Ok(p), Ok(c)) => Ok((p, c)),
        (p, c) => {
            let mut errors = p.err().unwrap_or_default();
            errors.extend(c.err().unwrap_or_default());
            Err(errors)
        }
    }
}

impl ContactForm {
    /// Parses the contact: at least one of phone and e-mail, each valid if given.
    pub fn parse(&self) -> Result<Contact, Vec<FieldError>> {
        let mut errors = Vec::new();
        let phone = optional(&self.phone)
            .and_then(|p| noted(&mut errors, Field::Phone, Phone::parse(p), Problem::Phone));
        let email = optional(&self.email)
            .and_then(|m| noted(&mut errors, Field::Email, Email::parse(m), Problem::Email));
        if !errors.is_empty() {
            return Err(errors);
        }
        Contact::new(phone, email).map_err(|_| {
            vec![FieldError {
                field: Field::Phone,
                problem: Problem::NoContact,
            }]
        })
    }
}

#[cfg(test)]
mod tests;
