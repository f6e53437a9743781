//! The booking form parsers: every field, every problem at once.

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fn form() -> PersonForm {
    PersonForm {
        surname: "Коваль".into(),
        given_name: "Олена".into(),
        patronymic: String::new(),
        birth_date: "24.08.1991".into(),
        rnokpp: String::new(),
    }
}

#[test]
fn a_good_form_parses() {
    let p = form().parse(today()).ok();
    assert_eq!(p.as_ref().map(|p| p.surname.as_str()), Some("Коваль"));
    assert_eq!(p.and_then(|p| p.patronymic), None);
}

#[test]
fn every_problem_is_reported_at_once() {
    let bad = PersonForm {
        surname: "".into(),
        given_name: "Ol3na".into(),
        patronymic: "Iвaнівна".into(),
        birth_date: "31.02.1990".into(),
        rnokpp: "123".into(),
    };
    let fields: Vec<Field> = bad
        .parse(today())
        .err()
        .unwrap_or_default()
        .iter()
        .map(|e| e.field)
        .collect();
    assert_eq!(
        fields,
        vec![
            Field::Surname,
            Field::GivenName,
            Field::Patronymic,
            Field::BirthDate,
            Field::Rnokpp
        ]
    );
}

#[test]
fn contact_needs_one_valid_way() {
    assert!(ContactForm {
        phone: "067 123 45 67".into(),
        email: String::new()
    }
    .parse()
    .is_ok());
    assert!(ContactForm {
        phone: String::new(),
        email: "a@b.ua".into()
    }
    .parse()
    .is_ok());
    let none = ContactForm::default().parse().err().unwrap_or_default();
    assert_eq!(
        none.first().map(|e| e.problem.clone()),
        Some(Problem::NoContact)
    );
    let bad = ContactForm {
        phone: "12".into(),
        email: "x@".into(),
    }
    .parse()
    .err()
    .unwrap_or_default();
    assert_eq!(
        bad.iter().map(|e| e.field).collect::<Vec<_>>(),
        vec![Field::Phone, Field::Email]
    );
    assert!(bad[1].message(Lang::Uk).contains("name@example.com"));
}
