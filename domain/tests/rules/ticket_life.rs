//! The ticket's life cycle: who may do what, what is final, what is recorded.

use chrono::{TimeZone, Utc};
use domain::ticket::{
    next_status, transition, Actor, Lifecycle, TicketEvent, TicketStatus, TransitionError,
};
use domain::{Lang, Localized};
use proptest::prelude::*;

use crate::booking_and_tickets::today;

#[test]
fn the_happy_path_is_recorded() {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0).unwrap();
    let mut t = Lifecycle::default();
    t.apply(TicketEvent::Pay, Actor::Applicant, at).unwrap();
    t.apply(TicketEvent::CheckIn, Actor::Applicant, at).unwrap();
    t.apply(TicketEvent::Call, Actor::Officer("o-1".into()), at)
        .unwrap();
    t.apply(TicketEvent::Serve, Actor::Officer("o-1".into()), at)
        .unwrap();
    assert_eq!(t.status, TicketStatus::Served);
    assert!(t.paid);
    let statuses: Vec<_> = t.history.iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(
        statuses,
        vec![
            (TicketStatus::Booked, TicketStatus::Booked),
            (TicketStatus::Booked, TicketStatus::CheckedIn),
            (TicketStatus::CheckedIn, TicketStatus::Called),
            (TicketStatus::Called, TicketStatus::Served),
        ]
    );
    assert_eq!(t.history[2].actor, Actor::Officer("o-1".into()));
}

#[test]
fn absent_when_called_is_annulled_and_final() {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0).unwrap();
    let mut t = Lifecycle::default();
    t.apply(TicketEvent::CheckIn, Actor::Applicant, at).unwrap();
    t.apply(TicketEvent::Call, Actor::Officer("o".into()), at)
        .unwrap();
    t.apply(TicketEvent::MarkAbsent, Actor::Officer("o".into()), at)
        .unwrap();
    assert_eq!(t.status, TicketStatus::Annulled);
    assert!(!t.status.is_active());
    let before = t.clone();
    let err = t.apply(TicketEvent::Serve, Actor::Officer("o".into()), at);
    assert!(matches!(err, Err(TransitionError::NotAllowed { .. })));
    assert!(err.unwrap_err().message(Lang::Uk).contains("анульовано"));
    assert_eq!(t, before, "a refused change leaves the ticket as it was");
}

#[test]
fn at_the_window_a_ticket_is_served_put_back_or_transferred() {
    use TicketEvent as E;
    use TicketStatus as S;
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0).unwrap();
    let o = || Actor::Officer("o".into());
    let mut t = Lifecycle::default();
    for (event, to) in [
        (E::CheckIn, S::CheckedIn),
        (E::Call, S::Called),
        (E::NotHere, S::Called), // said absent; the grace time runs
        (E::Call, S::Called),    // recalled: they came
        (E::StartServing, S::Serving),
        (E::PutBack, S::CheckedIn), // a paper is missing: waits again
        (E::Call, S::Called),
        (E::Transfer, S::CheckedIn), // another window's service
        (E::Call, S::Called),
        (E::StartServing, S::Serving),
        (E::Pay, S::Serving), // the receipt checked at the window
        (E::Serve, S::Served),
    ] {
        assert_eq!(t.apply(event, o(), at).map(|c| c.to), Ok(to), "{event:?}");
    }
    assert!(t.paid);
    // Not from the waiting room: called first.
    for event in [E::StartServing, E::NotHere, E::PutBack, E::Serve] {
        assert!(transition(S::CheckedIn, event, &o()).is_err(), "{event:?}");
    }
    // Not called twice while served; the applicant never acts at a window.
    assert!(transition(S::Serving, E::Call, &o()).is_err());
    for event in [
        E::Call,
        E::StartServing,
        E::NotHere,
        E::PutBack,
        E::Transfer,
    ] {
        assert_eq!(
            transition(S::Called, event, &Actor::Applicant),
            Err(TransitionError::Forbidden)
        );
    }
    // An administrator may do what an officer does; the system only annuls.
    assert_eq!(
        transition(S::Called, E::StartServing, &Actor::Admin("a".into())),
        Ok(S::Serving)
    );
    assert_eq!(
        transition(S::Called, E::MarkAbsent, &Actor::System),
        Ok(S::Annulled)
    );
    assert_eq!(
        transition(S::Called, E::Call, &Actor::System),
        Err(TransitionError::Forbidden)
    );
}

