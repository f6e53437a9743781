//! An administrator's change of an office: applied and checked as an import
//! is, and what it does to a ticket booked before it.

use crate::common::{calendar, catalog, d, office, service, t};
use domain::catalog::{stranded, Closure, OfficeId, OfficeSettings};
use domain::Text;

const PODIL: &str = "kyiv-podilskyi";

#[test]
fn settings_read_back_unchanged_give_the_same_catalog() {
    let c = catalog();
    let id = OfficeId(PODIL.into());
    let same = OfficeSettings::of(office(&c, PODIL));
    let (file, checked) = c.with_settings(&id, same).unwrap();
    assert_eq!(checked, c);
    assert_eq!(file.check().unwrap(), c);
}

#[test]
fn a_change_is_checked_by_the_catalogs_rules() {
    let c = catalog();
    let id = OfficeId(PODIL.into());
    let mut wrong_share = OfficeSettings::of(office(&c, PODIL));
    wrong_share.online_share_percent = 101;
    assert!(c.with_settings(&id, wrong_share).is_err());
    let mut backwards = OfficeSettings::of(office(&c, PODIL));
    backwards.closures.push(Closure {
        from: d(2026, 12, 9),
        to: d(2026, 12, 8),
        reason: Text::new("Ремонт", "Repairs"),
    });
    assert!(c.with_settings(&id, backwards).is_err());
    let mut unknown = OfficeSettings::of(office(&c, PODIL));
    unknown.windows[0]
        .services
        .insert(domain::catalog::ServiceId("no-such-service".into()));
    assert!(c.with_settings(&id, unknown).is_err());
    let nowhere = OfficeId("no-such-office".into());
    let same = OfficeSettings::of(office(&c, PODIL));
    assert!(c.with_settings(&nowhere, same).is_err());
}

#[test]
fn a_closed_day_strands_its_tickets_with_the_reason() {
    let c = catalog();
    let cal = calendar();
    let s = service(&c, "passport-lost-stolen");
    let before = office(&c, PODIL);
    let (monday, tuesday) = (d(2026, 12, 7), d(2026, 12, 8));
    assert_eq!(stranded(before, s, monday, t(9, 0), "1", &cal), None);
    let mut settings = OfficeSettings::of(before);
    settings.closures.push(Closure {
        from: monday,
        to: monday,
        reason: Text::new("Санітарний день", "Cleaning day"),
    });
    let (_, changed) = c.with_settings(&OfficeId(PODIL.into()), settings).unwrap();
    let after = office(&changed, PODIL);
    assert_eq!(
        stranded(after, s, monday, t(9, 0), "1", &cal).map(|r| r.get(domain::Lang::En).to_string()),
        Some("Cleaning day".into())
    );
    assert_eq!(stranded(after, s, tuesday, t(9, 0), "1", &cal), None);
}

#[test]
fn shorter_hours_and_a_window_taken_away_strand_only_the_times_lost() {
    let c = catalog();
    let cal = calendar();
    let s = service(&c, "passport-lost-stolen");
    let monday = d(2026, 12, 7);
    let mut settings = OfficeSettings::of(office(&c, PODIL));
    let mon = settings.hours.mon.as_mut().unwrap();
    mon.close = t(16, 0);
    let (_, shorter) = c
        .with_settings(&OfficeId(PODIL.into()), settings.clone())
        .unwrap();
    let after = office(&shorter, PODIL);
    assert_eq!(stranded(after, s, monday, t(9, 0), "1", &cal), None);
    let late = stranded(after, s, monday, t(17, 0), "1", &cal).expect("17:00 is after closing");
    assert!(late.uk.contains("змінив графік"), "{late:?}");
    // No window serves the service any more: every time of it is lost.
    for w in &mut settings.windows {
        w.services.remove(&s.id);
    }
    settings.online_services.remove(&s.id);
    let (_, none) = c.with_settings(&OfficeId(PODIL.into()), settings).unwrap();
    assert!(stranded(office(&none, PODIL), s, monday, t(9, 0), "1", &cal).is_some());
}

