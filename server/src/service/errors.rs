//! The one place where storage's answers become the wire error.

use super::Services;
use crate::store::{HoldRow, StoreError};
use app::api::ApiError;
use chrono::{NaiveDate, NaiveTime};
use domain::catalog::{OfficeId, ServiceId};
use domain::limits::{Limit, Limited};
use domain::ticket::TransitionError;

/// Seconds a client is asked to wait when the server is busy.
pub const BUSY_RETRY_SECONDS: i64 = 2;

impl From<StoreError> for ApiError {
    /// The wire error of a store's refusal; `Taken` and `HoldExpired` go out
    /// with no alternatives here (`Services::refused` adds them).
    fn from(e: StoreError) -> Self {
        match e {
            // The applicant's calls change nothing an administrator changes.
            StoreError::Failed | StoreError::Stale => ApiError::Internal,
            StoreError::Busy => ApiError::Limited {
                cause: Limited::new(Limit::Busy, BUSY_RETRY_SECONDS),
            },
            StoreError::Limited(cause) => ApiError::Limited { cause },
            StoreError::NotFound(what) => ApiError::not_found(what),
            StoreError::Taken => ApiError::Taken {
                alternatives: Vec::new(),
            },
            StoreError::HoldExpired => ApiError::HoldExpired {
                alternatives: Vec::new(),
            },
            StoreError::Booking(cause) => ApiError::Booking { cause },
            StoreError::KeyReused => ApiError::BadRequest {
                detail: "the idempotency key was used for another request".into(),
            },
            StoreError::Ticket(TransitionError::NotAllowed { status, .. }) => {
                ApiError::Ticket { status }
            }
            // The applicant's changes are all permitted and none is a payment:
            // either would be a fault here.
            StoreError::Ticket(e @ (TransitionError::Forbidden | TransitionError::AlreadyPaid)) => {
                tracing::error!(error = %e, "a ticket change the service should not ask");
                ApiError::Internal
            }
        }
    }
}

/// Where a refused booking wanted to be, for the nearest free times.
#[derive(Debug, Clone, Copy)]
pub(super) struct Wanted<'a> {
    pub service: &'a ServiceId,
    pub office: &'a OfficeId,
    pub date: NaiveDate,
    pub time: NaiveTime,
}

impl Services {
    /// [`Services::refused`] for a write that used the hold `hold` of
    /// `service` at `office` (a confirm, a reschedule).
    pub(super) async fn refused_at(
        &self,
        e: StoreError,
        service: &ServiceId,
        office: &OfficeId,
        hold: &HoldRow,
    ) -> ApiError {
        let wanted = Wanted {
            service,
            office,
            date: hold.day,
            time: hold.start,
        };
        self.refused(e, wanted).await
    }

    /// The wire error of a refused hold or confirm: a time that is gone comes
    /// with the nearest free times of the same office.
    pub(super) async fn refused(&self, e: StoreError, wanted: Wanted<'_>) -> ApiError {
        let alternatives =
            || self.alternatives(wanted.service, wanted.office, wanted.date, wanted.time);
        match e {
            StoreError::Taken => ApiError::Taken {
                alternatives: alternatives().await,
            },
            StoreError::HoldExpired => ApiError::HoldExpired {
                alternatives: alternatives().await,
            },
            other => other.into(),
        }
    }
}
