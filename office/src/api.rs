//! The staff API: `POST /api/NAME` with a JSON body, as the applicant's API.
//! Every call but `staff_signin` needs the staff session (cookie
//! `cherga.staff`, `HttpOnly`, `SameSite=Strict`); the server checks each
//! action against the staff member's role and office.

use domain::i18n::{Lang, Localized, Text};
use domain::limits::Limited;
use domain::office::OfficeError;
use domain::ticket::{TicketStatus, TransitionError};
use serde::{Deserialize, Serialize};

/// The staff API's endpoints, `POST /api/NAME`.
pub const ENDPOINTS: [&str; 6] = [
    "staff_signin",
    "staff_signout",
    "staff_me",
    "console",
    "console_call_next",
    "console_act",
];

/// `staff_signin`: a login and a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StaffSignInRequest {
    /// The login (case does not matter).
    pub login: String,
    /// The password.
    pub password: String,
}

/// A service as the console names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ServiceRef {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Its letter on the board.
    pub prefix: char,
}

/// A window of the office and the services it serves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WindowView {
    /// Its number or name on the board.
    pub id: String,
    /// The services it serves.
    pub services: Vec<ServiceRef>,
}

/// `staff_signin`, `staff_me`: who is signed in, with their office's windows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct StaffView {
    /// The login.
    pub login: String,
    /// `officer`, `admin` or `sysadmin`.
    pub role: String,
    /// Their office (none for a system administrator).
    pub office: Option<String>,
    /// The office's name.
    pub office_name: Option<Text>,
    /// The office's windows.
    pub windows: Vec<WindowView>,
}

/// `staff_signout`, `staff_me`: no arguments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoArguments {}

/// `console`: the queue of a window of the staff member's office (a system
/// administrator names the office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WindowRequest {
    /// The office; their own when left out.
    #[serde(default)]
    pub office: Option<String>,
    /// The window.
    pub window: String,
}

/// What an officer does to a ticket at their window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The applicant has come (checked in by staff).
    CheckIn,
    /// Call the ticket at this window again.
    Recall,
    /// The applicant is at the window: service begins.
    Start,
    /// The applicant did not come: annulled when the grace time ends.
    NotHere,
    /// Back into the queue.
    PutBack,
    /// To another window or service of the office.
    Transfer,
    /// Served (final).
    Serve,
}

/// `console_act`: an action on a ticket of the office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ActRequest {
    /// The office; their own when left out.
    #[serde(default)]
    pub office: Option<String>,
    /// The officer's window.
    pub window: String,
    /// The ticket's id.
    pub ticket: String,
    /// What to do.
    pub action: Action,
    /// `transfer`: to this window.
    #[serde(default)]
    pub to_window: Option<String>,
    /// `transfer`: to this service.
    #[serde(default)]
    pub to_service: Option<String>,
}

/// A ticket of today as the console shows it. The applicant's name is shown
/// to the office serving them, never logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QueueTicket {
    /// Its id.
    pub id: String,
    /// Its board number, `P-017`.
    pub number: String,
    /// The service it waits for.
    pub service: String,
    /// Its status.
    pub status: TicketStatus,
    /// Taken at the office without a booking.
    pub walk_in: bool,
    /// Served first.
    pub priority: bool,
    /// The booked start, `09:20` (Kyiv), for an appointment.
    pub starts: Option<String>,
    /// Seconds since it joined the queue (0 before check-in).
    pub waited_seconds: u32,
    /// Times called.
    pub calls: u8,
    /// The window it is called to or served at.
    pub window: Option<String>,
    /// Said not here: seconds until it is annulled.
    pub annul_in_seconds: Option<u32>,
    /// The applicant: surname and initials.
    pub name: String,
}

/// `console`, `console_call_next`, `console_act`: a window's view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConsoleView {
    /// The window.
    pub window: String,
    /// The ticket at this window (called or being served).
    pub current: Option<QueueTicket>,
    /// Waiting for this window, first to be called first.
    pub waiting: Vec<QueueTicket>,
    /// Booked for today for the window's services, not checked in yet.
    pub expected: Vec<QueueTicket>,
    /// Called, said not here: annulled when their grace time ends.
    pub absent: Vec<QueueTicket>,
    /// The office's grace time after a call (seconds).
    pub grace_seconds: u32,
    /// Calls a ticket may have in all.
    pub max_calls: u8,
}

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

impl StaffError {
    /// The HTTP status it is answered with.
    pub fn status(&self) -> u16 {
        use OfficeError as O;
        match self {
            StaffError::BadRequest { .. } => 400,
            StaffError::NotSignedIn => 401,
            StaffError::NotFound { .. } => 404,
            StaffError::Ticket { .. } => 409,
            StaffError::Limited { cause } => cause.status(),
            StaffError::Internal => 500,
            StaffError::Refused { cause } => match cause {
                O::WrongCredentials | O::OtherOffice | O::Forbidden | O::WrongCode { .. } => 403,
                O::Locked { .. } | O::CodeLocked => 429,
                O::BadCode | O::BadLogin | O::WeakPassword { .. } => 422,
                O::TooEarly { .. }
                | O::TooLate { .. }
                | O::TooManyCalls { .. }
                | O::WindowBusy
                | O::OtherWindow => 409,
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
            StaffError::Internal => pick(
                "Помилка сервера. Спробуйте ще раз.",
                "A server error. Please try again.",
            ),
        }
    }
}

/// A call on the display board.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardCall {
    /// The ticket's number, `P-017`.
    pub number: String,
    /// The window it is called to.
    pub window: String,
    /// When it was (last) called, Unix seconds: a board chimes for a call
    /// it has not shown.
    pub at: i64,
}

/// `GET /api/board/{office}/events`, each event `calls`: the office's latest
/// calls of today, newest first. Numbers and windows only.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardView {
    /// The office.
    pub office: String,
    /// The latest calls, newest first.
    pub calls: Vec<BoardCall>,
}

/// `kiosk_checkin`: an applicant checks in at the office's kiosk, by the
/// ticket's number and check-in code, or by the QR code of its link (the id
/// and the access token).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KioskCheckInRequest {
    /// The office of the kiosk.
    pub office: String,
    /// The ticket's number, `P-017` (with `code`).
    #[serde(default)]
    pub number: Option<String>,
    /// The six-digit check-in code printed on the ticket.
    #[serde(default)]
    pub code: Option<String>,
    /// The ticket's id (from the QR code, with `token`).
    #[serde(default)]
    pub ticket: Option<String>,
    /// The ticket's access token (from the QR code).
    #[serde(default)]
    pub token: Option<String>,
}

/// `kiosk_checkin`: the ticket checked in, as the kiosk shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KioskTicket {
    /// Its number.
    pub number: String,
    /// Its service's name.
    pub service: Text,
    /// The booked start, `09:20`.
    pub starts: Option<String>,
    /// Late, and moved to the walk-in queue.
    pub walk_in: bool,
    /// People called before it.
    pub ahead: Option<u32>,
    /// Minutes to its call, roughly.
    pub minutes: Option<u32>,
}
