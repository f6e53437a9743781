//! The office's screens without a sign-in: the display board and the kiosk
//! (check-in, and walk-in tickets).

use domain::i18n::Text;
use serde::{Deserialize, Serialize};

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
    /// A walk-in's link (`/tickets/ID#TOKEN`), shown as a QR code: the
    /// applicant follows the queue on their phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// `kiosk_services`: what an office's kiosk offers without a booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KioskServicesRequest {
    /// The office of the kiosk.
    pub office: String,
}

/// A service the office takes walk-ins for today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct WalkInService {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Places for walk-ins left today (0: the day is full).
    pub left: u32,
}

/// `kiosk_walk_in`: a ticket for today without a booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct KioskWalkInRequest {
    /// The office of the kiosk.
    pub office: String,
    /// The service.
    pub service: String,
    /// The kiosk's language, `uk` or `en` (the ticket's page opens in it).
    #[serde(default)]
    pub lang: Option<String>,
}
