//! What the applicant is told, and when.

use crate::common::d;
use domain::notice::{MessageKind, RetryRule};
use domain::ticket::TicketStatus;

#[test]
fn a_message_goes_only_while_it_is_true() {
    let today = d(2026, 11, 23);
    let (tomorrow, later) = (d(2026, 11, 24), d(2026, 11, 30));
    use MessageKind::*;
    use TicketStatus::{Booked as B, Cancelled as C};
    assert!(Booked.still_true(B, later, today) && Moved.still_true(B, later, today));
    assert!(!Booked.still_true(C, later, today) && !Moved.still_true(C, later, today));
    assert!(Cancelled.still_true(C, later, today));
    assert!(Reminder.still_true(B, tomorrow, today));
    assert!(
        !Reminder.still_true(B, later, today),
        "moved to another day"
    );
    assert!(!Reminder.still_true(C, tomorrow, today), "cancelled");
    for k in [Booked, Moved, Cancelled, Reminder] {
        assert_eq!(MessageKind::parse(k.as_str()), Some(k));
    }
}

#[test]
fn a_failed_message_waits_30_s_doubling_to_an_hour_eight_tries_in_all() {
    let r = RetryRule::default();
    let waits: Vec<_> = (1..=8).map(|n| r.next_wait(n)).collect();
    assert_eq!(
        waits,
        [
            Some(30),
            Some(60),
            Some(120),
            Some(240),
            Some(480),
            Some(960),
            Some(1920),
            None
        ]
    );
    let long = RetryRule {
        max_attempts: 20,
        ..r
    };
    assert_eq!(long.next_wait(9), Some(3600));
}
