//! The administrator's changes of an office (`admin_office`, `admin_preview`,
//! `admin_save`): checked by the catalog's own rules (`domain`), previewed
//! with the tickets they leave without their time, saved as the catalog's
//! next version with the audit trail's before and after, in force on this
//! node at once and on the others by `NOTIFY` (or their next read of the
//! version). A booked ticket is never moved or cancelled by a change: its
//! applicant is told and chooses another time (`stranded`).

use super::admin_effect::{affected_days, Checked, Effect, Trail};
use super::{CatalogState, Services};
use crate::store::{CatalogChange, NewStaffEvent, StoreError};
use domain::calendar::WorkingCalendar;
use domain::catalog::{stranded, Catalog, Office, OfficeId, OfficeSettings};
use domain::office::staff::{Action, Staff};
use office::api::{
    AdminChangeRequest, AdminEffect, AdminOfficeRequest, AdminOfficeView, AdminService, StaffError,
};

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
        let was = OfficeSettings::of(before);
        let changed = was.changed_parts(&req.settings);
        let calendar = &current.calendar;
        let effect = self
            .effect(&catalog, (before, calendar), (after, calendar))
            .await?;
        let detail = serde_json::json!({
            "office": id.0,
            "changed": changed,
            "before": was,
            "after": req.settings,
            "disrupted": effect.tickets.len(),
        });
        let checked = Checked {
            file,
            catalog,
            calendar: current.calendar.clone(),
            years: current.years.clone(),
            changed,
            effect,
        };
        let what = Trail {
            event: "office_settings",
            office: Some(id.0.clone()),
            detail,
        };
        let answer = self
            .preview_or_save(staff, &current, checked, save, what)
            .await?;
        if answer.saved {
            self.announce_office(&id.0).await;
        }
        Ok(answer)
    }

    /// Answers what `checked` does; if `save`, and it changes anything,
    /// saves it as the catalog's next version with its entry `what` in the
    /// trail and the messages to the applicants it disrupts, and puts it
    /// in force here.
    pub(super) async fn preview_or_save(
        &self,
        staff: &Staff,
        current: &CatalogState,
        checked: Checked,
        save: bool,
        what: Trail,
    ) -> Result<AdminEffect, StaffError> {
        let affected = affected_days(&checked.effect);
        let changed = checked.changed;
        if !save || changed.is_empty() {
            return Ok(AdminEffect {
                version: current.version,
                saved: false,
                changed,
                affected,
            });
        }
        let now = self.now();
        let event = NewStaffEvent {
            id: super::secrets::ordered_id(now).map_err(|_| StaffError::Internal)?,
            at: now.timestamp(),
            staff: Some(staff.id.clone()),
            office: what.office,
            event: what.event,
            detail: Some(what.detail.to_string()),
        };
        let change = CatalogChange {
            from_version: current.version,
            file: checked.file,
            years: checked.years.clone(),
            event,
            disrupted: checked.effect.tickets,
        };
        let version = match self.store.change_catalog(change, now.timestamp()).await {
            Ok(v) => v,
            Err(StoreError::Stale) => return Err(StaffError::Stale),
            Err(e) => return Err(e.into()),
        };
        tracing::info!(staff = %staff.id, event = what.event, version, "the catalog changed");
        self.put_in_force(CatalogState {
            catalog: checked.catalog,
            calendar: checked.calendar,
            years: checked.years,
            version,
        });
        self.wake_sender();
        Ok(AdminEffect {
            version,
            saved: true,
            changed,
            affected,
        })
    }

    /// The tickets booked at the office from today whose time `after` (an
    /// office's settings and the calendar) leaves unserved, and `before`
    /// served; the services as `catalog` has them.
    pub(super) async fn effect(
        &self,
        catalog: &Catalog,
        before: (&Office, &WorkingCalendar),
        after: (&Office, &WorkingCalendar),
    ) -> Result<Effect, StaffError> {
        let visits = self
            .store
            .booked_visits(&after.0.id.0, self.today())
            .await?;
        let mut effect = Effect::default();
        for v in visits {
            let service = domain::catalog::ServiceId(v.service.clone());
            let Some(service) = catalog.service(&service) else {
                continue;
            };
            let now = stranded(after.0, service, v.day, v.start, &v.window, after.1);
            let was = stranded(before.0, service, v.day, v.start, &v.window, before.1);
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
