//! Every parser of a form field, the sign-in's and the ticket's, on any
//! text: none panics, each refusal has its message in both languages, and
//! what a parser accepts it accepts again, unchanged, in its normal form.
#![no_main]

use chrono::NaiveDate;
use domain::signin::{parse_code, parse_contact};
use domain::ticket::{AccessToken, TicketStatus};
use domain::validation::{BirthDate, Email, PersonName, Phone, Rnokpp};
use domain::{Lang, Localized};
use libfuzzer_sys::fuzz_target;

fn said<E: Localized>(e: &E) {
    assert!(!e.message(Lang::Uk).is_empty());
    assert!(!e.message(Lang::En).is_empty());
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}

fuzz_target!(|input: &str| {
    match Phone::parse(input) {
        Ok(p) => assert_eq!(Phone::parse(p.as_str()).as_ref(), Ok(&p)),
        Err(e) => said(&e),
    }
    match Email::parse(input) {
        Ok(e) => assert_eq!(Email::parse(e.as_str()).as_ref(), Ok(&e)),
        Err(e) => said(&e),
    }
    match Rnokpp::parse(input) {
        Ok(r) => {
            assert_eq!(Rnokpp::parse(r.as_str()).as_ref(), Ok(&r));
            let _ = r.birth_date();
        }
        Err(e) => said(&e),
    }
    match PersonName::parse(input) {
        Ok(n) => {
            assert_eq!(PersonName::parse(n.as_str()).as_ref(), Ok(&n));
            let _ = n.folded();
        }
        Err(e) => said(&e),
    }
    match BirthDate::parse(input, today()) {
        Ok(d) => assert!(d.date() <= today()),
        Err(e) => said(&e),
    }
    match parse_contact(input) {
        Ok(_) => {}
        Err(e) => said(&e),
    }
    if let Ok(code) = parse_code(input) {
        assert_eq!(parse_code(&code), Ok(code.clone()));
    }
    if let Some(t) = AccessToken::parse(input) {
        assert_eq!(AccessToken::parse(t.as_str()), Some(t));
    }
    let _ = TicketStatus::parse(input);
});
