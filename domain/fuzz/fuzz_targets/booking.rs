//! A booking's form and questionnaire as any JSON would give them, against
//! the real catalog (`data/`): parsing never panics, and for every service
//! the quote adds up (no line above its list amount), the checklist is
//! built and the ready date is not before the day applied on.
#![no_main]

use chrono::{Days, NaiveDate};
use domain::calendar::{WorkingCalendar, YearCalendar};
use domain::catalog::{Catalog, CatalogFile};
use domain::checklist::{checklist, Answers};
use domain::forms::{parse_booking, ContactForm, PersonForm};
use domain::Money;
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
struct Input {
    person: PersonForm,
    contact: ContactForm,
    #[serde(default)]
    answers: Answers,
    /// Days after the first day of the calendar.
    #[serde(default)]
    day: u16,
}

fn data() -> &'static (Catalog, WorkingCalendar) {
    static DATA: OnceLock<(Catalog, WorkingCalendar)> = OnceLock::new();
    DATA.get_or_init(|| {
        let file: CatalogFile =
            toml::from_str(include_str!("../../../data/catalog.toml")).expect("the catalog reads");
        let years: Vec<YearCalendar> = [
            include_str!("../../../data/holidays/2026.toml"),
            include_str!("../../../data/holidays/2027.toml"),
        ]
        .iter()
        .map(|t| toml::from_str(t).expect("a year reads"))
        .collect();
        (
            file.check().expect("the catalog is valid"),
            WorkingCalendar::new(years).expect("the calendar is valid"),
        )
    })
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(input) = serde_json::from_slice::<Input>(bytes) else {
        return;
    };
    let (catalog, calendar) = data();
    let first = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
    let Some(day) = first.checked_add_days(Days::new(u64::from(input.day % 800))) else {
        return;
    };
    let _ = parse_booking(&input.person, &input.contact, day);
    for service in catalog.services() {
        let _ = checklist(&service.card.documents, &input.answers);
        let _ = service.questions();
        if let Ok(estimate) = service.estimate(day, &input.answers, calendar) {
            if let Some(quote) = &estimate.quote {
                let sum = Money::sum(quote.lines.iter().map(|l| l.amount));
                assert_eq!(sum, Some(quote.total), "{}", service.id);
                assert!(quote.lines.iter().all(|l| l.amount <= l.list_amount));
            }
            if let Some(ready) = estimate.ready_date {
                assert!(ready >= day, "{}", service.id);
            }
        }
    }
});
