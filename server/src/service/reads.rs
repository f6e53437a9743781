use super::cache::AnswerKey;
use super::Services;
use app::api::*;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use domain::catalog::{Office, OfficeId, Service, ServiceId};
use domain::slots::{
    availability, closed_reason, day_slots, kyiv_today, online_booking, visit_minutes, Occupancy,
    SlotError,
};
use domain::Text;

/// The catalog and the calendar in force.
#[derive(Debug)]
pub struct CatalogState {
    /// The checked catalog.
    pub catalog: domain::catalog::Catalog,
    /// The working-day calendar.
    pub calendar: domain::calendar::WorkingCalendar,
    /// The calendar's years as stored (what the system administrator edits).
    pub years: Vec<domain::calendar::YearCalendar>,
    /// Its version as stored (each change adds one).
    pub version: i64,
}

/// How many alternatives a "taken" answer proposes.
const ALTERNATIVES: usize = 4;

impl Services {
    pub(super) fn today(&self) -> NaiveDate {
        kyiv_today(self.now())
    }

    pub(super) fn catalog(&self) -> CatalogList {
        let current = self.state();
        let catalog = &current.catalog;
        let today = self.today();
        let mut notices: Vec<Text> = Vec::new();
        for n in catalog.offices().iter().flat_map(|o| o.notices_on(today)) {
            if !notices.contains(&n.text) {
                notices.push(n.text.clone());
            }
        }
        CatalogList {
            categories: catalog.categories().to_vec(),
            services: catalog
                .services()
                .iter()
                .map(ServiceSummary::from)
                .collect(),
            notices,
        }
    }

    pub(super) fn service(&self, id: &ServiceId) -> Result<ServiceDetails, ApiError> {
        let current = self.state();
        let service = current.service(id)?;
        Ok(ServiceDetails {
            service: service.clone(),
            questions: service.questions(),
            calendar: current.calendar.clone(),
            today: self.today(),
        })
    }

    /// The offices where `id` can be booked (or is served, but not online); a
    /// service that needs no booking has no office to choose.
    pub(super) fn offices(&self, id: &ServiceId) -> Result<Vec<OfficeView>, ApiError> {
        let current = self.state();
        visit_minutes(current.service(id)?)?;
        let today = self.today();
        let mut offices: Vec<&Office> = current
            .catalog
            .offices()
            .iter()
            .filter(|o| o.serves(id))
            .collect();
        offices.sort_by(|a, b| {
            (&a.region.uk, &a.city.uk, &a.name.uk).cmp(&(&b.region.uk, &b.city.uk, &b.name.uk))
        });
        Ok(offices
            .into_iter()
            .map(|o| OfficeView::new(o, id, today))
            .collect())
    }

