//! The booking policy and the ticket life cycle.

use crate::common::d;
use chrono::{TimeZone, Utc};
use domain::booking::decide::lapsed;
use domain::booking::{
    ActiveTicket, Applicant, BookingError, BookingPolicy, Contact, Person, PersonKeys,
};
use domain::validation::{BirthDate, PersonName, Phone, Rnokpp};
use domain::{Lang, Localized};

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

const TODAY: (i32, u32, u32) = (2026, 11, 23);

pub(crate) fn today() -> chrono::NaiveDate {
    d(TODAY.0, TODAY.1, TODAY.2)
}

/// An active ticket of `who` for `service` reachable at `contact`, on `day`.
fn ticket<'a>(
    who: &'a PersonKeys,
    contact: &'a str,
    service: &'a str,
    day: chrono::NaiveDate,
) -> ActiveTicket<'a> {
    ActiveTicket {
        person: who.name.as_str(),
        tax: who.tax.as_ref().map(|t| t.as_str()),
        service,
        contact,
        day,
    }
}

fn applicant<'a>(who: &'a PersonKeys, contact: &'a str) -> Applicant<'a> {
    Applicant {
        person: who.name.as_str(),
        tax: who.tax.as_ref().map(|t| t.as_str()),
        contact,
    }
}

#[test]
fn one_active_ticket_per_person_and_service() {
    let policy = BookingPolicy::default();
    let olena = person("Коваль", None).keys();
    let (passport, abroad) = ("passport-lost-stolen", "passport-abroad");
    let key = phone("0671234567").key();
    let held = [ticket(&olena, &key, passport, today())];
    let me = applicant(&olena, &key);
    assert_eq!(
        policy.check(me, passport, today(), held.clone()),
        Err(BookingError::AlreadyBooked)
    );
    assert_eq!(policy.check(me, abroad, today(), held.clone()), Ok(()));
    // The same person typed with other case is still the same person.
    let again = person("КОВАЛЬ", None).keys();
    assert_eq!(
        policy.check(applicant(&again, &key), passport, today(), held),
        Err(BookingError::AlreadyBooked)
    );
}

#[test]
fn either_key_finds_the_person() {
    let policy = BookingPolicy::default();
    let passport = "passport-lost-stolen";
    let (c1, c2) = (phone("0671234567").key(), phone("0509876543").key());
    let with_tax = person("Коваль", Some("3012345670")).keys();
    let without = person("Коваль", None).keys();
    // Booked with the tax number, then without it (another phone): one person.
    let held = [ticket(&with_tax, &c1, passport, today())];
    assert_eq!(
        policy.check(applicant(&without, &c2), passport, today(), held),
        Err(BookingError::AlreadyBooked)
    );
    // And the other way round.
    let held = [ticket(&without, &c1, passport, today())];
    assert_eq!(
        policy.check(applicant(&with_tax, &c2), passport, today(), held),
        Err(BookingError::AlreadyBooked)
    );
    // The tax number alone, under another spelling of the name.
    let latin = person("Koval", Some("3012345670")).keys();
    let held = [ticket(&with_tax, &c1, passport, today())];
    assert_eq!(
        policy.check(applicant(&latin, &c2), passport, today(), held),
        Err(BookingError::AlreadyBooked)
    );
    // Two people without tax numbers are told apart by name.
    let other = person("Шевчук", None).keys();
    let held = [ticket(&without, &c1, passport, today())];
    assert_eq!(
        policy.check(applicant(&other, &c2), passport, today(), held),
        Ok(())
    );
}

#[test]
fn names_compare_across_case_apostrophes_and_unicode_forms() {
    let named = |surname: &str, given: &str| Person {
        given_name: PersonName::parse(given).unwrap(),
        ..person(surname, None)
    };
    let base = named("Мʼякота", "Йосип").keys();
    // U+0027, U+2019 and U+02BC; upper case; «Й» typed as «И» + U+0306.
    for (surname, given) in [
        ("М'якота", "Йосип"),
        ("М’якота", "ЙОСИП"),
        ("МʼЯКОТА", "\u{418}\u{306}осип"),
        ("мʼякота", "\u{419}осип"),
    ] {
        assert_eq!(
            named(surname, given).keys().name,
            base.name,
            "{surname} {given}"
        );
    }
    // «Ї» as «І» + U+0308 is accepted as the one letter.
    let decomposed = PersonName::parse("\u{406}\u{308}гор").unwrap();
    assert_eq!(decomposed.as_str(), "Їгор");
    assert_ne!(named("Мʼякота", "Иосип").keys().name, base.name);
}

