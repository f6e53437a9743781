//! The applicant's situation (the questionnaire's answers) and the document
//! checklist computed from it.

use crate::i18n::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Why the passport is being replaced (the seed card's ground).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Loss {
    /// Lost.
    #[default]
    Lost,
    /// Stolen: an extract from the pre-trial investigations register is needed and
    /// no state duty is charged.
    Stolen,
}

/// Who submits the application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Applicant {
    /// The person in person.
    #[default]
    InPerson,
    /// One of the parents (no proof of authority needed).
    Parent,
    /// Another legal representative (guardian, custodian).
    LegalRepresentative,
    /// An authorised officer of a prison or a closed medical institution.
    InstitutionOfficer,
}

/// The answers to the questionnaire of a service card.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct Answers {
    /// Lost or stolen (for replacement services).
    pub loss: Loss,
    /// Wants the result in 10 working days instead of 20.
    pub urgent: bool,
    /// Who submits.
    pub applicant: Applicant,
    /// Registered as a homeless person.
    pub homeless: bool,
    /// Registered as an internally displaced person.
    pub idp: bool,
    /// Refused a tax number for religious reasons (has the mark in the passport).
    pub tax_number_refused: bool,
    /// Has a registered place of residence in Ukraine.
    pub residence_registered: bool,
    /// Has children whose birth goes onto the chip.
    pub has_children: bool,
    /// Married or divorced.
    pub married_or_divorced: bool,
    /// Changed name.
    pub name_changed: bool,
    /// Wants the name in Latin letters as in earlier documents.
    pub latin_spelling: bool,
    /// Cannot move on their own because of long illness.
    pub cannot_move: bool,
    /// Serving a sentence or in long-term closed medical treatment.
    pub in_institution: bool,
}

impl Answers {
    /// The answers a card starts with: a lost passport, no special situation.
    pub fn typical() -> Self {
        Answers {
            residence_registered: true,
            ..Answers::default()
        }
    }

    /// Whether `flag` holds for these answers.
    pub fn has(&self, flag: Flag) -> bool {
        match flag {
            Flag::Stolen => self.loss == Loss::Stolen,
            Flag::Urgent => self.urgent,
            Flag::Representative => self.applicant != Applicant::InPerson,
            Flag::RepresentativeNotParent => matches!(
                self.applicant,
                Applicant::LegalRepresentative | Applicant::InstitutionOfficer
            ),
            Flag::Homeless => self.homeless,
            Flag::Idp => self.idp,
            Flag::TaxNumberRefused => self.tax_number_refused,
            Flag::ResidenceRegistered => self.residence_registered,
            Flag::HasChildren => self.has_children,
            Flag::MarriedOrDivorced => self.married_or_divorced,
            Flag::NameChanged => self.name_changed,
            Flag::LatinSpelling => self.latin_spelling,
            Flag::CannotMoveOrInstitution => self.cannot_move || self.in_institution,
        }
    }
}

/// A fact about the applicant that a document or a fee depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The passport was stolen.
    Stolen,
    /// Urgent processing.
    Urgent,
    /// Somebody else submits.
    Representative,
    /// A representative who is not a parent (must prove authority).
    RepresentativeNotParent,
    /// Homeless person.
    Homeless,
    /// Internally displaced person.
    Idp,
    /// Refused a tax number for religious reasons.
    TaxNumberRefused,
    /// Has a registered residence.
    ResidenceRegistered,
    /// Has children.
    HasChildren,
    /// Married or divorced.
    MarriedOrDivorced,
    /// Changed name.
    NameChanged,
    /// Wants Latin spelling.
    LatinSpelling,
    /// Cannot move, or in a prison or closed medical institution.
    CannotMoveOrInstitution,
}

/// When a document (or a fee exemption) applies.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// Always.
    #[default]
    Always,
    /// When the flag holds.
    If(Flag),
    /// When the flag does not hold.
    Unless(Flag),
    /// When every condition holds.
    All(Vec<Condition>),
    /// When any condition holds.
    Any(Vec<Condition>),
}

impl Condition {
    /// Evaluates the condition for `answers`.
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Condition::Always => true,
            Condition::If(f) => answers.has(*f),
            Condition::Unless(f) => !answers.has(*f),
            Condition::All(cs) => cs.iter().all(|c| c.holds(answers)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(answers)),
        }
    }

    /// Every flag the condition reads: the questions a card must ask.
    pub fn flags(&self, into: &mut BTreeSet<Flag>) {
        match self {
            Condition::Always => {}
            Condition::If(f) | Condition::Unless(f) => {
                into.insert(*f);
            }
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.flags(into)),
        }
    }
}

/// One entry of a service card's exhaustive document list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DocumentItem {
    /// A stable id (for tests, anchors and the printed checklist).
    pub id: String,
    /// What to bring.
    pub text: Text,
    /// When it is needed.
    #[serde(default)]
    pub when: Condition,
    /// Sub-items (each with its own condition), shown under this one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<DocumentItem>,
}

/// One line of a computed checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChecklistEntry {
    /// The document's id.
    pub id: String,
    /// What to bring.
    pub text: Text,
    /// Nesting depth (0 for top-level).
    pub depth: u8,
}

/// The documents to bring for `answers`: the items whose conditions hold, with
/// their applicable sub-items; a group whose every sub-item is dropped is dropped.
pub fn checklist(items: &[DocumentItem], answers: &Answers) -> Vec<ChecklistEntry> {
    let mut out = Vec::new();
    collect(items, answers, 0, &mut out);
    out
}

fn collect(items: &[DocumentItem], answers: &Answers, depth: u8, out: &mut Vec<ChecklistEntry>) {
    for item in items.iter().filter(|i| i.when.holds(answers)) {
        let mark = out.len();
        out.push(ChecklistEntry {
            id: item.id.clone(),
            text: item.text.clone(),
            depth,
        });
        if !item.items.is_empty() {
            collect(&item.items, answers, depth.saturating_add(1), out);
            if out.len() == mark + 1 {
                out.pop();
            }
        }
    }
}

/// Every flag the document list reads.
pub fn flags_used(items: &[DocumentItem], into: &mut BTreeSet<Flag>) {
    for item in items {
        item.when.flags(into);
        flags_used(&item.items, into);
    }
}
