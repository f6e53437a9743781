//! At the office: the grace time, the check-in window and code, and the
//! estimate. Who among the staff may do what: `office_staff.rs`.

use chrono::{DateTime, Duration, TimeZone, Utc};
use domain::office::{
    Absence, Arrival, CallRule, CheckInCode, CheckInRule, EstimateRule, LatePolicy, OfficeError,
};
use domain::{Lang, Localized};
use proptest::prelude::*;

fn nine() -> DateTime<Utc> {
    // 09:00 in Kyiv on a winter day.
    Utc.with_ymd_and_hms(2026, 12, 7, 7, 0, 0).unwrap()
}

#[test]
fn an_absent_applicant_is_annulled_when_the_grace_time_ends() {
    let rule = CallRule::default();
    let called = nine();
    assert_eq!(
        rule.absence(called, called + Duration::seconds(30)),
        Absence::Pending {
            at: called + Duration::seconds(120),
            seconds_left: 90
        }
    );
    assert_eq!(
        rule.absence(called, called + Duration::milliseconds(119_001)),
        Absence::Pending {
            at: called + Duration::seconds(120),
            seconds_left: 1
        }
    );
    assert_eq!(
        rule.absence(called, called + Duration::seconds(120)),
        Absence::Annul
    );
    // A recall starts the grace time again.
    let recalled = called + Duration::seconds(100);
    assert!(matches!(
        rule.absence(recalled, called + Duration::seconds(130)),
        Absence::Pending {
            seconds_left: 90,
            ..
        }
    ));
    assert_eq!(rule.may_call(2), Ok(()));
    let err = rule.may_call(3).unwrap_err();
    assert_eq!(err, OfficeError::TooManyCalls { max: 3 });
    assert!(
        err.message(Lang::Uk).contains("3 рази"),
        "{}",
        err.message(Lang::Uk)
    );
    let five = CallRule {
        max_calls: 5,
        ..rule
    }
    .may_call(5)
    .unwrap_err();
    assert!(five.message(Lang::Uk).contains("5 разів"));
}

#[test]
fn check_in_opens_before_the_time_and_closes_after_it() {
    let rule = CheckInRule::default();
    let starts = nine();
    let err = rule
        .check_in(starts, starts - Duration::minutes(31))
        .unwrap_err();
    assert_eq!(
        err,
        OfficeError::TooEarly {
            opens: starts - Duration::minutes(30)
        }
    );
    assert!(
        err.message(Lang::Uk).contains("о 08:30"),
        "{}",
        err.message(Lang::Uk)
    );
    assert!(err.message(Lang::En).contains("at 08:30"));
    assert_eq!(
        rule.check_in(starts, starts - Duration::minutes(30)),
        Ok(Arrival::OnTime)
    );
    assert_eq!(
        rule.check_in(starts, starts + Duration::minutes(10)),
        Ok(Arrival::OnTime)
    );
    let late = rule
        .check_in(starts, starts + Duration::minutes(11))
        .unwrap_err();
    assert!(late.message(Lang::Uk).contains("закрилася о 09:10"));
    // An office that takes late arrivals as walk-ins, the same day only.
    let walk = CheckInRule {
        late: LatePolicy::WalkIn,
        ..rule
    };
    assert_eq!(
        walk.check_in(starts, starts + Duration::hours(3)),
        Ok(Arrival::LateAsWalkIn)
    );
    assert!(matches!(
        walk.check_in(starts, starts + Duration::days(1)),
        Err(OfficeError::TooLate { .. })
    ));
}

#[test]
fn check_in_codes_are_six_digits_as_typed() {
    assert_eq!(CheckInCode::from_random([0; 8]).as_str(), "000000");
    assert_eq!(CheckInCode::from_random([0xff; 8]).as_str(), "551615");
    assert_eq!(
        CheckInCode::parse(" 123 456 ").map(|c| c.as_str().to_owned()),
        Ok("123456".into())
    );
    assert_eq!(
        CheckInCode::parse("123-456").map(|c| c.as_str().to_owned()),
        Ok("123456".into())
    );
    for bad in ["12345", "1234567", "12345a", "", "１２３４５６"] {
        assert_eq!(CheckInCode::parse(bad), Err(OfficeError::BadCode), "{bad}");
    }
    assert_eq!(
        format!("{:?}", CheckInCode::from_random([7; 8])),
        "CheckInCode(…)"
    );
    assert_eq!(CheckInCode::may_try(4), Ok(()));
    assert_eq!(CheckInCode::may_try(5), Err(OfficeError::CodeLocked));
}

