//! What is still free in a day's slots, given tickets and holds of every service.

use crate::common::{calendar, catalog, d, office, service, t};
use domain::slots::{availability, day_slots, Occupancy};

fn taken(window: &str, service: &str, start: (u32, u32), end: (u32, u32)) -> Occupancy {
    Occupancy {
        window: window.into(),
        service: service.into(),
        start: t(start.0, start.1),
        end: t(end.0, end.1),
    }
}

#[test]
fn bookings_and_other_services_take_windows() {
    let c = catalog();
    let o = office(&c, "kyiv-podilskyi");
    let abroad = service(&c, "passport-abroad");
    let slots = day_slots(o, abroad, d(2026, 11, 24), &calendar()).unwrap();
    let at_nine = |free: &[domain::slots::FreeSlot]| {
        free.iter().find(|s| s.start == t(9, 0)).cloned().unwrap()
    };
    // Windows 1, 2 and 3 serve passport-abroad.
    let none = availability(&slots, "passport-abroad", &[]);
    assert_eq!(at_nine(&none).free, 3);
    assert_eq!(at_nine(&none).free_windows, vec!["1", "2", "3"]);
    // A residence registration (15 min) on window 3 at 09:15 overlaps 09:00–09:20.
    let other = [taken("3", "residence-registration", (9, 15), (9, 30))];
    let free = availability(&slots, "passport-abroad", &other);
    assert_eq!(at_nine(&free).free_windows, vec!["1", "2"]);
    assert_eq!(at_nine(&free).free, 2);
    // Two bookings of this service at 09:00 on windows 1 and 2 leave none.
    let mut all = other.to_vec();
    all.push(taken("1", "passport-abroad", (9, 0), (9, 20)));
    all.push(taken("2", "passport-lost-stolen", (9, 0), (9, 20)));
    assert_eq!(
        at_nine(&availability(&slots, "passport-abroad", &all)).free,
        0
    );
    // 09:20 still overlaps the registration on window 3 (until 09:30); 09:40 is untouched.
    let later = availability(&slots, "passport-abroad", &all);
    assert_eq!(
        later.iter().find(|s| s.start == t(9, 20)).map(|s| s.free),
        Some(2)
    );
    assert_eq!(
        later.iter().find(|s| s.start == t(9, 40)).map(|s| s.free),
        Some(3)
    );
}

#[test]
fn the_online_share_caps_bookings_even_with_free_windows() {
    let c = catalog();
    let o = office(&c, "kyiv-obolonskyi");
    let s = service(&c, "id-card-first");
    // Windows 1 and 2 serve it; 50 % online: one place per time.
    let slots = day_slots(o, s, d(2026, 11, 25), &calendar()).unwrap();
    let first = &slots[0];
    assert_eq!((first.capacity, first.online), (2, 1));
    let booked = [taken(
        "1",
        "id-card-first",
        (first.start.hour_min().0, first.start.hour_min().1),
        (first.end.hour_min().0, first.end.hour_min().1),
    )];
    let free = availability(&slots, "id-card-first", &booked);
    assert_eq!(free[0].free, 0);
    assert_eq!(
        free[0].free_windows,
        vec!["2"],
        "a window is free but not online"
    );
}

trait HourMin {
    fn hour_min(&self) -> (u32, u32);
}
impl HourMin for chrono::NaiveTime {
    fn hour_min(&self) -> (u32, u32) {
        use chrono::Timelike;
        (self.hour(), self.minute())
    }
}
