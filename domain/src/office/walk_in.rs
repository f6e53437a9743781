//! Walk-ins: a ticket for today taken at the office's kiosk without a
//! booking. The office offers a share of each day's places online
//! (`online_share_percent`); the rest is kept for the people who come, and
//! a walk-in takes one of those. Walk-ins are numbered in their own series,
//! after every booked number of the day.

use super::OfficeError;
use crate::slots::Slot;
use chrono::NaiveTime;

/// The first number of the walk-in series (`P-501`): walk-in numbers
/// continue after the day's highest booked number, from this at the least,
/// so a walk-in's number never looks like a booking of the same day (no
/// booking is made for today once its day has come).
pub const FIRST_WALK_IN: u16 = 501;

/// The places of a day kept for walk-ins (a service's slots at an office):
/// each slot's places that its online share does not offer.
pub fn kept(slots: &[Slot]) -> u32 {
    slots
        .iter()
        .map(|s| u32::from(s.capacity.saturating_sub(s.online)))
        .sum()
}

/// The places kept for walk-ins on a day whose slots are `slots`, at the
/// Kyiv time `now`: walk-ins are taken until the day's last visit begins.
pub fn kept_now(slots: &[Slot], now: NaiveTime) -> Result<u32, OfficeError> {
    let kept = kept(slots);
    if kept == 0 {
        return Err(OfficeError::NoWalkIns);
    }
    match slots.iter().map(|s| s.start).max() {
        Some(last) if now < last => Ok(kept),
        _ => Err(OfficeError::ClosedNow),
    }
}

/// Whether one more walk-in fits, `taken` of the `kept` places being taken
/// already: the places left after it, or why not.
pub fn admit(kept: u32, taken: u32) -> Result<u32, OfficeError> {
    match kept {
        0 => Err(OfficeError::NoWalkIns),
        _ if taken >= kept => Err(OfficeError::DayFull),
        _ => Ok(kept - taken - 1),
    }
}

/// The sequence number of the next walk-in, the day's highest so far being
/// `highest` (booked or walk-in); `None` past the last number there is.
pub fn next_seq(highest: Option<u16>) -> Option<u16> {
    match highest {
        Some(h) if h >= FIRST_WALK_IN => h.checked_add(1),
        _ => Some(FIRST_WALK_IN),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    fn slot(capacity: u16, online: u16) -> Slot {
        Slot {
            start: at(9, 0),
            end: at(9, 20),
            capacity,
            online,
            windows: Vec::new(),
        }
    }

    #[test]
    fn walk_ins_are_taken_until_the_last_visit_begins() {
        let later = Slot {
            start: at(17, 40),
            ..slot(2, 1)
        };
        let day = [slot(2, 1), later];
        assert_eq!(kept_now(&day, at(8, 0)), Ok(2), "before opening");
        assert_eq!(kept_now(&day, at(17, 39)), Ok(2));
        assert_eq!(kept_now(&day, at(17, 40)), Err(OfficeError::ClosedNow));
        assert_eq!(
            kept_now(&[slot(2, 2)], at(8, 0)),
            Err(OfficeError::NoWalkIns)
        );
        assert_eq!(
            kept_now(&[], at(8, 0)),
            Err(OfficeError::NoWalkIns),
            "closed today"
        );
    }

    #[test]
    fn the_places_not_offered_online_are_kept() {
        assert_eq!(kept(&[slot(2, 1), slot(2, 1), slot(1, 1)]), 2);
        assert_eq!(kept(&[slot(2, 2)]), 0);
        assert_eq!(kept(&[]), 0);
    }

    #[test]
    fn walk_ins_fit_until_the_kept_places_are_taken() {
        assert_eq!(admit(3, 0), Ok(2));
        assert_eq!(admit(3, 2), Ok(0));
        assert_eq!(admit(3, 3), Err(OfficeError::DayFull));
        assert_eq!(admit(0, 0), Err(OfficeError::NoWalkIns));
    }

    #[test]
    fn walk_ins_number_after_the_bookings() {
        assert_eq!(next_seq(None), Some(501));
        assert_eq!(next_seq(Some(17)), Some(501));
        assert_eq!(next_seq(Some(501)), Some(502));
        assert_eq!(next_seq(Some(640)), Some(641));
        assert_eq!(next_seq(Some(u16::MAX)), None);
    }
}
