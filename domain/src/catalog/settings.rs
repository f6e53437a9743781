//! What an office's administrator changes of their office (hours, breaks,
//! windows, closures, notices, online booking and its share), applied to the
//! catalog and checked by the same rules as an import; and what such a
//! change does to a ticket booked before it.

use super::error::CatalogError;
use super::{Catalog, CatalogFile, Closure, Notice, Office, OfficeId, ServiceId, WeeklyHours};
use super::{Service, Window};
use crate::calendar::WorkingCalendar;
use crate::i18n::Text;
use crate::slots::{closed_reason, slot_at};
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// An office's settings that its administrator may change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct OfficeSettings {
    /// Weekly hours with their breaks.
    pub hours: WeeklyHours,
    /// The windows and the services each serves.
    pub windows: Vec<Window>,
    /// Closed days besides holidays, with the reason shown to applicants.
    pub closures: Vec<Closure>,
    /// Notices, each until its end date.
    pub notices: Vec<Notice>,
    /// Whether the office books online at all.
    pub online_booking: bool,
    /// The services bookable online.
    pub online_services: BTreeSet<ServiceId>,
    /// The share of each day's places offered online, in percent.
    pub online_share_percent: u8,
    /// A service's own share, where it differs.
    #[serde(default)]
    pub online_shares: BTreeMap<ServiceId, u8>,
}

impl OfficeSettings {
    /// The settings of `office` as they are.
    pub fn of(office: &Office) -> Self {
        OfficeSettings {
            hours: office.hours.clone(),
            windows: office.windows.clone(),
            closures: office.closures.clone(),
            notices: office.notices.clone(),
            online_booking: office.online_booking,
            online_services: office.online_services.clone(),
            online_share_percent: office.online_share_percent,
            online_shares: office.online_shares.clone(),
        }
    }

    /// The parts of `after` that differ from `self` (`hours`, `windows`,
    /// `closures`, `notices`, `online_booking`, `online_services`,
    /// `online_share_percent`, which covers the services' own shares).
    pub fn changed_parts(&self, after: &OfficeSettings) -> Vec<String> {
        let before = self;
        let parts = [
            ("hours", before.hours != after.hours),
            ("windows", before.windows != after.windows),
            ("closures", before.closures != after.closures),
            ("notices", before.notices != after.notices),
            (
                "online_booking",
                before.online_booking != after.online_booking,
            ),
            (
                "online_services",
                before.online_services != after.online_services,
            ),
            (
                "online_share_percent",
                before.online_share_percent != after.online_share_percent
                    || before.online_shares != after.online_shares,
            ),
        ];
        parts
            .into_iter()
            .filter(|(_, differs)| *differs)
            .map(|(part, _)| part.to_string())
            .collect()
    }

    fn apply(self, office: &mut Office) {
        office.hours = self.hours;
        office.windows = self.windows;
        office.closures = self.closures;
        office.notices = self.notices;
        office.online_booking = self.online_booking;
        office.online_services = self.online_services;
        office.online_share_percent = self.online_share_percent;
        office.online_shares = self.online_shares;
    }
}

impl Catalog {
    /// The catalog as a file (what is stored and changed).
    pub fn file(&self) -> CatalogFile {
        CatalogFile {
            categories: self.categories().to_vec(),
            services: self.services().to_vec(),
            offices: self.offices().to_vec(),
            recipients: self.recipients().to_vec(),
        }
    }

    /// The catalog with `office`'s settings replaced, checked as an import
    /// is; the file to store with it.
    pub fn with_settings(
        &self,
        office: &OfficeId,
        settings: OfficeSettings,
    ) -> Result<(CatalogFile, Catalog), CatalogError> {
        let mut file = self.file();
        let Some(target) = file.offices.iter_mut().find(|o| &o.id == office) else {
            return Err(CatalogError::UnknownReference {
                at: "settings".into(),
                target: office.0.clone(),
            });
        };
        settings.apply(target);
        let checked = file.clone().check()?;
        Ok((file, checked))
    }
}

/// Why a ticket booked at `office` for `service` on `day` at `start`, at
/// `window`, can no longer be served then (the office is closed that day,
/// no window serves the service at that time any more, or its window no
/// longer does: a window taken away leaves its tickets without a place,
/// even where others serve that time, as they hold theirs); `None` while it
/// can. A ticket is never moved or cancelled by a change: its applicant is
/// told and chooses another time.
pub fn stranded(
    office: &Office,
    service: &Service,
    day: NaiveDate,
    start: NaiveTime,
    window: &str,
    calendar: &WorkingCalendar,
) -> Option<Text> {
    match slot_at(office, service, day, start, calendar) {
        Ok(Some(slot)) if slot.windows.iter().any(|w| w == window) => None,
        Ok(Some(_)) => Some(Text::new(
            "Підрозділ змінив розподіл вікон: вікно, у якому вас мали прийняти, у цей час не працює.",
            "The office changed its windows: the window you were to be seen at is not open at this time.",
        )),
        _ if calendar.holiday(day).is_some()
            || office.closure_on(day).is_some()
            || office.hours.day(day.weekday()).is_none() =>
        {
            Some(closed_reason(office, day, calendar))
        }
        _ => Some(Text::new(
            "Підрозділ змінив графік: у цей час послугу більше не надають.",
            "The office changed its hours: the service is no longer given at this time.",
        )),
    }
}
