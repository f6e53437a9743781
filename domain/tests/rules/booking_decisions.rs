//! The booking's decisions (`domain::booking::decide`), without a database:
//! whatever is taken, a hold or a ticket gets a window free for its whole
//! visit, the held window while it is free, and a refusal exactly when no
//! place is left.

use chrono::{NaiveDate, NaiveTime};
use domain::booking::decide::{confirm_window, hold_window, moved_window, HeldPlace, Refusal};
use domain::booking::{ActiveTicket, Applicant, BookingError, BookingPolicy};
use domain::slots::{Occupancy, Slot};
use proptest::prelude::*;

const SERVICE: &str = "passport";

fn t(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

/// 09:00–09:20 served by windows w0..w{n}, `online` of them offered online.
fn slot(windows: usize, online: u16) -> Slot {
    Slot {
        start: t(9, 0),
        end: t(9, 20),
        capacity: u16::try_from(windows).unwrap(),
        online,
        windows: (0..windows).map(|i| format!("w{i}")).collect(),
    }
}

/// Something taken at window `w{window}` from 09:`start` for `minutes`.
fn occupancy() -> impl Strategy<Value = Occupancy> {
    (0usize..6, 0u32..40, 5u32..30, prop::bool::ANY).prop_map(|(w, start, minutes, same)| {
        let start = t(8, 40) + chrono::TimeDelta::minutes(i64::from(start));
        Occupancy {
            window: format!("w{w}"),
            service: if same { SERVICE.into() } else { "other".into() },
            start,
            end: start + chrono::TimeDelta::minutes(i64::from(minutes)),
        }
    })
}

fn overlaps(o: &Occupancy, s: &Slot) -> bool {
    o.start < s.end && o.end > s.start
}

/// Whether `window` is free for the whole visit of `s`.
fn window_free(window: &str, s: &Slot, taken: &[Occupancy]) -> bool {
    s.windows.iter().any(|w| w == window)
        && !taken.iter().any(|o| o.window == window && overlaps(o, s))
}

/// Whether the slot has an online place and a free window left.
fn place_left(s: &Slot, taken: &[Occupancy]) -> bool {
    let booked = taken
        .iter()
        .filter(|o| o.service == SERVICE && o.start == s.start)
        .count();
    booked < usize::from(s.online) && s.windows.iter().any(|w| window_free(w, s, taken))
}

const NOBODY: Applicant<'static> = Applicant {
    person: "p",
    tax: None,
    contact: "c",
};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// An active ticket of person `person` for `service` at contact `contact`, today.
fn active<'a>(person: &'a str, service: &'a str, contact: &'a str) -> ActiveTicket<'a> {
    ActiveTicket {
        person,
        tax: None,
        service,
        contact,
        day: today(),
    }
}

proptest! {
    #[test]
    fn a_hold_takes_a_free_window_or_is_refused_as_taken(
        windows in 1usize..5,
        online in 0u16..5,
        taken in prop::collection::vec(occupancy(), 0..8),
    ) {
        let s = slot(windows, online);
        match hold_window(&s, SERVICE, &taken) {
            Ok(w) => {
                prop_assert!(window_free(&w, &s, &taken), "{w} is not free");
                // The first free window, in catalog order.
                let first = s.windows.iter().find(|w| window_free(w, &s, &taken));
                prop_assert_eq!(Some(&w), first);
            }
            Err(refusal) => {
                prop_assert_eq!(refusal, Refusal::Taken);
                prop_assert!(!place_left(&s, &taken));
            }
        }
    }

    #[test]
    fn a_confirm_keeps_the_held_window_while_it_is_free(
        windows in 1usize..5,
        online in 0u16..5,
        held in 0usize..5,
        expired in prop::bool::ANY,
        taken in prop::collection::vec(occupancy(), 0..8),
    ) {
        let s = slot(windows, online);
        let held = format!("w{held}");
        let place = HeldPlace { slot: Some(&s), window: &held, expired };
        let policy = BookingPolicy::default();
        let moved = moved_window(place, SERVICE, &taken);
        match confirm_window(place, SERVICE, &taken, &policy, NOBODY, today(), []) {
            Ok(w) => {
                prop_assert_eq!(moved, Ok(w.clone()), "a move decides the place as a confirm");
                prop_assert!(place_left(&s, &taken));
                prop_assert!(window_free(&w, &s, &taken), "{w} is not free");
                if window_free(&held, &s, &taken) {
                    prop_assert_eq!(w, held);
                }
            }
            Err(refusal) => {
                prop_assert!(!place_left(&s, &taken));
                prop_assert_eq!(moved, Err(refusal.clone()));
                let expected = if expired { Refusal::HoldExpired } else { Refusal::Taken };
                prop_assert_eq!(refusal, expected);
            }
        }
    }

    #[test]
    fn the_place_is_decided_before_the_policy(
        expired in prop::bool::ANY,
        taken in prop::collection::vec(occupancy(), 0..8),
    ) {
        let s = slot(2, 2);
        let place = HeldPlace { slot: Some(&s), window: "w0", expired };
        let mine = [active("p", SERVICE, "c")];
        let answer = confirm_window(place, SERVICE, &taken, &BookingPolicy::default(), NOBODY, today(), mine);
        if place_left(&s, &taken) {
            prop_assert_eq!(answer, Err(Refusal::Policy(BookingError::AlreadyBooked)));
        } else {
            prop_assert!(matches!(answer, Err(Refusal::Taken | Refusal::HoldExpired)));
        }
    }
}

#[test]
fn a_time_the_catalog_no_longer_offers_cannot_be_confirmed() {
    for (expired, refusal) in [(false, Refusal::Taken), (true, Refusal::HoldExpired)] {
        let place = HeldPlace {
            slot: None,
            window: "w0",
            expired,
        };
        let answer = confirm_window(
            place,
            SERVICE,
            &[],
            &BookingPolicy::default(),
            NOBODY,
            today(),
            [],
        );
        assert_eq!(answer, Err(refusal));
    }
}

#[test]
fn the_contact_limit_refuses_a_confirm_with_a_free_place() {
    let s = slot(3, 3);
    let policy = BookingPolicy {
        max_active_per_contact: 1,
        hold_minutes: 10,
        ..BookingPolicy::default()
    };
    let place = HeldPlace {
        slot: Some(&s),
        window: "w1",
        expired: false,
    };
    let others = [active("q", "other", "c")];
    assert_eq!(
        confirm_window(place, SERVICE, &[], &policy, NOBODY, today(), others),
        Err(Refusal::Policy(BookingError::ContactLimit { max: 1 }))
    );
    assert_eq!(
        confirm_window(place, SERVICE, &[], &policy, NOBODY, today(), []),
        Ok("w1".to_string())
    );
}
