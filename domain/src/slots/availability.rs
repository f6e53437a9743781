//! What is still free in a day's slots, given what is taken.

use super::Slot;
use chrono::NaiveTime;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A place taken at an office on a day: an active ticket or a live hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Occupancy {
    /// The window it occupies.
    pub window: String,
    /// The service it is for.
    pub service: String,
    /// Starts.
    pub start: NaiveTime,
    /// Ends.
    pub end: NaiveTime,
}

/// A slot with what is still free in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FreeSlot {
    /// Starts.
    pub start: NaiveTime,
    /// Ends.
    pub end: NaiveTime,
    /// Places still bookable online.
    pub free: u16,
    /// The windows free for the whole visit, in catalog order: a booking takes the
    /// first.
    pub free_windows: Vec<String>,
}

/// What is still free in each slot of a day for `service`, given what is taken
/// at the office that day (by every service: a window serving two services is
/// taken for both). A slot's free count is the smaller of the online places not
/// yet booked for this service at that time and the windows free for the whole
/// visit.
pub fn availability<'a>(
    slots: &[Slot],
    service: &str,
    taken: impl IntoIterator<Item = &'a Occupancy>,
) -> Vec<FreeSlot> {
    // Indexed once, so a day of many windows and bookings stays cheap to read.
    let mut by_window: BTreeMap<&str, Vec<(NaiveTime, NaiveTime)>> = BTreeMap::new();
    let mut booked_at: BTreeMap<NaiveTime, usize> = BTreeMap::new();
    for o in taken {
        by_window
            .entry(o.window.as_str())
            .or_default()
            .push((o.start, o.end));
        if o.service == service {
            *booked_at.entry(o.start).or_default() += 1;
        }
    }
    slots
        .iter()
        .map(|slot| {
            let booked_here = booked_at.get(&slot.start).copied().unwrap_or(0);
            let online_left = usize::from(slot.online).saturating_sub(booked_here);
            let free_windows: Vec<String> = slot
                .windows
                .iter()
                .filter(|w| {
                    by_window.get(w.as_str()).is_none_or(|busy| {
                        !busy.iter().any(|(s, e)| *s < slot.end && *e > slot.start)
                    })
                })
                .cloned()
                .collect();
            let free = online_left.min(free_windows.len());
            FreeSlot {
                start: slot.start,
                end: slot.end,
                free: u16::try_from(free).unwrap_or(u16::MAX),
                free_windows,
            }
        })
        .collect()
}
