//! Signing in to "My tickets" with a one-time code.

use domain::signin::*;
use domain::{Lang, Localized};

const NOW: i64 = 1_800_000_000;

#[test]
fn a_new_code_waits_for_the_cooldown_and_the_hourly_caps() {
    let p = SignInPolicy::default();
    assert_eq!(p.may_start(&RecentSignIns::default(), NOW), Ok(()));
    let just_sent = RecentSignIns {
        by_contact: 1,
        by_client: 1,
        last_for_contact: Some(NOW - 20),
    };
    assert_eq!(
        p.may_start(&just_sent, NOW),
        Err(SignInError::TooSoon { seconds: 40 })
    );
    let a_minute_ago = RecentSignIns {
        last_for_contact: Some(NOW - 60),
        ..just_sent
    };
    assert_eq!(p.may_start(&a_minute_ago, NOW), Ok(()));
    let contact_capped = RecentSignIns {
        by_contact: 5,
        ..a_minute_ago
    };
    assert_eq!(p.may_start(&contact_capped, NOW), Err(SignInError::TooMany));
    let client_capped = RecentSignIns {
        by_client: 20,
        ..a_minute_ago
    };
    assert_eq!(p.may_start(&client_capped, NOW), Err(SignInError::TooMany));
}

#[test]
fn a_code_works_once_within_ten_minutes_and_five_tries() {
    let p = SignInPolicy::default();
    let fresh = Attempt {
        expires_at: NOW + 600,
        tries: 0,
        used: false,
    };
    assert_eq!(p.check(&fresh, NOW, true), Verdict::SignIn);
    assert_eq!(
        p.check(&fresh, NOW, false),
        Verdict::Wrong(SignInError::WrongCode { tries_left: 4 })
    );
    let fifth = Attempt { tries: 4, ..fresh };
    assert_eq!(
        p.check(&fifth, NOW, false),
        Verdict::Wrong(SignInError::TooManyTries)
    );
    // Void after five wrong tries, even with the right code.
    let void = Attempt { tries: 5, ..fresh };
    assert_eq!(
        p.check(&void, NOW, true),
        Verdict::Refused(SignInError::TooManyTries)
    );
    let used = Attempt {
        used: true,
        ..fresh
    };
    assert_eq!(
        p.check(&used, NOW, true),
        Verdict::Refused(SignInError::Expired)
    );
    assert_eq!(
        p.check(&fresh, NOW + 600, true),
        Verdict::Refused(SignInError::Expired)
    );
    assert_eq!(p.check(&fresh, NOW + 599, true), Verdict::SignIn);
}

#[test]
fn contacts_and_codes_are_parsed() {
    let phone = parse_contact(" 067 123 45 67 ").unwrap();
    assert_eq!(phone.key(), "p:+380671234567");
    let email = parse_contact("Olena@Example.com").unwrap();
    assert_eq!(email.key(), "e:olena@example.com");
    assert_eq!(parse_contact("nobody").err(), Some(SignInError::BadContact));
    assert_eq!(parse_contact("").err(), Some(SignInError::BadContact));
    assert_eq!(parse_code(" 123 456 ").as_deref(), Ok("123456"));
    for bad in ["12345", "1234567", "12a456", "١٢٣٤٥٦"] {
        assert_eq!(parse_code(bad), Err(SignInError::BadCode), "{bad}");
    }
}

#[test]
fn codes_are_uniform_six_digits() {
    assert_eq!(code_from_random(0).as_deref(), Some("000000"));
    assert_eq!(code_from_random(1_234_567).as_deref(), Some("234567"));
    // The top of the range would make low codes likelier: drawn again.
    assert_eq!(code_from_random(u32::MAX), None);
    assert_eq!(code_from_random(4_294_000_000), None);
    assert!(code_from_random(4_293_999_999).is_some());
}

#[test]
fn every_refusal_reads_in_both_languages() {
    let all = [
        SignInError::BadContact,
        SignInError::BadCode,
        SignInError::TooSoon { seconds: 12 },
        SignInError::TooMany,
        SignInError::WrongCode { tries_left: 3 },
        SignInError::Expired,
        SignInError::TooManyTries,
        SignInError::NotSignedIn,
    ];
    for e in all {
        let (uk, en) = (e.message(Lang::Uk), e.message(Lang::En));
        assert!(!uk.is_empty() && !en.is_empty() && uk != en, "{e:?}");
    }
    assert!(SignInError::WrongCode { tries_left: 3 }
        .message(Lang::Uk)
        .contains('3'));
}
