//! The administrator's changes of an office (`admin_office`, `admin_preview`,
//! `admin_save`): checked by the catalog's own rules (`domain`), previewed
//! with the tickets they leave without their time, saved as the catalog's
//! next version with the audit trail's before and after, in force on this
//! node at once and on the others by `NOTIFY` (or their next read of the
//! version). A booked ticket is never moved or cancelled by a change: its
//! applicant is told and chooses another time (`stranded`).

use super::{CatalogState, Services};
use crate::store::{CatalogChange, NewStaffEvent, StoreError};
use chrono::NaiveDate;
use domain::catalog::{stranded, Catalog, Office, OfficeId, OfficeSettings};
use domain::i18n::Text;
use domain::office::staff::{Action, Staff};
use office::api::{
    AdminChangeRequest, AdminEffect, AdminOfficeRequest, AdminOfficeView, AdminService,
    AffectedDay, StaffError,
};
use std::collections::BTreeMap;

/// What a change leaves without its time: per day, the tickets and why.
struct Effect {
    days: BTreeMap<NaiveDate, (u32, Text)>,
    tickets: Vec<String>,
}

impl Services {
    /// The office `office` names (their own by default), once `staff` may
    /// run it.
    fn office_to_run(&self, staff: &Staff, office: Option<&str>) -> Result<OfficeId, StaffError> {
        let id = match (office, &staff.office) {
            (Some(o), _) => OfficeId(o.to_string()),
            (None, Some(own)) => own.clone(),
            (None, None) => {
                return Err(StaffError::BadRequest {
                    detail: "name the office".into(),
                })
            }
        };
        staff.may(Action::RunOffice, &id).inspect_err(|_| {
            tracing::warn!(staff = %staff.id, office = %id, "a change at another office refused");
        })?;
        Ok(id)
    }

    /// An office's settings in force.
    pub async fn admin_office(
        &self,
        staff: &Staff,
        req: &AdminOfficeRequest,
    ) -> Result<AdminOfficeView, StaffError> {
        let id = self.office_to_run(staff, req.office.as_deref())?;
        let current = self.state();
        let office = office_of(&current.catalog, &id)?;
        Ok(AdminOfficeView {
            office: id.0.clone(),
            name: office.name.clone(),
            version: current.version,
            settings: OfficeSettings::of(office),
            services: current
                .catalog
                .services()
                .iter()
                .map(|s| AdminService {
                    id: s.id.0.clone(),
                    name: s.name.clone(),
                    bookable: domain::slots::visit_minutes(s).is_ok(),
                })
                .collect(),
        })
    }

    /// What `req` would do, saving nothing.
    pub async fn admin_preview(
        &self,
        staff: &Staff,
        req: &AdminChangeRequest,
    ) -> Result<AdminEffect, StaffError> {
        self.admin_change(staff, req, false).await
    }

    /// Saves `req` and tells the applicants it disrupts.
    pub async fn admin_save(
        &self,
        staff: &Staff,
        req: &AdminChangeRequest,
    ) -> Result<AdminEffect, StaffError> {
        self.admin_change(staff, req, true).await
    }

    async fn admin_change(
        &self,
        staff: &Staff,
        req: &AdminChangeRequest,
        save: bool,
    ) -> Result<AdminEffect, StaffError> {
        let id = self.office_to_run(staff, req.office.as_deref())?;
        let current = self.state();
        if req.version != current.version {
            return Err(StaffError::Stale);
        }
        let before = office_of(&current.catalog, &id)?;
        let (file, catalog) = current
            .catalog
            .with_settings(&id, req.settings.clone())
            .map_err(|cause| StaffError::Settings { cause })?;
        let after = office_of(&catalog, &id)?;
        let changed = changed_parts(&OfficeSettings::of(before), &req.settings);
        let effect = self.effect(&current, &catalog, before, after).await?;
        let affected = effect
            .days
            .iter()
            .map(|(day, (tickets, reason))| AffectedDay {
                day: *day,
                tickets: *tickets,
                reason: reason.clone(),
            })
            .collect();
        if !save || changed.is_empty() {
            return Ok(AdminEffect {
                version: current.version,
                saved: false,
                changed,
                affected,
            });
        }
        let now = self.now();
        let detail = serde_json::json!({
            "office": id.0,
            "changed": changed,
            "before": OfficeSettings::of(before),
            "after": req.settings,
            "disrupted": effect.tickets.len(),
        });
        let event = NewStaffEvent {
            id: super::secrets::ordered_id(now).map_err(|_| StaffError::Internal)?,
            at: now.timestamp(),
            staff: Some(staff.id.clone()),
            office: Some(id.0.clone()),
            event: "office_settings",
            detail: Some(detail.to_string()),
        };
        let change = CatalogChange {
            from_version: current.version,
            file,
            event,
            disrupted: effect.tickets,
        };
        let version = match self.store.change_catalog(change, now.timestamp()).await {
            Ok(v) => v,
            Err(StoreError::Stale) => return Err(StaffError::Stale),
            Err(e) => return Err(e.into()),
        };
        tracing::info!(staff = %staff.id, office = %id, version, "an office's settings changed");
        self.put_in_force(CatalogState {
            catalog,
            calendar: current.calendar.clone(),
            version,
        });
        self.wake_sender();
        self.announce_office(&id.0).await;
        Ok(AdminEffect {
            version,
            saved: true,
            changed,
            affected,
        })
    }

    /// The tickets booked at the office from today whose time `after`
    /// leaves unserved, and `before` served.
    async fn effect(
        &self,
        current: &CatalogState,
        catalog: &Catalog,
        before: &Office,
        after: &Office,
    ) -> Result<Effect, StaffError> {
        let visits = self.store.booked_visits(&after.id.0, self.today()).await?;
        let mut effect = Effect {
            days: BTreeMap::new(),
            tickets: Vec::new(),
        };
        for v in visits {
            let service = domain::catalog::ServiceId(v.service.clone());
            let Some(service) = catalog.service(&service) else {
                continue;
            };
            let now = stranded(after, service, v.day, v.start, &current.calendar);
            let was = stranded(before, service, v.day, v.start, &current.calendar);
            if let (Some(reason), None) = (now, was) {
                let day = effect.days.entry(v.day).or_insert((0, reason));
                day.0 += 1;
                effect.tickets.push(v.id);
            }
        }
        Ok(effect)
    }
}

fn office_of<'a>(catalog: &'a Catalog, id: &OfficeId) -> Result<&'a Office, StaffError> {
    catalog.office(id).ok_or(StaffError::NotFound {
        what: "office".into(),
    })
}

/// The parts of the settings that differ.
fn changed_parts(before: &OfficeSettings, after: &OfficeSettings) -> Vec<String> {
    let parts = [
        ("hours", before.hours != after.hours),
        ("windows", before.windows != after.windows),
        ("closures", before.closures != after.closures),
        ("notices", before.notices != after.notices),
        (
            "online_booking",
            before.online_booking != after.online_booking,
        ),
        (
            "online_services",
            before.online_services != after.online_services,
        ),
        (
            "online_share_percent",
            before.online_share_percent != after.online_share_percent,
        ),
    ];
    parts
        .into_iter()
        .filter(|(_, differs)| *differs)
        .map(|(part, _)| part.to_string())
        .collect()
}
