//! Slots, capacity, online share, closures, the horizon and Kyiv time.

use crate::common::{calendar, catalog, d, office, service, t};
use chrono::{TimeZone, Utc};
use domain::slots::{bookable_slot, day_slots, kyiv_instant, kyiv_today, Horizon, SlotError};

#[test]
fn capacity_is_the_number_of_windows_serving_the_service() {
    let c = catalog();
    let o = office(&c, "dnipro-shevchenkivskyi");
    // Windows 1 and 2 serve the seed service; window 3 does not.
    let slots = day_slots(
        o,
        service(&c, "passport-lost-stolen"),
        d(2026, 11, 24),
        &calendar(),
    )
    .unwrap();
    assert_eq!(
        slots.first().map(|s| (s.start, s.end, s.capacity)),
        Some((t(9, 0), t(9, 20), 2))
    );
    assert!(slots.iter().all(|s| s.capacity == 2 && s.online == 2));
    // Only window 1 serves the first ID card.
    let first = day_slots(
        o,
        service(&c, "id-card-first"),
        d(2026, 11, 24),
        &calendar(),
    )
    .unwrap();
    assert!(first.iter().all(|s| s.capacity == 1));
}

#[test]
fn visits_never_overlap_the_break_and_end_by_closing() {
    let c = catalog();
    let o = office(&c, "dnipro-shevchenkivskyi");
    let slots = day_slots(
        o,
        service(&c, "passport-lost-stolen"),
        d(2026, 11, 24),
        &calendar(),
    )
    .unwrap();
    // Break 13:00–13:45: 12:40–13:00 is the last before it, 13:45 the first after.
    let starts: Vec<_> = slots.iter().map(|s| s.start).collect();
    assert!(starts.contains(&t(12, 40)));
    assert!(!starts.iter().any(|s| *s > t(12, 40) && *s < t(13, 45)));
    assert!(starts.contains(&t(13, 45)));
    // Closes 18:00: the last visit is 17:25–17:45 (the grid resumes at 13:45).
    assert_eq!(
        slots.last().map(|s| (s.start, s.end)),
        Some((t(17, 25), t(17, 45)))
    );
    // 09:00–13:00 holds 12 visits, 13:45–17:45 holds 12 more.
    assert_eq!(slots.len(), 24);
}

#[test]
fn a_window_with_its_own_hours_only_serves_then() {
    let c = catalog();
    let o = office(&c, "kyiv-podilskyi");
    let s = service(&c, "temporary-residence-permit");
    assert!(
        day_slots(o, s, d(2026, 11, 23), &calendar())
            .unwrap()
            .is_empty(),
        "Monday: window 4 is closed"
    );
    let tue = day_slots(o, s, d(2026, 11, 24), &calendar()).unwrap();
    assert_eq!(tue.first().map(|s| s.start), Some(t(10, 0)));
    assert_eq!(tue.last().map(|s| s.end), Some(t(16, 0)));
    assert_eq!(tue.len(), 12);
}

#[test]
fn closures_holidays_and_closed_weekdays_have_no_slots() {
    let c = catalog();
    let s = service(&c, "passport-lost-stolen");
    let cal = calendar();
    assert!(
        day_slots(office(&c, "kyiv-podilskyi"), s, d(2026, 12, 4), &cal)
            .unwrap()
            .is_empty(),
        "closure day"
    );
    assert!(
        day_slots(office(&c, "kyiv-podilskyi"), s, d(2026, 12, 25), &cal)
            .unwrap()
            .is_empty(),
        "Christmas"
    );
    assert!(
        day_slots(office(&c, "kyiv-obolonskyi"), s, d(2026, 11, 23), &cal)
            .unwrap()
            .is_empty(),
        "closed Mondays"
    );
    assert!(
        !day_slots(office(&c, "kyiv-obolonskyi"), s, d(2026, 11, 28), &cal)
            .unwrap()
            .is_empty(),
        "open Saturdays"
    );
}

#[test]
fn the_online_share_is_spread_over_the_day() {
    let c = catalog();
    // Obolonskyi offers 50 %: one window serves the seed service, so every other time.
    let slots = day_slots(
        office(&c, "kyiv-obolonskyi"),
        service(&c, "passport-lost-stolen"),
        d(2026, 11, 25),
        &calendar(),
    )
    .unwrap();
    let online: Vec<u16> = slots.iter().map(|s| s.online).collect();
    let total_cap: u16 = slots.iter().map(|s| s.capacity).sum();
    let total_online: u16 = online.iter().sum();
    assert_eq!(total_online, total_cap / 2);
    assert!(
        online.windows(2).all(|w| w[0] + w[1] == 1),
        "alternates: {online:?}"
    );
}

#[test]
fn a_service_without_booking_has_no_slots() {
    let c = catalog();
    let r = day_slots(
        office(&c, "dnipro-shevchenkivskyi"),
        service(&c, "qes-id-card"),
        d(2026, 11, 24),
        &calendar(),
    );
    assert_eq!(r, Err(SlotError::NoBookingNeeded));
}