#[test]
fn estimates_share_the_people_ahead_among_open_windows() {
    let rule = EstimateRule::default();
    // Before there is history: 15 minutes a person.
    assert_eq!(rule.per_person(&[300, 300]), 900);
    // With history: the mean of the latest 20.
    let history: Vec<u32> = std::iter::repeat_n(6000, 10)
        .chain(std::iter::repeat_n(600, 20))
        .collect();
    assert_eq!(rule.per_person(&history), 600);
    let e = rule.estimate(3, 2, 600, nine(), None).unwrap();
    assert_eq!((e.ahead, e.minutes), (3, 15));
    assert_eq!(e.message(Lang::Uk), "Перед вами 3 особи, орієнтовно 15 хв.");
    assert_eq!(e.message(Lang::En), "3 people ahead of you, about 15 min.");
    let next = rule.estimate(0, 1, 600, nine(), None).unwrap();
    assert_eq!(next.message(Lang::Uk), "Ви наступні, виклик ось-ось.");
    assert_eq!(
        rule.estimate(5, 1, 60, nine(), None)
            .unwrap()
            .message(Lang::Uk),
        "Перед вами 5 осіб, орієнтовно 5 хв."
    );
    // An appointment is not called before its time is near.
    let early = rule
        .estimate(0, 1, 600, nine(), Some(nine() + Duration::minutes(25)))
        .unwrap();
    assert_eq!(early.minutes, 25);
    assert_eq!(rule.estimate(2, 0, 600, nine(), None), None);
}

proptest! {
    #[test]
    fn the_grace_countdown_only_falls(after in 0i64..400_000, grace in 1u32..600) {
        let rule = CallRule { grace_seconds: grace, max_calls: 3 };
        let now = nine() + Duration::milliseconds(after);
        match rule.absence(nine(), now) {
            Absence::Annul => prop_assert!(after >= i64::from(grace) * 1000),
            Absence::Pending { at, seconds_left } => {
                prop_assert!(now < at);
                prop_assert!(seconds_left >= 1 && seconds_left <= grace);
                let later = now + Duration::seconds(1);
                if let Absence::Pending { seconds_left: l, .. } = rule.absence(nine(), later) {
                    prop_assert!(l < seconds_left);
                }
            }
        }
    }

    #[test]
    fn check_in_is_open_exactly_in_its_window(offset in -120i64..120, early in 0u32..60, late in 0u32..60) {
        let rule = CheckInRule { early_minutes: early, late_minutes: late, late: LatePolicy::Refuse };
        let now = nine() + Duration::minutes(offset);
        let open = -i64::from(early) <= offset && offset <= i64::from(late);
        prop_assert_eq!(rule.check_in(nine(), now).is_ok(), open);
    }

    #[test]
    fn codes_read_back_and_estimates_grow_with_the_queue(bytes in any::<[u8; 8]>(), ahead in 0u32..500, windows in 1u32..10, per in 0u32..7200) {
        let code = CheckInCode::from_random(bytes);
        prop_assert_eq!(CheckInCode::parse(code.as_str()), Ok(code.clone()));
        let rule = EstimateRule::default();
        let e = rule.estimate(ahead, windows, per, nine(), None).unwrap();
        let more = rule.estimate(ahead + 1, windows, per, nine(), None).unwrap();
        let wider = rule.estimate(ahead, windows + 1, per, nine(), None).unwrap();
        prop_assert!(more.minutes >= e.minutes);
        prop_assert!(wider.minutes <= e.minutes);
        prop_assert_eq!(u64::from(e.minutes), (u64::from(ahead) * u64::from(per)).div_ceil(u64::from(windows) * 60));
    }

}
