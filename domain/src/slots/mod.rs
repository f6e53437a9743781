//! Bookable times: from hours, breaks, closures, windows and the service's
//! duration, the times of a day with their capacity (the number of windows able to
//! serve the service then), the share of it offered online, and the rolling
//! online horizon in Europe/Kyiv time.

use crate::calendar::{CalendarError, WorkingCalendar};
use crate::catalog::{Office, Service};
use crate::i18n::{pick, Lang, Localized, Text};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use chrono_tz::Europe::Kyiv;
use serde::{Deserialize, Serialize};
use thiserror::Error;

mod availability;
mod grid;
pub use availability::{availability, FreeSlot, Occupancy};
use grid::GridSlot;
pub use grid::{day_slots, slot_at};

/// One bookable time of a day at one office for one service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Slot {
    /// Starts (Kyiv local time).
    pub start: NaiveTime,
    /// Ends.
    pub end: NaiveTime,
    /// Windows able to serve the service then.
    pub capacity: u16,
    /// How many of them are offered online.
    pub online: u16,
    /// The windows able to serve then, in catalog order.
    pub windows: Vec<String>,
}

/// How far ahead applicants may book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Horizon {
    /// Working days after today that are open for booking.
    pub working_days: u16,
}

impl Default for Horizon {
    fn default() -> Self {
        Horizon { working_days: 14 }
    }
}

/// Why a time cannot be booked.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SlotError {
    /// The service needs no booking.
    #[error("this service needs no booking")]
    NoBookingNeeded,
    /// The office does not take online bookings for the service.
    #[error("this office does not take online bookings for this service")]
    OnlineBookingOff,
    /// The date is before tomorrow or beyond the horizon.
    #[error("the date is outside the booking period")]
    OutsideHorizon,
    /// The office is closed that day.
    #[error("the office is closed on that day")]
    OfficeClosed,
    /// No such time on that day's grid.
    #[error("there is no such time on that day")]
    NoSuchTime,
    /// The calendar does not cover the date.
    #[error("{cause}")]
    Calendar {
        /// The calendar's own error.
        #[from]
        cause: CalendarError,
    },
}

impl Localized for SlotError {
    fn message(&self, lang: Lang) -> String {
        match self {
            Self::NoBookingNeeded => pick(
                lang,
                "Для цієї послуги записуватися в чергу не потрібно.".into(),
                "This service needs no booking.".into(),
            ),
            Self::OnlineBookingOff => pick(
                lang,
                "У цьому підрозділі онлайн-запис на цю послугу не ведеться.".into(),
                "This office does not take online bookings for this service.".into(),
            ),
            Self::OutsideHorizon => pick(
                lang,
                "На цю дату записатися не можна: оберіть день у межах доступного періоду.".into(),
                "This date cannot be booked: choose a day within the booking period.".into(),
            ),
            Self::OfficeClosed => pick(
                lang,
                "Цього дня підрозділ не працює.".into(),
                "The office is closed on that day.".into(),
            ),
            Self::NoSuchTime => pick(
                lang,
                "Такого часу прийому цього дня немає.".into(),
                "There is no such appointment time on that day.".into(),
            ),
            Self::Calendar { cause } => cause.message(lang),
        }
    }
}

/// Why `office` has no times on `date`: its closure, the holiday, or a day off.
pub fn closed_reason(office: &Office, date: NaiveDate, calendar: &WorkingCalendar) -> Text {
    if let Some(c) = office.closure_on(date) {
        c.reason.clone()
    } else if let Some(h) = calendar.holiday(date) {
        h.clone()
    } else {
        Text::new("Вихідний день", "Day off")
    }
}

/// Today's date in Kyiv at the instant `now`.
pub fn kyiv_today(now: DateTime<Utc>) -> NaiveDate {
    now.with_timezone(&Kyiv).date_naive()
}

/// The Kyiv wall-clock time at the instant `now`.
pub fn kyiv_time(now: DateTime<Utc>) -> NaiveTime {
    now.with_timezone(&Kyiv).time()
}