    /// Checks the office books the service online, and returns both.
    fn bookable<'a>(
        &self,
        current: &'a CatalogState,
        service: &ServiceId,
        office: &OfficeId,
    ) -> Result<(&'a Service, &'a Office), ApiError> {
        let s = current.service(service)?;
        let o = current.office(office)?;
        online_booking(o, s)?;
        Ok((s, o))
    }

    /// The first and last date of the horizon.
    fn horizon_span(&self) -> Result<(NaiveDate, NaiveDate), ApiError> {
        let current = self.state();
        let dates = self
            .horizon
            .dates(self.now(), &current.calendar)
            .map_err(SlotError::from)?;
        match (dates.first(), dates.last()) {
            (Some(first), Some(last)) => Ok((*first, *last)),
            _ => Err(SlotError::OutsideHorizon.into()),
        }
    }

    pub(super) async fn days(
        &self,
        service: &ServiceId,
        office: &OfficeId,
    ) -> Result<Vec<DayView>, ApiError> {
        let current = self.state();
        let (s, o) = self.bookable(&current, service, office)?;
        let dates = self
            .horizon
            .dates(self.now(), &current.calendar)
            .map_err(SlotError::from)?;
        let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
            return Ok(Vec::new());
        };
        let key = AnswerKey::Days {
            service: s.id.0.clone(),
            first: *first,
        };
        self.kept(o, (*first, *last), key, |taken| {
            dates
                .iter()
                .map(|date| self.day_view(s, o, *date, taken))
                .collect()
        })
        .await
    }

    /// The answer `key` at office `o` over `span` now: kept from an earlier
    /// read while still true, else computed by `compute` (see
    /// [`super::cache::OccupancyCache::answer`]).
    async fn kept<T, F>(
        &self,
        o: &Office,
        span: (NaiveDate, NaiveDate),
        key: AnswerKey,
        compute: F,
    ) -> Result<T, ApiError>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce(&[(NaiveDate, Occupancy)]) -> Result<T, ApiError>,
    {
        let now = self.now().timestamp();
        let answer = self
            .cache
            .answer(&self.store, &o.id.0, span, now, key, compute)
            .await?;
        Ok(answer.as_ref().clone())
    }

    fn day_view(
        &self,
        s: &Service,
        o: &Office,
        date: NaiveDate,
        taken: &[(NaiveDate, Occupancy)],
    ) -> Result<DayView, ApiError> {
        let current = self.state();
        let slots = day_slots(o, s, date, &current.calendar)?;
        if slots.is_empty() {
            return Ok(DayView {
                date,
                free: 0,
                closed: Some(closed_reason(o, date, &current.calendar)),
            });
        }
        let free = availability(&slots, &s.id.0, &on_day(taken, date))
            .iter()
            .map(|f| u32::from(f.free))
            .sum();
        Ok(DayView {
            date,
            free,
            closed: None,
        })
    }

    pub(super) async fn times(&self, req: &TimesRequest) -> Result<Vec<TimeView>, ApiError> {
        let current = self.state();
        let (s, o) = self.bookable(&current, &req.service, &req.office)?;
        if !self
            .horizon
            .contains(self.now(), req.date, &current.calendar)
            .map_err(SlotError::from)?
        {
            return Err(SlotError::OutsideHorizon.into());
        }
        // Over the whole horizon of the office, as `days` reads it: one cache
        // entry serves both. The day's slots are laid out only when the answer
        // is not kept (a day of 30 windows is some 750 window names).
        let key = AnswerKey::Times {
            service: s.id.0.clone(),
            date: req.date,
        };
        self.kept(o, self.horizon_span()?, key, |taken| {
            let slots = day_slots(o, s, req.date, &current.calendar)?;
            Ok(availability(&slots, &s.id.0, &on_day(taken, req.date))
                .into_iter()
                .map(|f| TimeView {
                    start: f.start,
                    end: f.end,
                    free: f.free,
                })
                .collect())
        })
        .await
    }

    /// The free times of the horizon nearest to `date` `time`, for a "taken" answer.
    pub(super) async fn alternatives(
        &self,
        service: &ServiceId,
        office: &OfficeId,
        date: NaiveDate,
        time: NaiveTime,
    ) -> Vec<SlotRef> {
        let current = self.state();
        let Ok((s, o)) = self.bookable(&current, service, office) else {
            return Vec::new();
        };
        let Ok(dates) = self.horizon.dates(self.now(), &current.calendar) else {
            return Vec::new();
        };
        let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
            return Vec::new();
        };
        let now = self.now().timestamp();
        let Ok(taken) = self.cache.taken(&self.store, &o.id.0, *first, *last).await else {
            return Vec::new();
        };
        let wanted = NaiveDateTime::new(date, time);
        let away = |r: &SlotRef| (NaiveDateTime::new(r.date, r.time) - wanted).abs();
        // The nearest dates first; a date `k` days away holds no time nearer
        // than `k - 1` days, so once enough times are found nearer than
        // that, the dates further on are not worked out (after a refusal in
        // a rush, every refused hold asks this).
        let mut by_distance = dates.clone();
        by_distance.sort_by_key(|d| (*d - date).num_days().abs());
        let mut free: Vec<SlotRef> = Vec::new();
        for d in by_distance {
            let least = chrono::TimeDelta::days(((d - date).num_days().abs() - 1).max(0));
            if free.len() >= ALTERNATIVES && free.iter().map(away).max() < Some(least) {
                break;
            }
            let slots = day_slots(o, s, d, &current.calendar).unwrap_or_default();
            // Borrowed, not copied: a refusal in a rush reads a full day.
            let on_d = taken
                .iter()
                .filter(|t| t.day == d && t.live(now))
                .map(|t| &t.occupancy);
            free.extend(
                availability(&slots, &s.id.0, on_d)
                    .into_iter()
                    .filter(|f| f.free > 0)
                    .map(|f| SlotRef {
                        date: d,
                        time: f.start,
                    }),
            );
            free.sort_by_key(away);
            free.truncate(ALTERNATIVES);
        }
        free
    }
}

/// What is taken on `date`.
fn on_day(taken: &[(NaiveDate, Occupancy)], date: NaiveDate) -> Vec<Occupancy> {
    taken
        .iter()
        .filter(|(d, _)| *d == date)
        .map(|(_, x)| x.clone())
        .collect()
}
