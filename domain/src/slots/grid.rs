//! A day's slots: the visit grid of each window, merged by start time, with the
//! share of each time offered online.

use super::{Slot, SlotError};
use crate::calendar::WorkingCalendar;
use crate::catalog::{DayHours, Office, Service};
use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The visits of `minutes` within one window's day: visits follow each other
/// from opening, never overlap a break (the next one starts when the break
/// ends) and end by closing time. An iterator, so that asking for one slot
/// of a day allocates nothing per window.
fn grid(hours: &DayHours, minutes: u16) -> impl Iterator<Item = (NaiveTime, NaiveTime)> + '_ {
    let step = TimeDelta::minutes(i64::from(minutes.max(1)));
    let breaks: Cow<'_, [(NaiveTime, NaiveTime)]> = if hours.breaks.is_sorted() {
        Cow::Borrowed(&hours.breaks)
    } else {
        let mut sorted = hours.breaks.clone();
        sorted.sort();
        Cow::Owned(sorted)
    };
    let mut next = Some(hours.open);
    std::iter::from_fn(move || loop {
        let t = next?;
        let (end, wrapped) = t.overflowing_add_signed(step);
        if wrapped != 0 || end > hours.close {
            next = None;
            return None;
        }
        if let Some((_, to)) = breaks.iter().find(|(from, to)| t < *to && end > *from) {
            next = Some(*to);
            continue;
        }
        next = Some(end);
        return Some((t, end));
    })
}

/// Every visit of `service` on `date` at `office`, window by window, with
/// the window's id: none when the office is closed that day.
fn visits<'a, 's>(
    office: &'a Office,
    service: &'s Service,
    date: NaiveDate,
    calendar: &WorkingCalendar,
) -> Result<impl Iterator<Item = (&'a str, NaiveTime, NaiveTime)> + use<'a, 's>, SlotError> {
    let minutes = super::visit_minutes(service)?;
    let closed = calendar.holiday(date).is_some() || office.closure_on(date).is_some();
    if !closed {
        calendar.is_working_day(date)?;
    }
    let weekday = date.weekday();
    Ok(office
        .windows
        .iter()
        .filter(move |w| !closed && w.services.contains(&service.id))
        .filter_map(move |w| {
            let hours = w.hours.as_ref().unwrap_or(&office.hours);
            hours.day(weekday).map(|day| (w.id.as_str(), day))
        })
        .flat_map(move |(id, day)| grid(day, minutes).map(move |(start, end)| (id, start, end))))
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
/// without merging the day's other slots (see [`grid_slot_at`]).
pub fn slot_at(
    office: &Office,
    service: &Service,
    date: NaiveDate,
    time: NaiveTime,
    calendar: &WorkingCalendar,
) -> Result<Option<Slot>, SlotError> {
    Ok(grid_slot_at(office, service, date, time, calendar)?
        .1
        .map(GridSlot::owned))
}

/// Whether the day has any slot, and [`day_grid`]'s slot at `time`, worked
/// out from the windows' grids alone (every hold, confirm and ticket page
/// asks for one slot; merging a day of thirty windows costs more than the
/// rest of their work). The slot's online places follow from the day's
/// capacity before it: [`share_online`] gives each slot the growth of
/// ⌊cumulative capacity × share⌋, which never exceeds its capacity.
pub(super) fn grid_slot_at<'a>(
    office: &'a Office,
    service: &Service,
    date: NaiveDate,
    time: NaiveTime,
    calendar: &WorkingCalendar,
) -> Result<(bool, Option<GridSlot<'a>>), SlotError> {
    let (mut any, mut before, mut end) = (false, 0u64, None);
    let mut windows = Vec::new();
    for (window, start, until) in visits(office, service, date, calendar)? {
        any = true;
        if start < time {
            before += 1;
        } else if start == time {
            end.get_or_insert(until);
            windows.push(window);
        }
    }
    let Some(end) = end else {
        return Ok((any, None));
    };
    let pct = u64::from(office.online_share(&service.id).min(100));
    let after = before + windows.len() as u64;
    let online = after * pct / 100 - before * pct / 100;
    let slot = GridSlot {
        start: time,
        end,
        online: u16::try_from(online).unwrap_or(u16::MAX),
        windows,
    };
    Ok((any, Some(slot)))
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
    let mut merged: BTreeMap<NaiveTime, (NaiveTime, Vec<&'a str>)> = BTreeMap::new();
    for (window, start, end) in visits(office, service, date, calendar)? {
        merged
            .entry(start)
            .or_insert_with(|| (end, Vec::new()))
            .1
            .push(window);
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
