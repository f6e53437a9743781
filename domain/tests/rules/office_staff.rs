//! Staff: who may do what at which office, logins and passwords, and the
//! per-account sign-in limit.

use domain::catalog::OfficeId;
use domain::office::staff::{self, Action, Role, Staff};
use domain::office::OfficeError;
use domain::ticket::Actor;
use domain::{Lang, Localized};
use proptest::prelude::*;

fn any_role() -> impl Strategy<Value = Role> {
    prop_oneof![
        Just(Role::Officer),
        Just(Role::Admin),
        Just(Role::SystemAdmin)
    ]
}

fn any_action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::SeeQueue),
        Just(Action::Serve),
        Just(Action::RunOffice),
        Just(Action::ManageStaff),
        Just(Action::ReadAudit),
        Just(Action::ReadReports)
    ]
}

proptest! {
    #[test]
    fn staff_act_only_where_their_role_reaches(role in any_role(), action in any_action(), mine in any::<bool>()) {
        let a = OfficeId("kyiv-podil".into());
        let b = OfficeId("lviv-centre".into());
        let me = Staff { id: "s1".into(), role, office: role.has_office().then(|| a.clone()) };
        let at = if mine { &a } else { &b };
        let got = me.may(action, at);
        let expected = match (role, mine, action) {
            (Role::SystemAdmin, _, _) => Ok(()),
            (_, false, _) => Err(OfficeError::OtherOffice),
            (Role::Admin, true, _) => Ok(()),
            (Role::Officer, true, Action::SeeQueue | Action::Serve) => Ok(()),
            (Role::Officer, true, _) => Err(OfficeError::Forbidden),
        };
        prop_assert_eq!(got, expected);
        prop_assert_eq!(Role::parse(role.as_str()), Some(role));
        prop_assert!(matches!(me.actor(), Actor::Officer(_) | Actor::Admin(_)));
    }


    #[test]
    fn logins_and_passwords(login in "[a-zA-Z0-9._ -]{0,40}", password in ".{0,140}") {
        if let Ok(l) = staff::login(&login) {
            prop_assert!((3..=32).contains(&l.len()));
            prop_assert_eq!(staff::login(&l), Ok(l.clone()));
        }
        let n = password.chars().count();
        if staff::password_ok(&password).is_ok() {
            prop_assert!((12..=128).contains(&n));
        } else if (12..=128).contains(&n) {
            prop_assert!(password.chars().all(|c| password.starts_with(c)));
        }
    }
}

#[test]
fn the_audit_trail_is_read_by_administrators_of_their_offices() {
    let (a, b) = (
        OfficeId("kyiv-podil".into()),
        OfficeId("lviv-centre".into()),
    );
    let staff = |role: Role| Staff {
        id: "s1".into(),
        role,
        office: role.has_office().then(|| a.clone()),
    };
    let sys = staff(Role::SystemAdmin);
    assert_eq!(sys.audit_scope(None), Ok(None));
    assert_eq!(sys.audit_scope(Some(&b)), Ok(Some(b.clone())));
    let admin = staff(Role::Admin);
    assert_eq!(admin.audit_scope(None), Ok(Some(a.clone())));
    assert_eq!(admin.audit_scope(Some(&a)), Ok(Some(a.clone())));
    assert_eq!(admin.audit_scope(Some(&b)), Err(OfficeError::OtherOffice));
    let officer = staff(Role::Officer);
    assert_eq!(officer.audit_scope(None), Err(OfficeError::Forbidden));
    assert_eq!(officer.audit_scope(Some(&a)), Err(OfficeError::Forbidden));
}

#[test]
fn logins_are_lowercased_and_checked() {
    assert_eq!(
        staff::login(" Officer.Podil-1 "),
        Ok("officer.podil-1".into())
    );
    for bad in ["ab", "1officer", "офіцер", "a b c", &"a".repeat(33)] {
        assert_eq!(staff::login(bad), Err(OfficeError::BadLogin), "{bad}");
    }
    assert!(staff::password_ok("correct horse battery").is_ok());
    assert!(staff::password_ok("aaaaaaaaaaaaaaa").is_err());
    assert!(staff::password_ok("short")
        .unwrap_err()
        .message(Lang::Uk)
        .contains("від 12 до 128"));
}

#[test]
fn an_account_locks_after_five_wrong_passwords() {
    use domain::office::staff::{SignInRule, Tries};
    let rule = SignInRule::default();
    let mut t = Tries::default();
    for n in 1..=5 {
        t = rule.reserve(t, 1000).unwrap();
        assert_eq!(t.failures, n);
    }
    assert_eq!(t.locked_until, Some(1900));
    let err = rule.reserve(t, 1000).unwrap_err();
    assert_eq!(err, OfficeError::Locked { seconds: 900 });
    assert!(
        err.message(Lang::Uk).contains("через 15 хвилин"),
        "{}",
        err.message(Lang::Uk)
    );
    assert!(rule.reserve(t, 1899).is_err());
    // After the lock: counted afresh.
    assert_eq!(
        rule.reserve(t, 1900),
        Ok(Tries {
            failures: 1,
            locked_until: None
        })
    );
    assert!(OfficeError::Locked { seconds: 61 }
        .message(Lang::Uk)
        .contains("через 2 хвилини"));
    assert!(OfficeError::Locked { seconds: 5 }
        .message(Lang::En)
        .contains("in 1 minute."));
}

proptest! {
    #[test]
    fn no_more_tries_than_allowed_in_a_lock_period(max in 1u32..10, steps in proptest::collection::vec(0i64..200, 1..60)) {
        use domain::office::staff::{SignInRule, Tries};
        let rule = SignInRule { max_failures: max, lock_seconds: 600 };
        let (mut t, mut now, mut allowed) = (Tries::default(), 0i64, Vec::new());
        for step in steps {
            now += step;
            if let Ok(next) = rule.reserve(t, now) {
                t = next;
                allowed.push(now);
            }
        }
        // Within any 600 s, at most `max` tries get their password checked
        // (every one failed here).
        for (i, &at) in allowed.iter().enumerate() {
            let within = allowed[i..].iter().take_while(|&&x| x < at + 600).count();
            prop_assert!(within <= usize::try_from(max).unwrap(), "{within} tries in 600 s");
        }
    }
}