#[test]
fn who_may_do_what() {
    let at = Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0).unwrap();
    let mut t = Lifecycle::default();
    assert_eq!(
        t.apply(TicketEvent::Call, Actor::Applicant, at),
        Err(TransitionError::Forbidden)
    );
    assert_eq!(
        t.apply(TicketEvent::Serve, Actor::System, at),
        Err(TransitionError::Forbidden)
    );
    t.apply(TicketEvent::Pay, Actor::System, at).unwrap();
    assert_eq!(
        t.apply(TicketEvent::Pay, Actor::Applicant, at),
        Err(TransitionError::AlreadyPaid)
    );
    // Not checked in by the time: the system annuls it.
    t.apply(TicketEvent::Expire, Actor::System, at).unwrap();
    assert_eq!(t.status, TicketStatus::Annulled);
    // A checked-in ticket does not expire.
    let mut u = Lifecycle::default();
    u.apply(TicketEvent::CheckIn, Actor::Officer("o".into()), at)
        .unwrap();
    assert!(u.apply(TicketEvent::Expire, Actor::System, at).is_err());
    assert_eq!(
        u.apply(TicketEvent::Cancel, Actor::Applicant, at)
            .map(|c| c.to),
        Ok(TicketStatus::Cancelled)
    );
}

#[test]
fn a_ticket_ends_with_its_day() {
    use TicketStatus as S;
    let day = today();
    let next = day.succ_opt().unwrap();
    for status in [S::Booked, S::CheckedIn, S::Called, S::Serving] {
        assert_eq!(
            status.as_of(day, day),
            status,
            "still {status:?} on its day"
        );
        assert_eq!(status.as_of(day, next), S::Annulled);
        assert_eq!(status.as_of(next, day), status);
        // The system writes the same end later.
        assert_eq!(
            transition(status, TicketEvent::Lapse, &Actor::System),
            Ok(S::Annulled)
        );
    }
    for status in [S::Served, S::Cancelled, S::Annulled] {
        assert_eq!(status.as_of(day, next), status);
        assert!(transition(status, TicketEvent::Lapse, &Actor::System).is_err());
    }
    assert_eq!(
        transition(S::Booked, TicketEvent::Lapse, &Actor::Applicant),
        Err(TransitionError::Forbidden)
    );
}

#[test]
fn only_a_booked_ticket_moves_and_statuses_read_back() {
    use TicketStatus as S;
    let me = Actor::Applicant;
    assert_eq!(
        transition(S::Booked, TicketEvent::Reschedule, &me),
        Ok(S::Booked)
    );
    for status in [
        S::CheckedIn,
        S::Called,
        S::Serving,
        S::Served,
        S::Cancelled,
        S::Annulled,
    ] {
        assert!(transition(status, TicketEvent::Reschedule, &me).is_err());
    }
    assert_eq!(
        transition(S::Cancelled, TicketEvent::Cancel, &me),
        Err(TransitionError::NotAllowed {
            status: S::Cancelled,
            event: TicketEvent::Cancel
        })
    );
    for status in [
        S::Booked,
        S::CheckedIn,
        S::Called,
        S::Serving,
        S::Served,
        S::Cancelled,
        S::Annulled,
    ] {
        assert_eq!(TicketStatus::parse(status.as_str()), Some(status));
        let wire = serde_json::to_value(status).unwrap();
        assert_eq!(
            wire.as_str(),
            Some(status.as_str()),
            "stored as on the wire"
        );
    }
    assert_eq!(TicketStatus::parse("gone"), None);
    assert_eq!(Actor::Officer("o-1".into()).stored(), "officer:o-1");
}

fn any_event() -> impl Strategy<Value = TicketEvent> {
    prop_oneof![
        Just(TicketEvent::Pay),
        Just(TicketEvent::CheckIn),
        Just(TicketEvent::Call),
        Just(TicketEvent::StartServing),
        Just(TicketEvent::NotHere),
        Just(TicketEvent::PutBack),
        Just(TicketEvent::Transfer),
        Just(TicketEvent::Serve),
        Just(TicketEvent::Cancel),
        Just(TicketEvent::MarkAbsent),
        Just(TicketEvent::Expire),
        Just(TicketEvent::Reschedule),
        Just(TicketEvent::Lapse),
    ]
}

proptest! {
    #[test]
    fn final_states_never_change_and_history_matches(events in proptest::collection::vec(any_event(), 0..30)) {
        let at = Utc.with_ymd_and_hms(2026, 11, 24, 7, 0, 0).unwrap();
        let mut t = Lifecycle::default();
        let mut applied = 0;
        for e in events {
            let was_final = !t.status.is_active();
            let before = t.status;
            let actor = match e { TicketEvent::Cancel | TicketEvent::Reschedule => Actor::Applicant, TicketEvent::Expire | TicketEvent::Lapse => Actor::System, _ => Actor::Officer("o".into()) };
            if t.apply(e, actor, at).is_ok() {
                applied += 1;
                prop_assert!(!was_final, "changed a final ticket");
                prop_assert_eq!(Some(t.status), next_status(before, e));
            } else {
                prop_assert_eq!(t.status, before);
            }
        }
        prop_assert_eq!(t.history.len(), applied);
        prop_assert!(t.history.windows(2).all(|w| w[0].to == w[1].from));
    }
}
