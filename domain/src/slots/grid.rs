//! A day's slots: the visit grid of each window, merged by start time, with the
//! share of each time offered online.

use super::{Slot, SlotError};
use crate::calendar::WorkingCalendar;
use crate::catalog::{DayHours, Office, Service};
use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};
use std::collections::BTreeMap;

/// The start times of visits of `minutes` within one window's day: visits follow
/// each other from opening, never overlap a break (the next one starts when the
/// break ends) and end by closing time.
fn grid(hours: &DayHours, minutes: u16) -> Vec<(NaiveTime, NaiveTime)> {
    let step = TimeDelta::minutes(i64::from(minutes.max(1)));
    let mut breaks = hours.breaks.clone();
    breaks.sort();
    let mut out = Vec::new();
    let mut t = hours.open;
    loop {
        let (end, wrapped) = t.overflowing_add_signed(step);
        if wrapped != 0 || end > hours.close {
            break;
        }
        if let Some((_, to)) = breaks.iter().find(|(from, to)| t < *to && end > *from) {
            t = *to;
            continue;
        }
        out.push((t, end));
        t = end;
    }
    out
}

/// The slots of `date` for `service` at `office` (empty when the office is closed).
pub fn day_slots(
    office: &Office,
    service: &Service,
    date: NaiveDate,
    calendar: &WorkingCalendar,
) -> Result<Vec<Slot>, SlotError> {
    Ok(day_grid(office, service, date, calendar)?
        .into_iter()
        .map(GridSlot::owned)
        .collect())
}

/// The slot of [`day_slots`] that starts at `time`, if any: the same rule,
/// without copying the window names of the day's other slots.
pub fn slot_at(
    office: &Office,
    service: &Service,
    date: NaiveDate,
    time: NaiveTime,
    calendar: &WorkingCalendar,
) -> Result<Option<Slot>, SlotError> {
    Ok(day_grid(office, service, date, calendar)?
        .into_iter()
        .find(|g| g.start == time)
        .map(GridSlot::owned))
}

/// A slot whose windows are borrowed from the office.
pub(super) struct GridSlot<'a> {
    pub(super) start: NaiveTime,
    end: NaiveTime,
    pub(super) online: u16,
    windows: Vec<&'a str>,
}

impl GridSlot<'_> {
    fn capacity(&self) -> u16 {
        u16::try_from(self.windows.len()).unwrap_or(u16::MAX)
    }

    pub(super) fn owned(self) -> Slot {
        Slot {
            start: self.start,
            end: self.end,
            capacity: self.capacity(),
            online: self.online,
            windows: self.windows.into_iter().map(str::to_string).collect(),
        }
    }
}

/// The day's slots, their windows borrowed (see [`day_slots`]).
pub(super) fn day_grid<'a>(
    office: &'a Office,
    service: &Service,
    date: NaiveDate,
    calendar: &WorkingCalendar,
) -> Result<Vec<GridSlot<'a>>, SlotError> {
    let minutes = super::visit_minutes(service)?;
    let weekday = date.weekday();
    if calendar.holiday(date).is_some() || office.closure_on(date).is_some() {
        return Ok(Vec::new());
    }
    calendar.is_working_day(date)?;
    let mut merged: BTreeMap<NaiveTime, (NaiveTime, Vec<&'a str>)> = BTreeMap::new();
    for window in office
        .windows
        .iter()
        .filter(|w| w.services.contains(&service.id))
    {
        let hours = window.hours.as_ref().unwrap_or(&office.hours);
        let Some(day) = hours.day(weekday) else {
            continue;
        };
        for (start, end) in grid(day, minutes) {
            merged
                .entry(start)
                .or_insert_with(|| (end, Vec::new()))
                .1
                .push(window.id.as_str());
        }
    }
    Ok(share_online(merged, office.online_share(&service.id)))
}

/// Offers `percent` of the day's capacity online, spread evenly over the day: the
/// cumulative online count after each slot is ⌊cumulative capacity × percent⌋, so
/// even one window at 50 % gets every other time online.
fn share_online<'a>(
    merged: BTreeMap<NaiveTime, (NaiveTime, Vec<&'a str>)>,
    percent: u8,
) -> Vec<GridSlot<'a>> {
    let pct = u64::from(percent.min(100));
    let mut cumulative_cap: u64 = 0;
    let mut cumulative_online: u64 = 0;
    merged
        .into_iter()
        .map(|(start, (end, windows))| {
            let mut slot = GridSlot {
                start,
                end,
                online: 0,
                windows,
            };
            let capacity = slot.capacity();
            cumulative_cap += u64::from(capacity);
            let target = cumulative_cap * pct / 100;
            slot.online = u16::try_from(target - cumulative_online)
                .unwrap_or(capacity)
                .min(capacity);
            cumulative_online += u64::from(slot.online);
            slot
        })
        .collect()
}
