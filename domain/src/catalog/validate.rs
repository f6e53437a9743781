use super::{BookingMode, Category, DayHours, Office, OfficeId, Service, ServiceId, WeeklyHours};
use crate::fees::Urgency;
use crate::i18n::{pick, Lang, Localized};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use thiserror::Error;

/// A checked catalog: every reference resolves and every value is sane. Only
/// [`Catalog::new`] builds one, so the rest of the code can trust it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Catalog {
    categories: Vec<Category>,
    services: Vec<Service>,
    offices: Vec<Office>,
}

/// What is wrong with a catalog file. `at` names the entry (ids only, never
/// personal data).
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum CatalogError {
    /// An id is malformed or used twice.
    #[error("{at}: the id is malformed or not unique")]
    BadId {
        /// The entry.
        at: String,
    },
    /// A reference to a category, service or office that does not exist.
    #[error("{at}: refers to unknown {target}")]
    UnknownReference {
        /// The entry.
        at: String,
        /// The missing id.
        target: String,
    },
    /// A required text is blank.
    #[error("{at}: a required text is empty")]
    BlankText {
        /// The entry.
        at: String,
    },
    /// Hours, breaks or closures that cannot be.
    #[error("{at}: the hours are inconsistent")]
    BadHours {
        /// The entry.
        at: String,
    },
    /// Terms, durations, tariffs or shares out of range.
    #[error("{at}: {detail}")]
    BadValue {
        /// The entry.
        at: String,
        /// What is wrong (for the administrator).
        detail: String,
    },
}

impl Localized for CatalogError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::BadId { at } => pick(
                lang,
                format!("{at}: ідентифікатор має неправильний вигляд або повторюється."),
                format!("{at}: the id is malformed or not unique."),
            ),
            Self::UnknownReference { at, target } => pick(
                lang,
                format!("{at}: посилання на невідомий запис «{target}»."),
                format!("{at}: refers to the unknown entry “{target}”."),
            ),
            Self::BlankText { at } => pick(
                lang,
                format!("{at}: обовʼязковий текст порожній."),
                format!("{at}: a required text is empty."),
            ),
            Self::BadHours { at } => pick(
                lang,
                format!("{at}: години роботи, перерви чи дні закриття суперечливі."),
                format!("{at}: the hours, breaks or closures are inconsistent."),
            ),
            Self::BadValue { at, detail } => pick(
                lang,
                format!("{at}: неприпустиме значення ({detail})."),
                format!("{at}: invalid value ({detail})."),
            ),
        }
    }
}

fn bad(at: &str, detail: &str) -> CatalogError {
    CatalogError::BadValue {
        at: at.to_string(),
        detail: detail.to_string(),
    }
}

fn check_day(at: &str, h: &DayHours) -> Result<(), CatalogError> {
    let bad_hours = || CatalogError::BadHours { at: at.to_string() };
    if h.open >= h.close {
        return Err(bad_hours());
    }
    let mut prev_end = h.open;
    let mut breaks = h.breaks.clone();
    breaks.sort();
    for (from, to) in breaks {
        if from < prev_end || from >= to || to > h.close {
            return Err(bad_hours());
        }
        prev_end = to;
    }
    Ok(())
}

fn check_week(at: &str, w: &WeeklyHours) -> Result<(), CatalogError> {
    w.days()
        .try_for_each(|(wd, h)| check_day(&format!("{at}/{wd}"), h))
}

impl Catalog {
    /// Checks and builds a catalog.
    pub fn new(
        categories: Vec<Category>,
        services: Vec<Service>,
        offices: Vec<Office>,
    ) -> Result<Self, CatalogError> {
        let mut seen = BTreeSet::new();
        for c in &categories {
            if c.id.is_empty() || !seen.insert(c.id.clone()) {
                return Err(CatalogError::BadId {
                    at: format!("category {}", c.id),
                });
            }
            if c.name.is_blank() {
                return Err(CatalogError::BlankText {
                    at: format!("category {}", c.id),
                });
            }
        }
        let mut ids = BTreeSet::new();
        let mut prefixes = BTreeSet::new();
        for s in &services {
            check_service(s, &seen)?;
            if !ids.insert(s.id.clone()) {
                return Err(CatalogError::BadId {
                    at: format!("service {}", s.id),
                });
            }
            if !prefixes.insert(s.board_prefix) {
                return Err(bad(&format!("service {}", s.id), "board_prefix used twice"));
            }
        }
        let mut office_ids = BTreeSet::new();
        for o in &offices {
            if o.id.0.is_empty() || !office_ids.insert(o.id.clone()) {
                return Err(CatalogError::BadId {
                    at: format!("office {}", o.id),
                });
            }
            check_office(o, &services)?;
        }
        Ok(Catalog {
            categories,
            services,
            offices,
        })
    }

    /// Categories, in catalog order.
    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// Services, in catalog order.
    pub fn services(&self) -> &[Service] {
        &self.services
    }

    /// Offices, in catalog order.
    pub fn offices(&self) -> &[Office] {
        &self.offices
    }

