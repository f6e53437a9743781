//! The administrator's pages (`/staff/admin`): an office's settings read
//! (`admin_office`), a change previewed with its effect on the tickets
//! booked (`admin_preview`), and saved (`admin_save`): checked by the same
//! rules as a catalog import, in force on every node within seconds, each
//! applicant it disrupts told and offered another time.

use domain::catalog::OfficeSettings;
use domain::i18n::Text;
use serde::{Deserialize, Serialize};

/// `admin_office`: an office (an office's administrator: their own).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdminOfficeRequest {
    /// The office; their own when left out.
    #[serde(default)]
    pub office: Option<String>,
}

/// A service as the administrator's page names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AdminService {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: Text,
    /// Booked for a time (not only taken at the office).
    pub bookable: bool,
}

/// `admin_office`: an office's settings as they are in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AdminOfficeView {
    /// The office.
    pub office: String,
    /// Its name.
    pub name: Text,
    /// The catalog's version these settings are of: a change names it, and
    /// is refused if another was saved since.
    pub version: i64,
    /// The settings.
    pub settings: OfficeSettings,
    /// Every service of the catalog (a window may serve any).
    pub services: Vec<AdminService>,
}

/// `admin_preview`, `admin_save`: new settings for an office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AdminChangeRequest {
    /// The office; their own when left out.
    #[serde(default)]
    pub office: Option<String>,
    /// The version the settings were read at.
    pub version: i64,
    /// The settings wanted.
    pub settings: OfficeSettings,
}

/// The tickets of one day whose time the change leaves unserved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AffectedDay {
    /// The day.
    pub day: chrono::NaiveDate,
    /// How many tickets.
    pub tickets: u32,
    /// Why (shown to the applicants).
    pub reason: Text,
}

/// `admin_preview`, `admin_save`: what the change does.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AdminEffect {
    /// The catalog's version: unchanged by a preview, the new one once saved.
    pub version: i64,
    /// Whether it was saved.
    pub saved: bool,
    /// What changed, by part (`hours`, `windows`, `closures`, `notices`,
    /// `online_booking`, `online_services`, `online_share_percent`).
    pub changed: Vec<String>,
    /// The booked tickets it leaves without their time, by day. None is
    /// moved or cancelled: each applicant is told (once saved) and chooses
    /// another time.
    pub affected: Vec<AffectedDay>,
}