/// The UTC instant of a Kyiv wall-clock time on `date`, with the UTC offset of
/// that date (not of today): 09:00 is 07:00 UTC in winter and 06:00 UTC in summer.
/// A time skipped by the spring change is `None`; an ambiguous autumn time is the
/// earlier one.
pub fn kyiv_instant(date: NaiveDate, time: NaiveTime) -> Option<DateTime<Utc>> {
    date.and_time(time)
        .and_local_timezone(Kyiv)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
}

impl Horizon {
    /// The calendar dates open for booking at `now`: every date after today (Kyiv)
    /// up to and including the `working_days`-th working day after it. A new day
    /// opens at 00:00 Kyiv time.
    pub fn dates(
        &self,
        now: DateTime<Utc>,
        calendar: &WorkingCalendar,
    ) -> Result<Vec<NaiveDate>, CalendarError> {
        let today = kyiv_today(now);
        let last = calendar.add_working_days(today, u32::from(self.working_days))?;
        Ok(today
            .iter_days()
            .skip(1)
            .take_while(|d| *d <= last)
            .collect())
    }

    /// The midnight lottery: when the horizon opens a new date at 00:00 Kyiv,
    /// the holds of that date asked within `window_seconds` after midnight
    /// are not served as they arrive (by network latency, which favours
    /// whoever sits nearest the server) but all together, in a random order,
    /// at the instant returned here (midnight + the window). `None`: serve at
    /// once (another date, later in the day, or no lottery: a window of 0).
    pub fn lottery_draw(
        &self,
        now: DateTime<Utc>,
        date: NaiveDate,
        calendar: &WorkingCalendar,
        window_seconds: i64,
    ) -> Result<Option<DateTime<Utc>>, CalendarError> {
        let today = kyiv_today(now);
        let Some(midnight) = kyiv_instant(today, NaiveTime::MIN) else {
            return Ok(None);
        };
        let draw = midnight + chrono::TimeDelta::seconds(window_seconds.max(0));
        if window_seconds <= 0 || now >= draw {
            return Ok(None);
        }
        let n = u32::from(self.working_days);
        let last = calendar.add_working_days(today, n)?;
        let yesterday = today.pred_opt().unwrap_or(today);
        let last_yesterday = calendar.add_working_days(yesterday, n)?;
        Ok((date > last_yesterday && date <= last).then_some(draw))
    }

    /// True when `date` is open for booking at `now`.
    pub fn contains(
        &self,
        now: DateTime<Utc>,
        date: NaiveDate,
        calendar: &WorkingCalendar,
    ) -> Result<bool, CalendarError> {
        let today = kyiv_today(now);
        if date <= today {
            return Ok(false);
        }
        let last = calendar.add_working_days(today, u32::from(self.working_days))?;
        Ok(date <= last)
    }
}

/// Minutes one visit of `service` takes; a service that needs no booking has no
/// slots.
pub fn visit_minutes(service: &Service) -> Result<u16, SlotError> {
    service.booking_minutes().ok_or(SlotError::NoBookingNeeded)
}

/// Checks that `office` books `service` online (a service that needs booking).
pub fn online_booking(office: &Office, service: &Service) -> Result<(), SlotError> {
    visit_minutes(service)?;
    if office.books_online(&service.id) {
        Ok(())
    } else {
        Err(SlotError::OnlineBookingOff)
    }
}

/// Checks that `time` on `date` can be booked online for `service` at `office` at
/// the instant `now`, and returns its slot.
pub fn bookable_slot(
    now: DateTime<Utc>,
    horizon: &Horizon,
    office: &Office,
    service: &Service,
    date: NaiveDate,
    time: NaiveTime,
    calendar: &WorkingCalendar,
) -> Result<Slot, SlotError> {
    online_booking(office, service)?;
    if !horizon.contains(now, date, calendar)? {
        return Err(SlotError::OutsideHorizon);
    }
    let (any, slot) = grid::grid_slot_at(office, service, date, time, calendar)?;
    if !any {
        return Err(SlotError::OfficeClosed);
    }
    slot.filter(|s| s.online > 0)
        .map(GridSlot::owned)
        .ok_or(SlotError::NoSuchTime)
}
