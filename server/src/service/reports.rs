//! An office's report (`report`): its days' tickets counted, the waiting
//! from checking in to the call, each service's time at the window. For an
//! office's administrator (their office) and the system administrator.

use super::Services;
use crate::store::ReportRows;
use chrono::NaiveDate;
use domain::catalog::{OfficeId, ServiceId};
use domain::office::staff::{Action, Staff};
use domain::reports::{
    booked_minutes, check_range, full_permille, no_show_permille, open_minutes, spread,
};
use office::api::{Counts, DayFigures, ReportRequest, ReportView, ServiceFigures, StaffError};
use std::collections::BTreeMap;

impl Services {
    /// The report `req` asks for, if `staff` may read it.
    pub async fn report(
        &self,
        staff: &Staff,
        req: &ReportRequest,
    ) -> Result<ReportView, StaffError> {
        let current = self.state();
        let office = match (&req.office, &staff.office) {
            (Some(o), _) => OfficeId(o.clone()),
            (None, Some(own)) => own.clone(),
            (None, None) => {
                return Err(StaffError::BadRequest {
                    detail: "name the office".into(),
                })
            }
        };
        staff.may(Action::ReadReports, &office)?;
        if current.catalog.office(&office).is_none() {
            return Err(StaffError::NotFound {
                what: "office".into(),
            });
        }
        check_range(req.from, req.to).map_err(|e| StaffError::BadRequest {
            detail: e.to_string(),
        })?;
        let rows = self.store.report_rows(&office.0, req.from, req.to).await?;
        Ok(self.figures(office.0, req, rows))
    }

    fn figures(&self, office: String, req: &ReportRequest, rows: ReportRows) -> ReportView {
        let current = self.state();
        let mut days: BTreeMap<String, (Counts, Vec<i64>)> = BTreeMap::new();
        let mut total = Counts::default();
        for (day, walk_in, status, n) in rows.counts {
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            let counts = &mut days.entry(day).or_default().0;
            for c in [&mut *counts, &mut total] {
                *(if walk_in {
                    &mut c.walk_in
                } else {
                    &mut c.online
                }) += n;
                match status.as_str() {
                    "served" => c.served += n,
                    "cancelled" => c.cancelled += n,
                    "annulled" => c.annulled += n,
                    _ => {}
                }
            }
        }
        let mut all_waits = Vec::with_capacity(rows.waits.len());
        for (day, wait) in rows.waits {
            days.entry(day).or_default().1.push(wait);
            all_waits.push(wait);
        }
        let mut booked: BTreeMap<String, u32> = BTreeMap::new();
        for (day, start, end, n) in &rows.booked {
            let visits = u32::try_from(*n).unwrap_or(u32::MAX);
            *booked.entry(day.clone()).or_default() += booked_minutes(*start, *end, visits);
        }
        let the_office = current.catalog.office(&OfficeId(office.clone()));
        let full = |day: NaiveDate, key: &str| {
            let open = the_office.map_or(0, |o| open_minutes(o, day, &current.calendar));
            full_permille(booked.get(key).copied().unwrap_or(0), open)
        };
        let rate = |c: &mut Counts| c.no_show_permille = no_show_permille(c.served, c.annulled);
        rate(&mut total);
        let days = days
            .into_iter()
            .filter_map(|(key, (mut counts, waits))| {
                rate(&mut counts);
                let day = key.parse().ok()?;
                Some(DayFigures {
                    day,
                    counts,
                    waiting: spread(waits),
                    full_permille: full(day, &key),
                })
            })
            .collect();
        let mut times: BTreeMap<String, Vec<i64>> = BTreeMap::new();
        for (service, secs) in rows.service_times {
            times.entry(service).or_default().push(secs);
        }
        let services = times
            .into_iter()
            .filter_map(|(service, secs)| {
                let name = current
                    .catalog
                    .service(&ServiceId(service.clone()))?
                    .name
                    .clone();
                Some(ServiceFigures {
                    service,
                    name,
                    time: spread(secs)?,
                })
            })
            .collect();
        ReportView {
            office,
            from: req.from,
            to: req.to,
            days,
            total,
            waiting: spread(all_waits),
            services,
        }
    }
}
