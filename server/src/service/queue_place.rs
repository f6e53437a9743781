//! A waiting ticket's place at the office: the people called before it and
//! the minutes to its call (`domain::office::estimate`'s rule), for the
//! kiosk's answer and the applicant's ticket page.

use super::console_rules::waiting;
use super::Services;
use crate::store::{QueueRow, StoreError};
use domain::catalog::ServiceId;
use domain::office::{queue, EstimateRule};
use domain::slots::kyiv_today;
use domain::ticket::TicketStatus;

impl Services {
    /// The people called before ticket `id` (checked in, among the day's
    /// `rows` of `office`) and the minutes to its call, by
    /// `domain::office::estimate`'s rule: the latest service times of the
    /// office and service, the windows that serve it, never before an
    /// appointment's time is near. None for a ticket not waiting.
    pub(super) async fn queue_place(
        &self,
        office: &domain::catalog::Office,
        rows: &[QueueRow],
        id: &str,
    ) -> Result<(Option<u32>, Option<u32>), StoreError> {
        let now = self.now();
        let day = kyiv_today(now);
        let checked_in: Vec<_> = rows
            .iter()
            .filter(|r| r.status == "checked_in")
            .map(|r| waiting(r, day, now))
            .collect();
        let Some(index) = checked_in.iter().position(|w| w.item.id == id) else {
            return Ok((None, None));
        };
        let me = checked_in[index].item;
        let rule = self.office.rules.queue;
        let ahead = queue::ahead_of(&checked_in, index, &office.windows, now, rule);
        let service = ServiceId(me.service.clone());
        let windows = office
            .windows
            .iter()
            .filter(|w| w.services.contains(&service))
            .count();
        let estimates = EstimateRule::default();
        let history = self
            .store
            .recent_service_seconds(&office.id.0, &me.service, estimates.recent)
            .await?;
        let not_before = match checked_in[index].kind {
            queue::Kind::Appointment { starts } if !me.requeued => {
                Some(starts - chrono::Duration::minutes(i64::from(rule.lead_minutes)))
            }
            _ => None,
        };
        let estimate = ahead.and_then(|a| {
            let windows = u32::try_from(windows).unwrap_or(u32::MAX);
            estimates.estimate(a, windows, estimates.per_person(&history), now, not_before)
        });
        Ok((ahead, estimate.map(|e| e.minutes)))
    }
}

impl Services {
    /// The applicant's ticket `view` with its place at the office today:
    /// the people ahead and the minutes while it waits, the window once it
    /// is called.
    pub(super) async fn at_the_office(
        &self,
        mut view: app::api::TicketView,
    ) -> Result<app::api::TicketView, app::api::ApiError> {
        let current = self.state();
        let waits = matches!(view.status, TicketStatus::CheckedIn | TicketStatus::Called);
        if !waits || view.date != self.today() {
            return Ok(view);
        }
        let office = current.office(&view.office.id)?;
        let rows = self.store.queue_of_day(&office.id.0, view.date).await?;
        if view.status == TicketStatus::Called {
            view.called_to = rows
                .iter()
                .find(|r| r.id == view.id)
                .and_then(|r| r.called_window.clone());
        } else if let (Some(ahead), Some(minutes)) =
            self.queue_place(office, &rows, &view.id).await?
        {
            view.queue = Some(app::api::QueuePlace { ahead, minutes });
        }
        Ok(view)
    }
}
