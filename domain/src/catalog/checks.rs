//! The checks `Catalog::new` runs on each service and office.

use super::error::CatalogError;
use super::{BookingMode, DayHours, Office, Service, ServiceId, WeeklyHours};
use crate::fees::Urgency;
use std::collections::BTreeSet;

pub(super) fn bad(at: &str, detail: &str) -> CatalogError {
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

pub(super) fn check_service(
    s: &Service,
    categories: &BTreeSet<String>,
) -> Result<(), CatalogError> {
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

pub(super) fn check_office(o: &Office, services: &[Service]) -> Result<(), CatalogError> {
    let at = format!("office {}", o.id);
    if [&o.name, &o.region, &o.city, &o.address]
        .iter()
        .any(|t| t.is_blank())
    {
        return Err(CatalogError::BlankText { at });
    }
    check_week(&at, &o.hours)?;
    if o.online_share_percent > 100 || o.online_shares.values().any(|p| *p > 100) {
        return Err(bad(&at, "online share is a percentage"));
    }
    if let Some(id) = o.online_shares.keys().find(|id| !o.serves(id)) {
        return Err(CatalogError::UnknownReference {
            at: format!("{at} online_shares"),
            target: id.0.clone(),
        });
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
