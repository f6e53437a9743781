//! The seed service card (passport replacing a lost or stolen one) must come out
//! of the shipped catalog exactly: every amount and every conditional document.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::{calendar, catalog, d, service};
use domain::checklist::{checklist, Answers, Applicant, Flag, Loss};
use domain::fees::{FeeError, FeeKind, Urgency};
use domain::{Lang, Money};

const SEED: &str = "passport-lost-stolen";

fn ids(answers: &Answers) -> Vec<String> {
    let c = catalog();
    checklist(&service(&c, SEED).card.documents, answers)
        .into_iter()
        .map(|e| e.id)
        .collect()
}

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
fn typical_lost_passport_checklist() {
    assert_eq!(
        ids(&Answers::typical()),
        vec![
            "application-form",
            "payment-proof",
            "tax-number-certificate",
            "chip-data",
            "chip-tax-number",
            "chip-residence"
        ]
    );
}

#[test]
fn stolen_adds_the_investigation_extract() {
    let got = ids(&Answers {
        loss: Loss::Stolen,
        ..Answers::typical()
    });
    assert!(got.contains(&"investigation-extract".to_string()));
    assert!(!ids(&Answers::typical()).contains(&"investigation-extract".to_string()));
}

#[test]
fn each_situation_adds_its_document() {
    let cases: Vec<(Answers, &str)> = vec![
        (
            Answers {
                homeless: true,
                ..Answers::typical()
            },
            "homeless-certificate",
        ),
        (
            Answers {
                idp: true,
                ..Answers::typical()
            },
            "idp-certificate",
        ),
        (
            Answers {
                has_children: true,
                ..Answers::typical()
            },
            "chip-children",
        ),
        (
            Answers {
                married_or_divorced: true,
                ..Answers::typical()
            },
            "chip-marriage",
        ),
        (
            Answers {
                name_changed: true,
                ..Answers::typical()
            },
            "chip-name-change",
        ),
        (
            Answers {
                cannot_move: true,
                ..Answers::typical()
            },
            "photo-10x15",
        ),
        (
            Answers {
                in_institution: true,
                ..Answers::typical()
            },
            "photo-10x15",
        ),
        (
            Answers {
                latin_spelling: true,
                ..Answers::typical()
            },
            "latin-request",
        ),
        (
            Answers {
                latin_spelling: true,
                ..Answers::typical()
            },
            "latin-earlier-document",
        ),
    ];
    let base = ids(&Answers::typical());
    for (answers, doc) in cases {
        assert!(
            !base.contains(&doc.to_string()),
            "{doc} is not in the base list"
        );
        assert!(
            ids(&answers).contains(&doc.to_string()),
            "{doc} for {answers:?}"
        );
    }
}

#[test]
fn tax_number_refusal_swaps_the_certificate() {
    let got = ids(&Answers {
        tax_number_refused: true,
        ..Answers::typical()
    });
    assert!(got.contains(&"tax-number-refusal".to_string()));
    assert!(!got.contains(&"tax-number-certificate".to_string()));
    assert!(!got.contains(&"chip-tax-number".to_string()));
}

#[test]
fn an_empty_group_is_dropped() {
    // No tax number, never registered, no family events: nothing for the chip.
    let got = ids(&Answers {
        tax_number_refused: true,
        residence_registered: false,
        ..Answers::typical()
    });
    assert!(!got.contains(&"chip-data".to_string()));
}

#[test]
fn representatives_prove_authority_unless_a_parent() {
    let parent = ids(&Answers {
        applicant: Applicant::Parent,
        ..Answers::typical()
    });
    assert!(parent.contains(&"representative-id".to_string()));
    assert!(!parent.contains(&"representative-authority".to_string()));
    for who in [
        Applicant::LegalRepresentative,
        Applicant::InstitutionOfficer,
    ] {
        let got = ids(&Answers {
            applicant: who,
            ..Answers::typical()
        });
        assert!(got.contains(&"representative-id".to_string()));
        assert!(got.contains(&"representative-authority".to_string()));
    }
    assert!(!ids(&Answers::typical()).contains(&"representative".to_string()));
}

#[test]
fn nested_items_are_indented_and_translated() {
    let c = catalog();
    let list = checklist(&service(&c, SEED).card.documents, &Answers::typical());
    let chip = list.iter().find(|e| e.id == "chip-residence").unwrap();
    assert_eq!(chip.depth, 1);
    assert!(chip.text.get(Lang::En).starts_with("Residence"));
    assert!(chip.text.get(Lang::Uk).starts_with("Про місце проживання"));
}

#[test]
fn the_card_asks_exactly_the_questions_it_needs() {
    let c = catalog();
    let q = service(&c, SEED).questions();
    for f in [
        Flag::Stolen,
        Flag::Urgent,
        Flag::Homeless,
        Flag::Idp,
        Flag::Representative,
        Flag::RepresentativeNotParent,
        Flag::LatinSpelling,
        Flag::CannotMoveOrInstitution,
        Flag::TaxNumberRefused,
        Flag::HasChildren,
    ] {
        assert!(q.contains(&f), "{f:?}");
    }
    // A free service with no conditions asks nothing.
    assert!(service(&c, "qes-id-card").questions().is_empty());
}