#[test]
fn the_horizon_is_fourteen_working_days_after_today_in_kyiv() {
    let cal = calendar();
    // 23.11.2026 21:59 UTC is 23:59 in Kyiv (UTC+2): today is the 23rd.
    let before = Utc.with_ymd_and_hms(2026, 11, 23, 21, 59, 0).unwrap();
    let dates = Horizon::default().dates(before, &cal).unwrap();
    assert_eq!(dates.first(), Some(&d(2026, 11, 24)));
    assert_eq!(
        dates.last(),
        Some(&d(2026, 12, 11)),
        "the 14th working day after Monday 23.11"
    );
    // Two minutes later it is 00:01 on the 24th in Kyiv: a new day has opened.
    let after = Utc.with_ymd_and_hms(2026, 11, 23, 22, 1, 0).unwrap();
    assert_eq!(kyiv_today(after), d(2026, 11, 24));
    let dates = Horizon::default().dates(after, &cal).unwrap();
    assert_eq!(dates.first(), Some(&d(2026, 11, 25)));
    assert_eq!(dates.last(), Some(&d(2026, 12, 14)));
}

#[test]
fn kyiv_time_uses_the_offset_of_the_booked_date() {
    // Booked in winter (UTC+2) for a date after the spring change (UTC+3).
    assert_eq!(
        kyiv_instant(d(2027, 3, 26), t(9, 0)),
        Some(Utc.with_ymd_and_hms(2027, 3, 26, 7, 0, 0).unwrap())
    );
    assert_eq!(
        kyiv_instant(d(2027, 3, 29), t(9, 0)),
        Some(Utc.with_ymd_and_hms(2027, 3, 29, 6, 0, 0).unwrap())
    );
    // 03:30 on the spring-change night does not exist.
    assert_eq!(kyiv_instant(d(2027, 3, 28), t(3, 30)), None);
    // The autumn change: 03:30 happens twice; the earlier one (summer time) is used.
    assert_eq!(
        kyiv_instant(d(2026, 10, 25), t(3, 30)),
        Some(Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap())
    );
}

#[test]
fn bookable_slot_checks_every_rule() {
    let c = catalog();
    let cal = calendar();
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let h = Horizon::default();
    let seed = service(&c, "passport-lost-stolen");
    let ok = bookable_slot(
        now,
        &h,
        office(&c, "kyiv-podilskyi"),
        seed,
        d(2026, 11, 24),
        t(9, 0),
        &cal,
    );
    assert_eq!(ok.map(|s| s.capacity), Ok(2));
    let cases = [
        (
            office(&c, "dnipro-tsentralnyi"),
            d(2026, 11, 24),
            t(9, 0),
            SlotError::OnlineBookingOff,
        ),
        (
            office(&c, "kyiv-podilskyi"),
            d(2026, 11, 23),
            t(15, 0),
            SlotError::OutsideHorizon,
        ),
        (
            office(&c, "kyiv-podilskyi"),
            d(2026, 12, 31),
            t(9, 0),
            SlotError::OutsideHorizon,
        ),
        (
            office(&c, "kyiv-podilskyi"),
            d(2026, 12, 4),
            t(9, 0),
            SlotError::OfficeClosed,
        ),
        (
            office(&c, "kyiv-podilskyi"),
            d(2026, 11, 28),
            t(9, 0),
            SlotError::OfficeClosed,
        ),
        (
            office(&c, "kyiv-podilskyi"),
            d(2026, 11, 24),
            t(9, 7),
            SlotError::NoSuchTime,
        ),
        (
            office(&c, "kyiv-podilskyi"),
            d(2026, 11, 24),
            t(13, 0),
            SlotError::NoSuchTime,
        ),
    ];
    for (o, date, time, want) in cases {
        assert_eq!(
            bookable_slot(now, &h, o, seed, date, time, &cal),
            Err(want.clone()),
            "{} {date} {time}",
            o.id
        );
    }
    // Online booking off for the service in an office that serves it.
    let obolon = office(&c, "kyiv-obolonskyi");
    let permit = service(&c, "temporary-residence-permit");
    assert_eq!(
        bookable_slot(now, &h, obolon, permit, d(2026, 11, 24), t(10, 0), &cal),
        Err(SlotError::OnlineBookingOff)
    );
}

#[test]
fn a_closed_day_says_why() {
    use domain::slots::closed_reason;
    let c = catalog();
    let cal = calendar();
    let podil = office(&c, "kyiv-podilskyi");
    assert_eq!(
        closed_reason(podil, d(2026, 12, 4), &cal).uk,
        "Санітарний день"
    );
    assert_eq!(
        closed_reason(podil, d(2026, 12, 25), &cal).uk,
        "Різдво Христове"
    );
    assert_eq!(
        closed_reason(podil, d(2026, 11, 28), &cal).get(domain::Lang::En),
        "Day off"
    );
}
