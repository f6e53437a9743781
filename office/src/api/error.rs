//! The staff API's wire error.

use domain::i18n::{Lang, Localized};
use domain::limits::Limited;
use domain::office::OfficeError;
use domain::ticket::{TicketStatus, TransitionError};
use serde::{Deserialize, Serialize};

/// An error of the staff API, on the wire in the applicant's API's form
/// (`{"bad_request": {"detail": …}}`, `"internal"`): the refusals made before
/// any endpoint (`guard`) read the same for both.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffError {
    /// The body is not of the documented form (400).
    #[error("bad request: {detail}")]
    BadRequest {
        /// What is wrong.
        detail: String,
    },
    /// No staff session (401).
    #[error("not signed in")]
    NotSignedIn,
    /// An id names nothing (404).
    #[error("no such {what}")]
    NotFound {
        /// `ticket`, `window`, `office` or `service`.
        what: String,
    },
    /// An office rule refuses (see the cause for the status).
    #[error("refused: {cause}")]
    Refused {
        /// The rule's reason.
        cause: OfficeError,
    },
    /// The ticket's life cycle refuses (409).
    #[error("not possible for a {status:?} ticket")]
    Ticket {
        /// Its status.
        status: TicketStatus,
    },
    /// A payment cannot be recorded (409; 422 for a code of no form).
    #[error("payment: {cause}")]
    Payment {
        /// Why.
        cause: domain::pay::PayError,
    },
    /// New settings break a rule of the catalog (422).
    #[error("settings: {cause}")]
    Settings {
        /// The rule broken, naming the entry.
        cause: domain::catalog::CatalogError,
    },
    /// A year's holiday calendar refused (422).
    #[error("calendar: {cause}")]
    Calendar {
        /// Why.
        cause: domain::holidays::YearError,
    },
    /// A help page's text refused (422).
    #[error("help page: {cause}")]
    Help {
        /// Why.
        cause: domain::help::HelpError,
    },
    /// Somebody saved a change since the settings were read (409).
    #[error("changed meanwhile")]
    Stale,
    /// Too many calls, or the server is busy (429, 503).
    #[error("limited")]
    Limited {
        /// Which limit and when to try again.
        cause: Limited,
    },
    /// A server fault (500).
    #[error("internal error")]
    Internal,
}

impl From<OfficeError> for StaffError {
    fn from(cause: OfficeError) -> Self {
        StaffError::Refused { cause }
    }
}

impl From<domain::pay::PayError> for StaffError {
    fn from(cause: domain::pay::PayError) -> Self {
        StaffError::Payment { cause }
    }
}

impl StaffError {
    /// The HTTP status it is answered with.
    pub fn status(&self) -> u16 {
        use OfficeError as O;
        match self {
            StaffError::BadRequest { .. } => 400,
            StaffError::NotSignedIn => 401,
            StaffError::NotFound { .. } => 404,
            StaffError::Ticket { .. } | StaffError::Stale => 409,
            StaffError::Settings { .. } | StaffError::Help { .. } | StaffError::Calendar { .. } => {
                422
            }
            StaffError::Limited { cause } => cause.status(),
            StaffError::Internal => 500,
            StaffError::Payment { cause } => match cause {
                domain::pay::PayError::BadCode | domain::pay::PayError::WrongAmount => 422,
                _ => 409,
            },
            StaffError::Refused { cause } => match cause {
                O::WrongCredentials | O::OtherOffice | O::Forbidden | O::WrongCode { .. } => 403,
                O::Locked { .. } | O::CodeLocked => 429,
                O::BadCode | O::BadLogin | O::WeakPassword { .. } => 422,
                O::TooEarly { .. }
                | O::TooLate { .. }
                | O::TooManyCalls { .. }
                | O::WindowBusy
                | O::OtherWindow
                | O::NoWalkIns
                | O::DayFull
                | O::ClosedNow => 409,
            },
        }
    }
}

impl Localized for StaffError {
    fn message(&self, lang: Lang) -> String {
        let pick = |uk: &str, en: &str| match lang {
            Lang::Uk => uk.to_string(),
            Lang::En => en.to_string(),
        };
        match self {
            StaffError::BadRequest { .. } => pick("Некоректний запит.", "A malformed request."),
            StaffError::NotSignedIn => pick("Увійдіть, щоб продовжити.", "Please sign in."),
            StaffError::NotFound { .. } => pick("Не знайдено.", "Not found."),
            StaffError::Refused { cause } => cause.message(lang),
            StaffError::Ticket { status } => TransitionError::NotAllowed {
                status: *status,
                event: domain::ticket::TicketEvent::Call,
            }
            .message(lang),
            StaffError::Limited { cause } => cause.message(lang),
            StaffError::Payment { cause } => cause.message(lang),
            StaffError::Settings { cause } => cause.message(lang),
            StaffError::Help { cause } => cause.message(lang),
            StaffError::Calendar { cause } => cause.message(lang),
            StaffError::Stale => pick(
                "Поки ви редагували, налаштування змінив хтось інший. Завантажте їх знову й повторіть зміну.",
                "Somebody changed the settings while you were editing. Load them again and redo your change.",
            ),
            StaffError::Internal => pick(
                "Помилка сервера. Спробуйте ще раз.",
                "A server error. Please try again.",
            ),
        }
    }
}
