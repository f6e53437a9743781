//! The holiday calendar changed by the system administrator
//! (`admin_calendar`, `admin_calendar_preview`, `admin_calendar_save`):
//! a year checked by `domain::holidays`, previewed with the booked tickets
//! it leaves without their time in every office, saved as the catalog's
//! next version as an office's settings are (`admin::preview_or_save`).

use super::admin_effect::{Checked, Effect, Trail};
use super::Services;
use domain::office::staff::Staff;
use office::api::{AdminEffect, CalendarChangeRequest, CalendarView, NoArguments, StaffError};

impl Services {
    /// The years of the calendar in force.
    pub async fn admin_calendar(
        &self,
        staff: &Staff,
        _req: &NoArguments,
    ) -> Result<CalendarView, StaffError> {
        staff.may_run_service()?;
        let current = self.state();
        Ok(CalendarView {
            version: current.version,
            years: current.years.clone(),
        })
    }

    /// What a year's change would do, saving nothing.
    pub async fn admin_calendar_preview(
        &self,
        staff: &Staff,
        req: &CalendarChangeRequest,
    ) -> Result<AdminEffect, StaffError> {
        self.calendar_change(staff, req, false).await
    }

    /// Saves a year's change and tells the applicants it disrupts.
    pub async fn admin_calendar_save(
        &self,
        staff: &Staff,
        req: &CalendarChangeRequest,
    ) -> Result<AdminEffect, StaffError> {
        self.calendar_change(staff, req, true).await
    }

    async fn calendar_change(
        &self,
        staff: &Staff,
        req: &CalendarChangeRequest,
        save: bool,
    ) -> Result<AdminEffect, StaffError> {
        staff.may_run_service()?;
        let current = self.state();
        if req.version != current.version {
            return Err(StaffError::Stale);
        }
        let (years, calendar) = domain::holidays::with_year(&current.years, req.year.clone())
            .map_err(|cause| StaffError::Calendar { cause })?;
        let before = current.years.iter().find(|y| y.year == req.year.year);
        let changed = if before == Some(&req.year) {
            Vec::new()
        } else {
            vec!["calendar".to_string()]
        };
        let mut effect = Effect::default();
        for office in current.catalog.offices() {
            let found = self
                .effect(
                    &current.catalog,
                    (office, &current.calendar),
                    (office, &calendar),
                )
                .await?;
            effect.add(found);
        }
        let what = Trail {
            event: "holiday_calendar",
            office: None,
            detail: serde_json::json!({
                "year": req.year.year,
                "before": before,
                "after": req.year,
                "disrupted": effect.tickets.len(),
            }),
        };
        let checked = Checked {
            file: current.catalog.file(),
            catalog: current.catalog.clone(),
            calendar,
            years,
            changed,
            effect,
        };
        self.preview_or_save(staff, &current, checked, save, what)
            .await
    }
}
