//! What an administrator's change does, as the preview and the save read
//! it: the tickets it leaves without their time, by day; the change
//! checked; its entry in the audit trail (which names the parts of an
//! office's settings it changes: `OfficeSettings::changed_parts`).

use chrono::NaiveDate;
use domain::calendar::{WorkingCalendar, YearCalendar};
use domain::catalog::{Catalog, CatalogFile};
use domain::i18n::Text;
use office::api::AffectedDay;
use std::collections::BTreeMap;

/// What a change leaves without its time: per day, the tickets and why.
#[derive(Debug, Default)]
pub(super) struct Effect {
    pub(super) days: BTreeMap<NaiveDate, (u32, Text)>,
    /// The tickets' ids.
    pub(super) tickets: Vec<String>,
}

impl Effect {
    /// Adds what another office's part of the change does.
    pub(super) fn add(&mut self, other: Effect) {
        for (day, (n, reason)) in other.days {
            self.days.entry(day).or_insert((0, reason)).0 += n;
        }
        self.tickets.extend(other.tickets);
    }
}

/// A change checked, with what it does.
pub(super) struct Checked {
    /// The catalog as stored.
    pub(super) file: CatalogFile,
    /// The catalog checked.
    pub(super) catalog: Catalog,
    /// The calendar.
    pub(super) calendar: WorkingCalendar,
    /// The calendar's years as stored.
    pub(super) years: Vec<YearCalendar>,
    /// The parts changed (none: nothing to save).
    pub(super) changed: Vec<String>,
    /// The tickets it leaves without their time.
    pub(super) effect: Effect,
}

/// How a change goes into the audit trail.
pub(super) struct Trail {
    /// The event (`office_settings`, `holiday_calendar`).
    pub(super) event: &'static str,
    /// The office it is of, if one.
    pub(super) office: Option<String>,
    /// What changed, before and after.
    pub(super) detail: serde_json::Value,
}

/// The days of `effect`, as the answer lists them.
pub(super) fn affected_days(effect: &Effect) -> Vec<AffectedDay> {
    effect
        .days
        .iter()
        .map(|(day, (tickets, reason))| AffectedDay {
            day: *day,
            tickets: *tickets,
            reason: reason.clone(),
        })
        .collect()
}
