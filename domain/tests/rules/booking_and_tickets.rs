//! The booking policy and the ticket life cycle.

use crate::common::d;
use chrono::{TimeZone, Utc};
use domain::booking::{ActiveTicket, BookingError, BookingPolicy, Contact, Person};
use domain::ticket::{
    next_status, to_hex, AccessToken, Actor, Lifecycle, TicketEvent, TicketNumber, TicketStatus,
    TransitionError,
};
use domain::validation::{BirthDate, PersonName, Phone, Rnokpp};
use domain::{Lang, Localized};
use proptest::prelude::*;

fn person(surname: &str, tax: Option<&str>) -> Person {
    Person {
        surname: PersonName::parse(surname).unwrap(),
        given_name: PersonName::parse("Олена").unwrap(),
        patronymic: None,
        birth_date: BirthDate::parse("24.08.1991", d(2026, 11, 23)).unwrap(),
        rnokpp: tax.map(|t| Rnokpp::parse(t).unwrap()),
    }
}

fn phone(p: &str) -> Contact {
    Contact::new(Some(Phone::parse(p).unwrap()), None).unwrap()
}

#[test]
fn a_contact_is_required() {
    assert_eq!(Contact::new(None, None), Err(BookingError::NoContact));
}

#[test]
fn one_active_ticket_per_person_and_service() {
    let policy = BookingPolicy::default();
    let olena = person("Коваль", None).key();
    let (passport, abroad) = ("passport-lost-stolen", "passport-abroad");
    let key = phone("0671234567").key();
    let held = [ActiveTicket {
        person: olena.as_str(),
        service: passport,
        contact: &key,
    }];
    assert_eq!(
        policy.check(olena.as_str(), &key, passport, held.clone()),
        Err(BookingError::AlreadyBooked)
    );
    assert_eq!(
        policy.check(olena.as_str(), &key, abroad, held.clone()),
        Ok(())
    );
    // The same person typed with other case is still the same person.
    let again = person("КОВАЛЬ", None).key();
    assert_eq!(
        policy.check(again.as_str(), &key, passport, held),
        Err(BookingError::AlreadyBooked)
    );
}

#[test]
fn the_tax_number_identifies_a_person_over_name_spelling() {
    let a = person("Коваль", Some("3012345670")).key();
    let b = person("Koval", Some("3012345670")).key();
    assert_eq!(a, b);
    assert_ne!(person("Коваль", None).key(), person("Koval", None).key());
    assert!(
        !format!("{a:?}").contains("301"),
        "keys never print personal data"
    );
}

#[test]
fn a_contact_holds_at_most_the_cap() {
    let policy = BookingPolicy {
        max_active_per_contact: 2,
        hold_minutes: 10,
    };
    let key = phone("+380 67 123 45 67").key();
    let (p1, p2, p3) = (
        person("Коваль", None).key(),
        person("Шевчук", None).key(),
        person("Бондар", None).key(),
    );
    let s = "passport-abroad";
    let one = [ActiveTicket {
        person: p1.as_str(),
        service: s,
        contact: &key,
    }];
    assert_eq!(policy.check(p3.as_str(), &key, s, one.clone()), Ok(()));
    let two = [
        one[0].clone(),
        ActiveTicket {
            person: p2.as_str(),
            service: s,
            contact: &key,
        },
    ];
    let err = policy.check(p3.as_str(), &key, s, two);
    assert_eq!(err, Err(BookingError::ContactLimit { max: 2 }));
    assert!(err.unwrap_err().message(Lang::Uk).contains("щонайбільше 2"));
}

#[test]
fn board_numbers_and_tokens() {
    assert_eq!(
        TicketNumber {
            prefix: 'P',
            seq: 7
        }
        .to_string(),
        "P-007"
    );
    let token = AccessToken::from_random([0xab; AccessToken::BYTES]);
    assert_eq!(token.as_str().len(), 64);
    assert_eq!(AccessToken::parse(token.as_str()), Some(token.clone()));
    assert_eq!(AccessToken::parse("abc"), None);
    assert_eq!(AccessToken::parse(&"g".repeat(64)), None);
    assert!(
        !format!("{token:?}").contains("ab"),
        "Debug never shows the secret"
    );
}

#[test]
fn hex_is_two_lowercase_digits_per_byte() {
    let all: Vec<u8> = (0..=255).collect();
    let expected: String = all.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(to_hex(&all), expected);
    assert_eq!(to_hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    assert_eq!(to_hex(&[]), "");
}

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

fn any_event() -> impl Strategy<Value = TicketEvent> {
    prop_oneof![
        Just(TicketEvent::Pay),
        Just(TicketEvent::CheckIn),
        Just(TicketEvent::Call),
        Just(TicketEvent::Serve),
        Just(TicketEvent::Cancel),
        Just(TicketEvent::MarkAbsent),
        Just(TicketEvent::Expire),
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
            let actor = match e { TicketEvent::Cancel => Actor::Applicant, TicketEvent::Expire => Actor::System, _ => Actor::Officer("o".into()) };
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

#[test]
fn the_booking_form_reports_both_parts_at_once() {
    use domain::forms::{parse_booking, ContactForm, Field, PersonForm};
    let today = d(2026, 11, 23);
    let person = PersonForm {
        surname: "Коваль".into(),
        given_name: "".into(),
        birth_date: "24.08.1991".into(),
        ..PersonForm::default()
    };
    let contact = ContactForm {
        phone: "12".into(),
        email: String::new(),
    };
    let errors = parse_booking(&person, &contact, today).unwrap_err();
    let fields: Vec<Field> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, vec![Field::GivenName, Field::Phone]);
    let person = PersonForm {
        given_name: "Олена".into(),
        ..person
    };
    let contact = ContactForm {
        phone: "067 123 45 67".into(),
        ..contact
    };
    let (p, c) = parse_booking(&person, &contact, today).unwrap();
    assert_eq!(p.given_name.as_str(), "Олена");
    assert_eq!(
        c.phone.map(|x| x.as_str().to_string()),
        Some("+380671234567".into())
    );
}
