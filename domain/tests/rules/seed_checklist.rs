//! The seed card's document checklist: every conditional document appears
//! exactly for the answers that call for it.

use crate::common::{catalog, service};
use domain::checklist::{checklist, Answers, Applicant, Flag, Loss};
use domain::Lang;

const SEED: &str = "passport-lost-stolen";

fn ids(answers: &Answers) -> Vec<String> {
    let c = catalog();
    checklist(&service(&c, SEED).card.documents, answers)
        .into_iter()
        .map(|e| e.id)
        .collect()
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