#[test]
fn a_ticket_whose_day_is_over_counts_for_nothing() {
    let policy = BookingPolicy {
        max_active_per_contact: 1,
        hold_minutes: 10,
        ..BookingPolicy::default()
    };
    let passport = "passport-lost-stolen";
    let key = phone("0671234567").key();
    let olena = person("Коваль", None).keys();
    let yesterday = today().pred_opt().unwrap();
    let me = applicant(&olena, &key);
    let past = [ticket(&olena, &key, passport, yesterday)];
    // Neither the person's rule nor the contact's cap sees it.
    assert_eq!(policy.check(me, passport, today(), past.clone()), Ok(()));
    // A ticket of today still counts until the day ends.
    let now = [ticket(&olena, &key, passport, today())];
    assert_eq!(
        policy.check(me, passport, today(), now.clone()),
        Err(BookingError::AlreadyBooked)
    );
    // The past one is the one storage must write the end of; today's is not.
    let both = [past[0].clone(), now[0].clone()];
    assert_eq!(lapsed(&me, passport, today(), &both), vec![0]);
    assert_eq!(
        lapsed(&me, "passport-abroad", today(), &both),
        Vec::<usize>::new()
    );
}

#[test]
fn the_tax_number_identifies_a_person_over_name_spelling() {
    let a = person("Коваль", Some("3012345670")).keys();
    let b = person("Koval", Some("3012345670")).keys();
    assert_eq!(a.tax, b.tax);
    assert_ne!(a.name, b.name);
    assert_eq!(person("Коваль", None).keys().tax, None);
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
        ..BookingPolicy::default()
    };
    let key = phone("+380 67 123 45 67").key();
    let (p1, p2, p3) = (
        person("Коваль", None).keys(),
        person("Шевчук", None).keys(),
        person("Бондар", None).keys(),
    );
    let s = "passport-abroad";
    let one = [ticket(&p1, &key, s, today())];
    let me = applicant(&p3, &key);
    assert_eq!(policy.check(me, s, today(), one.clone()), Ok(()));
    let two = [one[0].clone(), ticket(&p2, &key, s, today())];
    let err = policy.check(me, s, today(), two);
    assert_eq!(err, Err(BookingError::ContactLimit { max: 2 }));
    assert!(err.unwrap_err().message(Lang::Uk).contains("щонайбільше 2"));
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

#[test]
fn reminders_go_the_day_before_from_the_hour_in_kyiv() {
    use domain::ticket::ReminderRule;
    let rule = ReminderRule { hour: 18 };
    // 23.11.2026 is winter time: Kyiv is UTC+2, so 18:00 is 16:00 UTC.
    let before = Utc.with_ymd_and_hms(2026, 11, 23, 15, 59, 59).unwrap();
    assert_eq!(rule.due(before), None);
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 16, 0, 0).unwrap();
    let tomorrow = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert_eq!(rule.due(at), Some((tomorrow, at)));
    // 23:30 in Kyiv is still the 23rd; 00:30 is the next day, not yet 18:00.
    let late = Utc.with_ymd_and_hms(2026, 11, 23, 21, 30, 0).unwrap();
    assert_eq!(rule.due(late).map(|d| d.0), Some(tomorrow));
    let after_midnight = Utc.with_ymd_and_hms(2026, 11, 23, 22, 30, 0).unwrap();
    assert_eq!(rule.due(after_midnight), None);
    // Summer time: UTC+3.
    let summer = Utc.with_ymd_and_hms(2026, 7, 1, 15, 0, 0).unwrap();
    assert!(rule.due(summer).is_some());
    assert!(ReminderRule { hour: 24 }.due(at).is_none());
}
