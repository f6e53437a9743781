//! The seed service card (passport replacing a lost or stolen one) must come out
//! of the shipped catalog exactly: every field, every amount, both terms.

use crate::common::{calendar, catalog, d, service};
use domain::checklist::{Answers, Loss};
use domain::fees::{FeeError, FeeKind, Urgency};
use domain::{Lang, Localized, Money};

const SEED: &str = "passport-lost-stolen";

#[test]
fn the_shipped_catalog_is_valid_and_complete() {
    let c = catalog();
    assert!(c.services().len() >= 7);
    assert!(c.offices().len() >= 5);
    let s = service(&c, SEED);
    assert!(!s.demo, "the seed card is the real one");
    assert_eq!(s.card.term.working_days, 20);
    assert_eq!(s.card.term.urgent_working_days, Some(10));
    assert_eq!(s.card.legal_acts.len(), 15);
    assert_eq!(
        s.card.refusal_to_issue.len(),
        6,
        "six grounds for refusal to issue"
    );
    assert!(s.card.paid);
    assert!(s.card.subject.uk.contains("Шевченківський"));
}

#[test]
fn standard_lost_is_345_plus_34_duty() {
    let c = catalog();
    let q = service(&c, SEED)
        .fees
        .quote(d(2026, 11, 23), &Answers::typical())
        .unwrap();
    assert_eq!(q.urgency, Urgency::Standard);
    let amounts: Vec<(FeeKind, u64)> = q
        .lines
        .iter()
        .map(|l| (l.kind, l.amount.kopiykas()))
        .collect();
    assert_eq!(
        amounts,
        vec![
            (FeeKind::Service, 12600),
            (FeeKind::Blank, 21900),
            (FeeKind::StateDuty, 3400)
        ]
    );
    assert_eq!(q.total, Money::from_hryvnias(345 + 34));
}

#[test]
fn standard_stolen_is_345_without_duty() {
    let c = catalog();
    let answers = Answers {
        loss: Loss::Stolen,
        ..Answers::typical()
    };
    let q = service(&c, SEED)
        .fees
        .quote(d(2026, 11, 23), &answers)
        .unwrap();
    assert_eq!(q.total, Money::from_hryvnias(345));
    let duty = q
        .lines
        .iter()
        .find(|l| l.kind == FeeKind::StateDuty)
        .unwrap();
    assert_eq!(duty.amount, Money::ZERO);
    assert_eq!(duty.list_amount, Money::from_hryvnias(34));
    assert!(duty
        .exemption
        .as_ref()
        .unwrap()
        .get(Lang::Uk)
        .contains("викраденого"));
    assert!(duty
        .exemption
        .as_ref()
        .unwrap()
        .get(Lang::En)
        .contains("stolen"));
}

#[test]
fn urgent_is_471_plus_duty_unless_stolen() {
    let c = catalog();
    let fees = &service(&c, SEED).fees;
    let lost = Answers {
        urgent: true,
        ..Answers::typical()
    };
    let q = fees.quote(d(2026, 11, 23), &lost).unwrap();
    assert_eq!(q.urgency, Urgency::Urgent);
    assert_eq!(q.lines[0].amount, Money::from_hryvnias(252));
    assert_eq!(q.lines[1].amount, Money::from_hryvnias(219));
    assert_eq!(q.total, Money::from_hryvnias(471 + 34));
    let stolen = Answers {
        loss: Loss::Stolen,
        ..lost
    };
    assert_eq!(
        fees.quote(d(2026, 11, 23), &stolen).unwrap().total,
        Money::from_hryvnias(471)
    );
}

#[test]
fn no_tariff_before_its_effective_date() {
    let c = catalog();
    let fees = &service(&c, SEED).fees;
    assert_eq!(
        fees.quote(d(2023, 12, 31), &Answers::typical()),
        Err(FeeError::NotInForce {
            date: d(2023, 12, 31)
        })
    );
    let free = &service(&c, "residence-registration").fees;
    assert_eq!(
        free.quote(d(2026, 11, 23), &Answers::typical()),
        Err(FeeError::NoTariff)
    );
}

#[test]
fn a_tariff_not_in_force_names_the_date_as_written_in_ukraine() {
    let e = FeeError::NotInForce {
        date: d(2023, 1, 5),
    };
    assert_eq!(e.message(Lang::Uk), "На 05.01.2023 тариф не встановлено.");
    assert_eq!(e.message(Lang::En), "No tariff is in force on 05.01.2023.");
}

#[test]
fn ready_dates_for_both_terms() {
    let c = catalog();
    let cal = calendar();
    let s = service(&c, SEED);
    let applied = d(2026, 11, 23);
    assert_eq!(
        cal.ready_date(applied, s.card.term.days(Urgency::Standard)),
        Ok(d(2026, 12, 21))
    );
    assert_eq!(
        cal.ready_date(applied, s.card.term.days(Urgency::Urgent)),
        Ok(d(2026, 12, 7))
    );
}

#[test]
fn an_estimate_is_the_quote_and_the_ready_date_of_its_term() {
    let c = catalog();
    let cal = calendar();
    let applied = d(2026, 11, 23);
    let s = service(&c, SEED);
    let stolen = Answers {
        loss: Loss::Stolen,
        ..Answers::typical()
    };
    let e = s.estimate(applied, &stolen, &cal).unwrap();
    assert_eq!(e.quote.map(|q| q.total), Some(Money::from_hryvnias(345)));
    assert_eq!(e.ready_date, Some(d(2026, 12, 21)));
    let urgent = Answers {
        urgent: true,
        ..Answers::typical()
    };
    let e = s.estimate(applied, &urgent, &cal).unwrap();
    assert_eq!(e.quote.map(|q| q.urgency), Some(Urgency::Urgent));
    assert_eq!(e.ready_date, Some(d(2026, 12, 7)), "the urgent term");
    // A free service: nothing to pay, the ready date still counted.
    let free = c.services().iter().find(|s| !s.card.paid).unwrap();
    let e = free.estimate(applied, &Answers::typical(), &cal).unwrap();
    assert_eq!(e.quote, None);
    assert_eq!(
        e.ready_date,
        cal.ready_date(applied, free.card.term.working_days).ok()
    );
    // No tariff in force yet: the fee error, not a guess.
    assert_eq!(
        s.estimate(d(2023, 6, 1), &Answers::typical(), &cal),
        Err(FeeError::NotInForce {
            date: d(2023, 6, 1)
        })
    );
}
