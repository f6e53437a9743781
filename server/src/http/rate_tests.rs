//! The rate limiters: bursts, waits, classes, the /64 of IPv6, contacts.

use super::*;

fn rates(hold: &str) -> Rates {
    let off = Rate {
        calls: 0,
        per_seconds: 0,
    };
    Rates {
        hold: hold.parse().unwrap(),
        confirm: off,
        change: off,
        signin: off,
        kiosk: off,
        check: off,
        read: off,
        per_contact: "1/3600".parse().unwrap(),
        proof_after: "2/600".parse().unwrap(),
    }
}

#[test]
fn a_client_past_the_threshold_must_prove_work_and_others_need_not() {
    let limiters = Limiters::new(&rates("0/0"));
    let one: IpAddr = "203.0.113.7".parse().unwrap();
    let other: IpAddr = "203.0.113.8".parse().unwrap();
    assert!(!limiters.over_proof_threshold(Some(one)));
    assert!(!limiters.over_proof_threshold(Some(one)));
    assert!(limiters.over_proof_threshold(Some(one)));
    assert!(!limiters.over_proof_threshold(Some(other)));
    // An in-process call (no address) is never asked.
    assert!(!limiters.over_proof_threshold(None));
}

#[test]
fn a_client_gets_its_burst_then_waits_for_the_next_call() {
    let limiters = Limiters::new(&rates("3/60"));
    let one: IpAddr = "203.0.113.5".parse().unwrap();
    for _ in 0..3 {
        assert_eq!(limiters.check(Class::Hold, one), Ok(()));
    }
    let refused = limiters.check(Class::Hold, one).unwrap_err();
    assert_eq!(refused.limit, Limit::Requests);
    // One call comes back every 20 s.
    assert!((19..=20).contains(&refused.retry_after), "{refused:?}");
    // Another client, and another class, are not touched.
    assert_eq!(
        limiters.check(Class::Hold, "203.0.113.6".parse().unwrap()),
        Ok(())
    );
    for _ in 0..100 {
        assert_eq!(limiters.check(Class::Confirm, one), Ok(()));
    }
    // One IPv6 client is its /64.
    let v6 = |s: &str| s.parse::<IpAddr>().unwrap();
    for i in 0..3 {
        let ip = v6(&format!("2001:db8:0:1::{i}"));
        assert_eq!(limiters.check(Class::Hold, ip), Ok(()));
    }
    assert!(limiters.check(Class::Hold, v6("2001:db8:0:1::ff")).is_err());
    // Per contact.
    assert_eq!(limiters.check_contact("c1"), Ok(()));
    let contact = limiters.check_contact("c1").unwrap_err();
    assert!((3599..=3600).contains(&contact.retry_after));
    limiters.forget_idle();
    assert!(limiters.check_contact("c1").is_err());
}

#[test]
fn rates_are_written_calls_per_seconds() {
    assert_eq!(
        "30/60".parse::<Rate>(),
        Ok(Rate {
            calls: 30,
            per_seconds: 60
        })
    );
    assert_eq!("0/0".parse::<Rate>().map(|r| r.calls), Ok(0));
    assert!("30".parse::<Rate>().is_err());
    assert!("30/0".parse::<Rate>().is_err());
    assert!("x/60".parse::<Rate>().is_err());
    assert_eq!(class_of("/api/catalog"), None);
    assert_eq!(class_of("/api/reschedule"), Some(Class::Change));
    assert_eq!(class_of("/api/times"), Some(Class::Read));
}
