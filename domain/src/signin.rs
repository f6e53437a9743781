//! Signing in to "My tickets" with a one-time code sent to the phone or
//! e-mail the tickets were booked with (OWASP ASVS 5.0 V6.5–6.6): six digits
//! from a CSPRNG, stored hashed, valid ten minutes, usable once, bound to
//! its sign-in attempt, void after five wrong tries; a new code only after a
//! cooldown, and a cap of codes per contact and per client address an hour.
//! The answer to a start is the same whether or not the contact has tickets.

use crate::booking::Contact;
use crate::i18n::{Lang, Localized};
use crate::validation::{Email, Phone};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The sign-in rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInPolicy {
    /// Seconds a code is valid.
    pub code_ttl: i64,
    /// Wrong tries that void a code.
    pub max_tries: u32,
    /// Seconds before another code may be asked for the same contact.
    pub resend_after: i64,
    /// Codes one contact may be sent an hour.
    pub per_contact_per_hour: u32,
    /// Sign-ins one client address may start an hour.
    pub per_client_per_hour: u32,
}

impl Default for SignInPolicy {
    fn default() -> Self {
        SignInPolicy {
            code_ttl: 600,
            max_tries: 5,
            resend_after: 60,
            per_contact_per_hour: 5,
            per_client_per_hour: 20,
        }
    }
}

/// Why a sign-in step was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignInError {
    /// Neither a phone number nor an e-mail address.
    #[error("not a phone number or an e-mail address")]
    BadContact,
    /// The code is not six digits.
    #[error("the code is six digits")]
    BadCode,
    /// A code was sent a moment ago.
    #[error("a new code can be asked for in {seconds} s")]
    TooSoon {
        /// Seconds to wait.
        seconds: u32,
    },
    /// Too many codes for this contact or from this address lately.
    #[error("too many codes asked for; try again in an hour")]
    TooMany,
    /// The code is wrong.
    #[error("the code is wrong ({tries_left} tries left)")]
    WrongCode {
        /// Tries left before the code is void.
        tries_left: u32,
    },
    /// The code has expired or was used already.
    #[error("the code has expired")]
    Expired,
    /// Five wrong tries: the code is void.
    #[error("too many wrong tries: the code is void")]
    TooManyTries,
    /// Not signed in (or the session has expired).
    #[error("not signed in")]
    NotSignedIn,
}

impl Localized for SignInError {
    fn message(&self, lang: Lang) -> String {
        let pick = |uk: &str, en: &str| match lang {
            Lang::Uk => uk.to_string(),
            Lang::En => en.to_string(),
        };
        match self {
            SignInError::BadContact => pick(
                "Вкажіть номер телефону або адресу e-mail, з якими записувалися.",
                "Enter the phone number or e-mail address you booked with.",
            ),
            SignInError::BadCode => {
                pick("Код складається із шести цифр.", "The code has six digits.")
            }
            SignInError::TooSoon { seconds } => match lang {
                Lang::Uk => format!("Новий код можна отримати через {seconds} с."),
                Lang::En => format!("You can ask for a new code in {seconds} s."),
            },
            SignInError::TooMany => pick(
                "Забагато запитів коду. Спробуйте через годину.",
                "Too many codes asked for. Try again in an hour.",
            ),
            SignInError::WrongCode { tries_left } => match lang {
                Lang::Uk => format!("Неправильний код. Залишилося спроб: {tries_left}."),
                Lang::En => format!("Wrong code. Tries left: {tries_left}."),
            },
            SignInError::Expired => pick(
                "Код уже не дійсний. Отримайте новий.",
                "The code is no longer valid. Ask for a new one.",
            ),
            SignInError::TooManyTries => pick(
                "Забагато неправильних спроб: код більше не дійсний. Отримайте новий.",
                "Too many wrong tries: the code is void. Ask for a new one.",
            ),
            SignInError::NotSignedIn => pick(
                "Увійдіть, щоб побачити свої талони.",
                "Sign in to see your tickets.",
            ),
        }
    }
}

/// What the database knows of the sign-ins of a contact and of a client
/// address in the last hour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RecentSignIns {
    /// Attempts for the contact.
    pub by_contact: u32,
    /// Attempts from the client address.
    pub by_client: u32,
    /// When the contact's last attempt started (Unix seconds).
    pub last_for_contact: Option<i64>,
}

/// A sign-in attempt as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attempt {
    /// When its code stops being valid (Unix seconds).
    pub expires_at: i64,
    /// Wrong tries so far.
    pub tries: u32,
    /// Used to sign in already.
    pub used: bool,
}

/// What a code entered does to its attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Right: sign in, and the attempt is used up.
    SignIn,
    /// Wrong: count the try, then refuse with this.
    Wrong(SignInError),
    /// Refused without counting (expired, used, void).
    Refused(SignInError),
}

impl SignInPolicy {
    /// May a new attempt start at `now` (Unix seconds)?
    pub fn may_start(&self, recent: &RecentSignIns, now: i64) -> Result<(), SignInError> {
        if let Some(last) = recent.last_for_contact {
            let wait = last + self.resend_after - now;
            if wait > 0 {
                return Err(SignInError::TooSoon {
                    seconds: u32::try_from(wait).unwrap_or(u32::MAX),
                });
            }
        }
        if recent.by_contact >= self.per_contact_per_hour
            || recent.by_client >= self.per_client_per_hour
        {
            return Err(SignInError::TooMany);
        }
        Ok(())
    }

    /// What a code entered at `now` does to `attempt`; `right` is whether
    /// it matches (compared by the caller in constant time).
    pub fn check(&self, attempt: &Attempt, now: i64, right: bool) -> Verdict {
        if attempt.used || now >= attempt.expires_at {
            return Verdict::Refused(SignInError::Expired);
        }
        if attempt.tries >= self.max_tries {
            return Verdict::Refused(SignInError::TooManyTries);
        }
        if right {
            return Verdict::SignIn;
        }
        let left = self.max_tries - attempt.tries - 1;
        Verdict::Wrong(if left == 0 {
            SignInError::TooManyTries
        } else {
            SignInError::WrongCode { tries_left: left }
        })
    }
}

/// The contact typed to sign in: an e-mail address if it has `@`, else a
/// phone number.
pub fn parse_contact(input: &str) -> Result<Contact, SignInError> {
    let input = input.trim();
    let contact = if input.contains('@') {
        Contact::new(
            None,
            Some(Email::parse(input).map_err(|_| SignInError::BadContact)?),
        )
    } else {
        Contact::new(
            Some(Phone::parse(input).map_err(|_| SignInError::BadContact)?),
            None,
        )
    };
    contact.map_err(|_| SignInError::BadContact)
}

/// The code typed: six digits (spaces around and between are dropped).
pub fn parse_code(input: &str) -> Result<String, SignInError> {
    let code: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(SignInError::BadCode)
    }
}

/// The code for a random `u32` from a CSPRNG, or none for the few values
/// that would make some codes likelier (draw again): uniform over 000000–999999.
pub fn code_from_random(r: u32) -> Option<String> {
    // The largest multiple of a million that fits in a u32.
    const LIMIT: u32 = (u32::MAX / 1_000_000) * 1_000_000;
    (r < LIMIT).then(|| format!("{:06}", r % 1_000_000))
}
