use crate::i18n::{pick, Lang, Localized};
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use thiserror::Error;

/// An e-mail address, checked by the `email_address` crate (RFC 5321/5322) and
/// required to have a dotted domain; the domain is lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Email(String);

/// Why an e-mail address was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmailError {
    /// Nothing typed.
    #[error("the e-mail address is empty")]
    Empty,
    /// Longer than [`Email::MAX_CHARS`].
    #[error("the e-mail address is too long")]
    TooLong,
    /// Not an address.
    #[error("the e-mail address is not valid")]
    Invalid,
}

impl Email {
    /// The longest address accepted (RFC 5321 path limit).
    pub const MAX_CHARS: usize = 254;

    /// Parses an address.
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.chars().count() > Self::MAX_CHARS {
            return Err(EmailError::TooLong);
        }
        let parsed = email_address::EmailAddress::from_str(s).map_err(|_| EmailError::Invalid)?;
        let (local, domain) = (parsed.local_part(), parsed.domain());
        let dotted = domain.contains('.')
            && !domain.starts_with('[')
            && domain.split('.').all(|label| !label.is_empty());
        if !dotted || local.starts_with('"') {
            return Err(EmailError::Invalid);
        }
        let normal = format!("{local}@{}", domain.to_lowercase());
        // Lower-casing may make what the parser refuses (`İ` becomes `i`
        // and a combining dot above): such an address is refused, so that
        // what is accepted is accepted again as it is.
        if normal.chars().count() > Self::MAX_CHARS
            || email_address::EmailAddress::from_str(&normal).is_err()
        {
            return Err(EmailError::Invalid);
        }
        Ok(Email(normal))
    }

    /// The normalised address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Email {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        Email::parse(&raw).map_err(serde::de::Error::custom)
    }
}

impl Localized for EmailError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::Empty => pick(
                lang,
                "Вкажіть електронну пошту.".into(),
                "Please enter an e-mail address.".into(),
            ),
            Self::TooLong => pick(
                lang,
                format!("Адреса задовга: щонайбільше {} символи.", Email::MAX_CHARS),
                format!(
                    "The address is too long: at most {} characters.",
                    Email::MAX_CHARS
                ),
            ),
            Self::Invalid => pick(
                lang,
                "Перевірте адресу електронної пошти, наприклад name@example.com.".into(),
                "Check the e-mail address, for example name@example.com.".into(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn accepts_and_normalises() {
        assert_eq!(
            Email::parse(" Olena.K@Ukr.NET ").map(|e| e.0),
            Ok("Olena.K@ukr.net".into())
        );
        assert!(Email::parse("a+tag@mail.gov.ua").is_ok());
    }

    #[test]
    fn refuses_bad_addresses() {
        assert_eq!(Email::parse(""), Err(EmailError::Empty));
        for bad in [
            "olena",
            "olena@",
            "@ukr.net",
            "olena@localhost",
            "olena@@ukr.net",
            "olena@ukr..net",
            "a b@ukr.net",
            "\"x\"@ukr.net",
            "x@[127.0.0.1]",
            // Found by the fuzz target: lower-cased, `İ` is `i` and U+0307.
            "oal@6a.\u{130}",
        ] {
            assert_eq!(Email::parse(bad), Err(EmailError::Invalid), "{bad}");
        }
        let long = format!("{}@ukr.net", "a".repeat(250));
        assert_eq!(Email::parse(&long), Err(EmailError::TooLong));
    }

    proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,300}") {
            let _ = Email::parse(&s);
        }
    }
}
