//! Fees: tariffs are data with an effective-from date; the rule that combines
//! their components by urgency tier and exemptions is code, the same in the
//! browser (the offline preview) and on the server (what is charged).

use crate::checklist::{Answers, Condition, Flag};
use crate::i18n::{pick, Lang, Localized, Text};
use crate::money::Money;
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use thiserror::Error;

/// How fast the result is made.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    /// The ordinary term.
    #[default]
    Standard,
    /// The urgent (shorter, dearer) term.
    Urgent,
}

impl Urgency {
    /// The urgency the answers ask for.
    pub fn of(answers: &Answers) -> Urgency {
        if answers.has(Flag::Urgent) {
            Urgency::Urgent
        } else {
            Urgency::Standard
        }
    }
}

/// What a fee component pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// The administrative service itself.
    Service,
    /// The document blank.
    Blank,
    /// The state duty.
    StateDuty,
}

/// One amount of a tariff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FeeComponent {
    /// What it pays for.
    pub kind: FeeKind,
    /// The label on the quote.
    pub label: Text,
    /// The amount, in kopiykas.
    pub amount: Money,
    /// When it is not charged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exempt_when: Option<Condition>,
    /// Why it is not charged, shown on the quote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exemption_reason: Option<Text>,
    /// Who receives it: a recipient of the catalog (required when it is
    /// charged; see `crate::pay`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

/// The components charged for one urgency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tier {
    /// The urgency this tier prices.
    pub urgency: Urgency,
    /// Its components.
    pub components: Vec<FeeComponent>,
}

/// The amounts in force from a date on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Tariff {
    /// The first day these amounts apply (the day the application form is made).
    pub effective_from: NaiveDate,
    /// The per-urgency components.
    pub tiers: Vec<Tier>,
    /// Components added to every tier (the state duty).
    #[serde(default)]
    pub common: Vec<FeeComponent>,
}

/// One line of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct QuoteLine {
    /// What it pays for.
    pub kind: FeeKind,
    /// The label.
    pub label: Text,
    /// The amount due (zero when exempt).
    pub amount: Money,
    /// The amount it would have been without the exemption.
    pub list_amount: Money,
    /// Why nothing is charged for this line, if exempt.
    pub exemption: Option<Text>,
    /// Who receives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
}

/// An itemised quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Quote {
    /// The urgency priced.
    pub urgency: Urgency,
    /// The tariff's effective-from date.
    pub tariff_from: NaiveDate,
    /// The lines, in tariff order.
    pub lines: Vec<QuoteLine>,
    /// The sum due.
    pub total: Money,
}

/// Why no quote could be given.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeError {
    /// The service is free or has no tariff at all.
    #[error("the service has no tariff")]
    NoTariff,
    /// The date is before the first tariff.
    #[error("no tariff is in force on {date}")]
    NotInForce {
        /// The date asked.
        date: NaiveDate,
    },
    /// The tariff in force has no tier for the urgency asked.
    #[error("this service cannot be done urgently")]
    UrgencyNotOffered,
    /// The sum overflowed (a corrupt tariff).
    #[error("the total is too large")]
    Overflow,
}

/// `05.01.2023`, as dates are written in Ukraine. Written out rather than
/// with chrono's `format`, whose format strings would bring their reader into
/// the WASM bundle.
pub fn dotted(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{}", date.day(), date.month(), date.year())
}

impl Localized for FeeError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::NoTariff => pick(
                lang,
                "Для цієї послуги плата не встановлена.".into(),
                "This service has no fee.".into(),
            ),
            Self::NotInForce { date } => pick(
                lang,
                format!("На {} тариф не встановлено.", dotted(*date)),
                format!("No tariff is in force on {}.", dotted(*date)),
            ),
            Self::UrgencyNotOffered => pick(
                lang,
                "Термінове оформлення для цієї послуги не передбачене.".into(),
                "This service cannot be done urgently.".into(),
            ),
            Self::Overflow => pick(
                lang,
                "Помилка в тарифі.".into(),
                "The tariff is corrupt.".into(),
            ),
        }
    }
}

/// All tariffs of a service, in any order.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct FeeSchedule(pub Vec<Tariff>);

impl FeeSchedule {
    /// The tariff in force on `date`: the latest whose effective-from is not after it.
    pub fn in_force(&self, date: NaiveDate) -> Result<&Tariff, FeeError> {
        if self.0.is_empty() {
            return Err(FeeError::NoTariff);
        }
        self.0
            .iter()
            .filter(|t| t.effective_from <= date)
            .max_by_key(|t| t.effective_from)
            .ok_or(FeeError::NotInForce { date })
    }

    /// The urgencies the tariff in force on `date` offers.
    pub fn urgencies(&self, date: NaiveDate) -> Vec<Urgency> {
        let set: BTreeSet<Urgency> = self
            .in_force(date)
            .map(|t| t.tiers.iter().map(|tier| tier.urgency).collect())
            .unwrap_or_default();
        set.into_iter().collect()
    }

    /// The itemised quote for an application made on `date` with `answers`.
    pub fn quote(&self, date: NaiveDate, answers: &Answers) -> Result<Quote, FeeError> {
        let tariff = self.in_force(date)?;
        let urgency = Urgency::of(answers);
        let tier = tariff
            .tiers
            .iter()
            .find(|t| t.urgency == urgency)
            .ok_or(FeeError::UrgencyNotOffered)?;
        let lines: Vec<QuoteLine> = tier
            .components
            .iter()
            .chain(&tariff.common)
            .map(|c| {
                let exempt = c.exempt_when.as_ref().is_some_and(|w| w.holds(answers));
                QuoteLine {
                    kind: c.kind,
                    label: c.label.clone(),
                    amount: if exempt { Money::ZERO } else { c.amount },
                    list_amount: c.amount,
                    exemption: exempt.then(|| c.exemption_reason.clone().unwrap_or_default()),
                    recipient: c.recipient.clone(),
                }
            })
            .collect();
        let total = Money::sum(lines.iter().map(|l| l.amount)).ok_or(FeeError::Overflow)?;
        Ok(Quote {
            urgency,
            tariff_from: tariff.effective_from,
            lines,
            total,
        })
    }

    /// Every component of every tariff.
    pub fn components(&self) -> impl Iterator<Item = &FeeComponent> {
        self.0.iter().flat_map(|t| {
            t.tiers
                .iter()
                .flat_map(|tier| &tier.components)
                .chain(&t.common)
        })
    }

    /// Every flag the exemptions read.
    pub fn flags_used(&self, into: &mut BTreeSet<Flag>) {
        for t in &self.0 {
            for c in t
                .tiers
                .iter()
                .flat_map(|tier| &tier.components)
                .chain(&t.common)
            {
                if let Some(w) = &c.exempt_when {
                    w.flags(into);
                }
            }
        }
        if self
            .0
            .iter()
            .any(|t| t.tiers.iter().any(|tier| tier.urgency == Urgency::Urgent))
        {
            into.insert(Flag::Urgent);
        }
    }
}