#[test]
fn the_open_minutes_of_a_day_count_each_window_less_its_breaks() {
    let c = catalog();
    let cal = calendar();
    let podil = office(&c, PODIL);
    // Monday 09:00–18:00 less 13:00–14:00: 480 minutes at windows 1–3;
    // window 4 has hours of its own, on Tuesdays and Thursdays only.
    assert_eq!(
        domain::reports::open_minutes(podil, d(2026, 12, 7), &cal),
        3 * 480
    );
    // Tuesday: and window 4, 10:00–16:00 without a break.
    assert_eq!(
        domain::reports::open_minutes(podil, d(2026, 12, 8), &cal),
        3 * 480 + 360
    );
    // Its cleaning day, a Saturday, and New Year's Day: none.
    assert_eq!(
        domain::reports::open_minutes(podil, d(2026, 12, 4), &cal),
        0
    );
    assert_eq!(
        domain::reports::open_minutes(podil, d(2026, 12, 5), &cal),
        0
    );
    assert_eq!(domain::reports::open_minutes(podil, d(2027, 1, 1), &cal), 0);
}

#[test]
fn a_service_may_have_its_own_online_share() {
    let c = catalog();
    let cal = calendar();
    let id = OfficeId(PODIL.into());
    let stolen = service(&c, "passport-lost-stolen");
    let abroad = service(&c, "passport-abroad");
    let monday = d(2026, 12, 7);
    let online = |o: &domain::catalog::Office, s| {
        domain::slots::day_slots(o, s, monday, &cal)
            .unwrap()
            .iter()
            .map(|slot| u32::from(slot.online))
            .sum::<u32>()
    };
    let before = office(&c, PODIL);
    let (stolen_all, abroad_all) = (online(before, stolen), online(before, abroad));
    assert!(stolen_all > 0 && abroad_all > 0);
    let mut settings = OfficeSettings::of(before);
    settings.online_shares.insert(stolen.id.clone(), 50);
    let (_, changed) = c.with_settings(&id, settings.clone()).unwrap();
    let after = office(&changed, PODIL);
    assert_eq!(online(after, stolen), stolen_all / 2);
    assert_eq!(
        online(after, abroad),
        abroad_all,
        "the others keep the office's"
    );
    settings.online_shares.insert(stolen.id.clone(), 101);
    assert!(c.with_settings(&id, settings.clone()).is_err());
    settings.online_shares.clear();
    settings
        .online_shares
        .insert(domain::catalog::ServiceId("id-card-first".into()), 10);
    assert!(
        c.with_settings(&id, settings).is_err(),
        "a service Podil does not serve"
    );
}

#[test]
fn a_window_taken_away_strands_the_tickets_it_held() {
    let c = catalog();
    let cal = calendar();
    let s = service(&c, "passport-lost-stolen");
    let monday = d(2026, 12, 7);
    let mut settings = OfficeSettings::of(office(&c, PODIL));
    settings.windows.retain(|w| w.id != "2");
    let (_, fewer) = c.with_settings(&OfficeId(PODIL.into()), settings).unwrap();
    let after = office(&fewer, PODIL);
    assert_eq!(stranded(after, s, monday, t(9, 0), "1", &cal), None);
    let lost = stranded(after, s, monday, t(9, 0), "2", &cal).expect("window 2 is gone");
    assert!(lost.uk.contains("розподіл вікон"), "{lost:?}");
}

#[test]
fn the_parts_a_change_touches_are_named() {
    let c = catalog();
    let before = OfficeSettings::of(office(&c, PODIL));
    assert!(before.changed_parts(&before).is_empty());
    let mut after = before.clone();
    after.online_booking = !after.online_booking;
    after
        .online_shares
        .insert(domain::catalog::ServiceId("passport-abroad".into()), 50);
    assert_eq!(
        before.changed_parts(&after),
        ["online_booking", "online_share_percent"]
    );
}
