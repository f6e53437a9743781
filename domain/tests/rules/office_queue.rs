//! The order a window calls in, and the people ahead of a ticket.

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::catalog::{ServiceId, Window};
use domain::office::queue::{self, Kind, QueueRule, Waiting};
use domain::ticket::TicketNumber;
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    // 10:00 in Kyiv (winter).
    Utc.with_ymd_and_hms(2026, 12, 7, 8, 0, 0).unwrap()
}

fn mins(m: i64) -> DateTime<Utc> {
    now() + Duration::minutes(m)
}

fn window(id: &str, services: &[&str]) -> Window {
    Window {
        id: id.into(),
        services: services.iter().map(|s| ServiceId((*s).into())).collect(),
        hours: None,
    }
}

fn ticket(seq: u16, service: &str, kind: Kind, joined: i64) -> Waiting<u16> {
    Waiting {
        item: seq,
        number: TicketNumber { prefix: 'P', seq },
        service: ServiceId(service.into()),
        kind,
        priority: false,
        joined: mins(joined),
        requeued: false,
        window: None,
    }
}

fn at(m: i64) -> Kind {
    Kind::Appointment { starts: mins(m) }
}

fn order(waiting: &[Waiting<u16>], w: &Window) -> Vec<u16> {
    queue::for_window(waiting, w, now(), QueueRule::default())
        .into_iter()
        .map(|t| t.item)
        .collect()
}

#[test]
fn appointments_when_near_walk_ins_between_early_ones_last() {
    let w = window("1", &["passport"]);
    let waiting = vec![
        ticket(1, "passport", Kind::WalkIn, -40),
        ticket(2, "passport", at(30), -5), // came early: after walk-ins
        ticket(3, "passport", at(3), -20), // near (5 min lead): first
        ticket(4, "passport", Kind::WalkIn, -10),
        ticket(5, "passport", at(-2), -25), // due: before the one at +3
        ticket(6, "visa", Kind::WalkIn, -60), // another service: not here
    ];
    assert_eq!(order(&waiting, &w), vec![5, 3, 1, 4, 2]);
    assert_eq!(
        queue::next(&waiting, &w, now(), QueueRule::default()).map(|t| t.item),
        Some(5)
    );
    // Priority goes first whatever its kind.
    let mut with_priority = waiting.clone();
    with_priority[3].priority = true;
    assert_eq!(order(&with_priority, &w), vec![4, 5, 3, 1, 2]);
}

#[test]
fn put_back_waits_from_then_and_transfers_go_to_their_window() {
    let one = window("1", &["passport"]);
    let two = window("2", &["passport", "visa"]);
    let mut waiting = vec![
        ticket(1, "passport", at(-1), 1), // put back a minute from now... joined now+1
        ticket(2, "passport", Kind::WalkIn, -30),
        ticket(3, "passport", Kind::WalkIn, 0),
        ticket(4, "visa", Kind::WalkIn, -50),
    ];
    waiting[0].requeued = true;
    assert_eq!(order(&waiting, &one), vec![2, 3, 1]);
    waiting[1].window = Some("2".into());
    assert_eq!(order(&waiting, &one), vec![3, 1]);
    assert_eq!(order(&waiting, &two), vec![4, 2, 3, 1]);
    // The people ahead: at the window where the ticket is nearest the front.
    let open = [one.clone(), two.clone()];
    let ahead = |i| queue::ahead_of(&waiting, i, &open, now(), QueueRule::default());
    assert_eq!(ahead(2), Some(0)); // first at window 1
    assert_eq!(ahead(1), Some(1)); // only window 2, after the visa walk-in
    assert_eq!(ahead(0), Some(1));
    // No open window serves visas: nobody can say.
    assert_eq!(
        queue::ahead_of(&waiting, 3, &[one], now(), QueueRule::default()),
        None
    );
}

fn any_waiting() -> impl Strategy<Value = Vec<Waiting<u16>>> {
    proptest::collection::vec(
        (
            prop_oneof![Just("passport"), Just("visa"), Just("stay")],
            proptest::option::of(-120i64..240),
            -180i64..0,
            any::<bool>(),
            proptest::bool::weighted(0.2),
            proptest::option::weighted(0.2, prop_oneof![Just("1"), Just("2")]),
        ),
        0..40,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (service, starts, joined, priority, requeued, win))| {
                let seq = u16::try_from(i + 1).unwrap();
                let mut t = ticket(seq, service, starts.map_or(Kind::WalkIn, at), joined);
                t.priority = priority && seq % 5 == 0;
                t.requeued = requeued;
                t.window = win.map(Into::into);
                t
            })
            .collect()
    })
}

/// The class a ticket must land in by the documented rule.
fn class(t: &Waiting<u16>, rule: QueueRule) -> u8 {
    if t.priority {
        return 0;
    }
    match t.kind {
        Kind::Appointment { starts } if !t.requeued => {
            if starts - Duration::minutes(i64::from(rule.lead_minutes)) <= now() {
                1
            } else {
                3
            }
        }
        _ => 2,
    }
}

proptest! {
    #[test]
    fn the_queue_keeps_its_rule(waiting in any_waiting(), lead in 0u32..30, reversed in any::<bool>()) {
        let rule = QueueRule { lead_minutes: lead };
        let w = window("1", &["passport", "visa"]);
        let mut input = waiting.clone();
        if reversed { input.reverse(); }
        let got = queue::for_window(&input, &w, now(), rule);
        // Exactly the tickets this window may call.
        let expected: Vec<u16> = waiting.iter()
            .filter(|t| t.service.0 != "stay" && t.window.as_deref().is_none_or(|x| x == "1"))
            .map(|t| t.item).collect();
        let mut items: Vec<u16> = got.iter().map(|t| t.item).collect();
        let in_order = items.clone();
        items.sort_unstable();
        prop_assert_eq!(items, expected);
        // The order does not depend on the order the rows came in.
        let again: Vec<u16> = queue::for_window(&waiting, &w, now(), rule).iter().map(|t| t.item).collect();
        prop_assert_eq!(&again, &in_order);
        // Classes never go backwards; walk-ins by the time they joined;
        // appointments by their start.
        for pair in got.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            prop_assert!(class(a, rule) <= class(b, rule));
            if class(a, rule) == class(b, rule) {
                match (class(a, rule), a.kind, b.kind) {
                    (2, _, _) => prop_assert!(a.joined <= b.joined),
                    (1 | 3, Kind::Appointment { starts: x }, Kind::Appointment { starts: y }) => prop_assert!(x <= y),
                    _ => {}
                }
            }
        }
        // The next one is the head of the queue.
        prop_assert_eq!(queue::next(&waiting, &w, now(), rule).map(|t| t.item), in_order.first().copied());
        // The people ahead at a single open window are the place in its queue.
        for (place, t) in got.iter().enumerate() {
            let i = waiting.iter().position(|x| x.item == t.item).unwrap();
            prop_assert_eq!(queue::ahead_of(&waiting, i, std::slice::from_ref(&w), now(), rule), Some(u32::try_from(place).unwrap()));
        }
    }
}
