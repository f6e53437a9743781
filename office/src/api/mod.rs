//! The staff API: `POST /api/NAME` with a JSON body, as the applicant's API.
//! Every call but `staff_signin` needs the staff session (cookie
//! `cherga.staff`, `HttpOnly`, `SameSite=Strict`); the server checks each
//! action against the staff member's role and office.

mod admin;
mod audit;
mod calendar;
mod error;
mod help;
mod reports;
mod screens;

pub use admin::{
    AdminChangeRequest, AdminEffect, AdminOfficeRequest, AdminOfficeView, AdminService, AffectedDay,
};
pub use audit::{AuditEntry, AuditList, AuditRequest, AUDIT_LIMIT};
pub use calendar::{CalendarChangeRequest, CalendarView};
pub use error::StaffError;
pub use help::{HelpRequest, HelpText};
pub use reports::{Counts, DayFigures, ReportRequest, ReportView, ServiceFigures};
pub use screens::{
    BoardCall, BoardView, KioskCheckInRequest, KioskServicesRequest, KioskTicket,
    KioskWalkInRequest, WalkInService,
};

use domain::i18n::Text;
use domain::ticket::TicketStatus;
use serde::{Deserialize, Serialize};

/// The staff API's endpoints, `POST /api/NAME`.
pub const ENDPOINTS: [&str; 20] = [
    "staff_signin",
    "staff_signout",
    "staff_me",
    "console",
    "console_call_next",
    "console_act",
    "console_bank_receipt",
    "kiosk_checkin",
    "kiosk_services",
    "kiosk_walk_in",
    "audit",
    "report",
    "admin_office",
    "admin_preview",
    "admin_save",
    "admin_help",
    "admin_help_save",
    "admin_calendar",
    "admin_calendar_preview",
    "admin_calendar_save",
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
    /// The payments of the ticket at this window, one per recipient.
    #[serde(default)]
    pub payments: Vec<TicketPayment>,
}

/// A payment of the ticket at the window, as the officer checks it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketPayment {
    /// The recipient's id.
    pub recipient: String,
    /// Its name.
    pub recipient_name: Text,
    /// The amount due.
    pub amount: domain::money::Money,
    /// Where it stands.
    pub state: domain::pay::PayState,
    /// Paid: the receipt's code (ours, or the bank's).
    pub code: Option<String>,
    /// Paid at a bank: its name (none when paid online).
    pub bank: Option<String>,
}

/// `console_bank_receipt`: a receipt paid at a bank outside the system,
/// recorded for the ticket at the window (the officer checks it in «check»
/// first). Its code then cannot pay for another ticket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BankReceiptRequest {
    /// The office; their own when left out.
    #[serde(default)]
    pub office: Option<String>,
    /// The officer's window.
    pub window: String,
    /// The ticket's id (the one at the window).
    pub ticket: String,
    /// The recipient whose payment it is.
    pub recipient: String,
    /// The receipt's code, as printed.
    pub code: String,
    /// The bank.
    pub bank: String,
    /// The amount on the receipt.
    pub amount: domain::money::Money,
}
