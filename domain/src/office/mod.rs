//! At the office: the order in which windows call (`queue`), calls and the
//! grace time before an absent applicant is annulled (`calls`), check-in on
//! arrival and its code (`checkin`), waiting-time estimates (`estimate`), and
//! who among the staff may do what (`staff`), and tickets taken at the kiosk
//! without a booking (`walk_in`).

mod calls;
mod checkin;
mod estimate;
pub mod queue;
pub mod staff;
pub mod walk_in;

pub use calls::{Absence, CallRule};
pub use checkin::{Arrival, CheckInCode, CheckInRule, LatePolicy};
pub use estimate::{people_uk, Estimate, EstimateRule};

use crate::i18n::{pick, Lang, Localized};
use chrono::{DateTime, Utc};
use chrono_tz::Europe::Kyiv;
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why something at the office was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum OfficeError {
    /// Check-in is not open yet.
    #[error("check-in opens later")]
    TooEarly {
        /// When it opens.
        opens: DateTime<Utc>,
    },
    /// Check-in has closed and the office refuses late arrivals.
    #[error("check-in has closed")]
    TooLate {
        /// When it closed.
        closed: DateTime<Utc>,
    },
    /// The typed check-in code has not six digits.
    #[error("not a check-in code")]
    BadCode,
    /// A wrong check-in code for the ticket (the try counts).
    #[error("wrong check-in code")]
    WrongCode {
        /// Tries left before the kiosk takes no more codes for it.
        tries_left: u32,
    },
    /// Too many wrong codes for this ticket.
    #[error("too many wrong codes")]
    CodeLocked,
    /// The ticket has been called as often as the office allows.
    #[error("called too often")]
    TooManyCalls {
        /// Calls allowed.
        max: u8,
    },
    /// The window already has a ticket called or being served.
    #[error("the window is busy")]
    WindowBusy,
    /// The ticket is called to (or served at) another window.
    #[error("another window's ticket")]
    OtherWindow,
    /// Another office's ticket, window or staff.
    #[error("another office")]
    OtherOffice,
    /// The role may not do this.
    #[error("not permitted")]
    Forbidden,
    /// The login or the password is wrong (which, is not said).
    #[error("wrong login or password")]
    WrongCredentials,
    /// Too many wrong passwords: the account is locked for a while.
    #[error("account locked")]
    Locked {
        /// Seconds until it may be tried again.
        seconds: u32,
    },
    /// The office takes no walk-ins for the service (it offers every place
    /// online, or no window serves it today).
    #[error("no walk-ins")]
    NoWalkIns,
    /// Every place kept for walk-ins today is taken.
    #[error("the day is full")]
    DayFull,
    /// The office's day has no visit left to begin: no more walk-ins today.
    #[error("closed for walk-ins now")]
    ClosedNow,
    /// A login of the wrong form.
    #[error("bad login")]
    BadLogin,
    /// A password too short, too long or of one repeated character.
    #[error("weak password")]
    WeakPassword {
        /// Fewest characters.
        min: usize,
        /// Most characters.
        max: usize,
    },
}

/// `at` as a Kyiv wall-clock time, `09:30`.
fn kyiv_hm(at: DateTime<Utc>) -> String {
    at.with_timezone(&Kyiv).format("%H:%M").to_string()
}

impl Localized for OfficeError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::TooEarly { opens } => pick(
                lang,
                format!("Реєстрація на цей талон відкриється о {}. Будь ласка, зачекайте.", kyiv_hm(*opens)),
                format!("Check-in for this ticket opens at {}. Please wait.", kyiv_hm(*opens)),
            ),
            Self::TooLate { closed } => pick(
                lang,
                format!("Ви запізнилися: реєстрація на цей талон закрилася о {}. Запис анульовано; зверніться до адміністратора.", kyiv_hm(*closed)),
                format!("You are late: check-in for this ticket closed at {}. The booking is annulled; please ask the administrator.", kyiv_hm(*closed)),
            ),
            Self::BadCode => pick(
                lang,
                "Код реєстрації — шість цифр, надрукованих на талоні.".into(),
                "The check-in code is the six digits printed on the ticket.".into(),
            ),
            Self::WrongCode { tries_left } => pick(
                lang,
                format!("Невірний код реєстрації. Залишилося спроб: {tries_left}."),
                format!("Wrong check-in code. Tries left: {tries_left}."),
            ),
            Self::CodeLocked => pick(
                lang,
                "Забагато невірних кодів для цього талона. Зверніться до адміністратора.".into(),
                "Too many wrong codes for this ticket. Please ask the administrator.".into(),
            ),
            Self::TooManyCalls { max } => pick(
                lang,
                format!(
                    "Талон уже викликано {max} {}: більше викликати не можна.",
                    crate::i18n::plural_uk(u32::from(*max), "раз", "рази", "разів")
                ),
                format!("The ticket has been called {max} times: it cannot be called again."),
            ),
            Self::WindowBusy => pick(
                lang,
                "У цьому вікні вже є викликаний талон: спершу завершіть його.".into(),
                "This window already has a ticket called: finish it first.".into(),
            ),
            Self::OtherWindow => pick(
                lang,
                "Цей талон викликано до іншого вікна.".into(),
                "This ticket is called to another window.".into(),
            ),
            Self::OtherOffice => pick(
                lang,
                "Це стосується іншого підрозділу.".into(),
                "This belongs to another office.".into(),
            ),
            Self::Forbidden => pick(
                lang,
                "Недостатньо прав для цієї дії.".into(),
                "You may not do this.".into(),
            ),
            Self::WrongCredentials => pick(
                lang,
                "Невірний логін або пароль.".into(),
                "Wrong login or password.".into(),
            ),
            Self::Locked { seconds } => {
                let m = seconds.div_ceil(60).max(1);
                pick(
                    lang,
                    format!(
                        "Забагато невдалих спроб входу. Спробуйте через {m} {}.",
                        crate::i18n::plural_uk(m, "хвилину", "хвилини", "хвилин")
                    ),
                    format!(
                        "Too many failed sign-ins. Try again in {m} minute{}.",
                        if m == 1 { "" } else { "s" }
                    ),
                )
            }
            Self::NoWalkIns => pick(
                lang,
                "Без попереднього запису цю послугу сьогодні тут не надають. Запишіться онлайн на інший день.".into(),
                "This service is not offered without a booking here today. Please book a day online.".into(),
            ),
            Self::DayFull => pick(
                lang,
                "На сьогодні всі місця для відвідувачів без запису зайняті. Запишіться онлайн на інший день.".into(),
                "Every place for visitors without a booking is taken today. Please book a day online.".into(),
            ),
            Self::ClosedNow => pick(
                lang,
                "Сьогодні підрозділ уже не приймає відвідувачів без запису. Запишіться онлайн на інший день.".into(),
                "The office takes no more visitors without a booking today. Please book a day online.".into(),
            ),
            Self::BadLogin => pick(
                lang,
                "Логін — від 3 до 32 латинських літер, цифр, крапок, дефісів чи підкреслень, першою — літера.".into(),
                "A login is 3 to 32 Latin letters, digits, dots, hyphens or underscores, starting with a letter.".into(),
            ),
            Self::WeakPassword { min, max } => pick(
                lang,
                format!("Пароль має містити від {min} до {max} символів і не складатися з одного символу."),
                format!("The password must have {min} to {max} characters, not all the same."),
            ),
        }
    }
}