    /// One service.
    pub fn service(&self, id: &ServiceId) -> Option<&Service> {
        self.services.iter().find(|s| &s.id == id)
    }

    /// One office.
    pub fn office(&self, id: &OfficeId) -> Option<&Office> {
        self.offices.iter().find(|o| &o.id == id)
    }

    /// Offices where a service can be booked online now.
    pub fn offices_booking(&self, service: &ServiceId) -> impl Iterator<Item = &Office> {
        let service = service.clone();
        self.offices
            .iter()
            .filter(move |o| o.books_online(&service))
    }
}

fn check_service(s: &Service, categories: &BTreeSet<String>) -> Result<(), CatalogError> {
    let at = format!("service {}", s.id);
    if !s.id.is_valid() {
        return Err(CatalogError::BadId { at });
    }
    if !categories.contains(&s.category) {
        return Err(CatalogError::UnknownReference {
            at,
            target: s.category.clone(),
        });
    }
    let card = &s.card;
    let texts = [
        &s.name,
        &s.summary,
        &card.result,
        &card.subject,
        &card.grounds,
    ];
    if texts.iter().any(|t| t.is_blank())
        || card.documents.is_empty()
        || card.how_to_apply.is_empty()
    {
        return Err(CatalogError::BlankText { at });
    }
    if !s.board_prefix.is_ascii_uppercase() {
        return Err(bad(&at, "board_prefix must be a letter A-Z"));
    }
    if let BookingMode::Required { minutes } = s.booking {
        if !(5..=240).contains(&minutes) {
            return Err(bad(&at, "a visit lasts 5 to 240 minutes"));
        }
    }
    let term = card.term;
    if term
        .urgent_working_days
        .is_some_and(|u| u == 0 || u >= term.working_days)
    {
        return Err(bad(&at, "the urgent term must be positive and shorter"));
    }
    if card.paid == s.fees.0.is_empty() {
        return Err(bad(
            &at,
            "a paid service needs a tariff and a free one none",
        ));
    }
    let mut dates = BTreeSet::new();
    for t in &s.fees.0 {
        if !dates.insert(t.effective_from) || t.tiers.is_empty() {
            return Err(bad(
                &at,
                "tariffs need distinct dates and at least one tier",
            ));
        }
        let mut urgencies = BTreeSet::new();
        for tier in &t.tiers {
            if !urgencies.insert(tier.urgency) || tier.components.is_empty() {
                return Err(bad(&at, "each urgency once, each with components"));
            }
            if tier.urgency == Urgency::Urgent && term.urgent_working_days.is_none() {
                return Err(bad(&at, "an urgent tariff needs an urgent term"));
            }
        }
        let comps = t
            .tiers
            .iter()
            .flat_map(|tier| &tier.components)
            .chain(&t.common);
        for c in comps {
            if c.amount.kopiykas() == 0 || c.label.is_blank() {
                return Err(bad(&at, "fee components need a label and an amount"));
            }
        }
    }
    Ok(())
}

fn check_office(o: &Office, services: &[Service]) -> Result<(), CatalogError> {
    let at = format!("office {}", o.id);
    if [&o.name, &o.region, &o.city, &o.address]
        .iter()
        .any(|t| t.is_blank())
    {
        return Err(CatalogError::BlankText { at });
    }
    check_week(&at, &o.hours)?;
    if o.online_share_percent > 100 {
        return Err(bad(&at, "online share is a percentage"));
    }
    let known = |id: &ServiceId| services.iter().find(|s| &s.id == id);
    let mut windows = BTreeSet::new();
    for w in &o.windows {
        let wat = format!("{at} window {}", w.id);
        if w.id.is_empty() || !windows.insert(w.id.clone()) {
            return Err(CatalogError::BadId { at: wat });
        }
        if let Some(missing) = w.services.iter().find(|s| known(s).is_none()) {
            return Err(CatalogError::UnknownReference {
                at: wat,
                target: missing.0.clone(),
            });
        }
        if let Some(h) = &w.hours {
            check_week(&wat, h)?;
        }
    }
    for id in &o.online_services {
        let Some(service) = known(id) else {
            return Err(CatalogError::UnknownReference {
                at,
                target: id.0.clone(),
            });
        };
        if service.booking_minutes().is_none() || !o.serves(id) {
            return Err(bad(
                &at,
                &format!("{id} is booked online but needs no booking or no window serves it"),
            ));
        }
    }
    if o.closures
        .iter()
        .any(|c| c.from > c.to || c.reason.is_blank())
    {
        return Err(CatalogError::BadHours { at });
    }
    Ok(())
}

/// The catalog data file as written (`data/catalog.toml`), before checking.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CatalogFile {
    /// Categories.
    #[serde(default, rename = "category")]
    pub categories: Vec<Category>,
    /// Services.
    #[serde(default, rename = "service")]
    pub services: Vec<Service>,
    /// Offices.
    #[serde(default, rename = "office")]
    pub offices: Vec<Office>,
}

impl CatalogFile {
    /// Checks the file and builds the catalog.
    pub fn check(self) -> Result<Catalog, CatalogError> {
        Catalog::new(self.categories, self.services, self.offices)
    }
}
