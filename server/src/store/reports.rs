//! The aggregates of an office's days for its reports (`service::reports`),
//! read by SQL on the database: counts grouped there, durations read as
//! numbers (their median and 90th percentile are `domain::reports`'s).

use super::error::StoreError;
use super::rows::{day_text, parse_time};
use super::tx::args;
use super::Store;
use chrono::{NaiveDate, NaiveTime};

/// What a report is made of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportRows {
    /// `(day, walk-in, status, tickets)`.
    pub counts: Vec<(String, bool, String, i64)>,
    /// `(day, seconds from checking in to the first call)`.
    pub waits: Vec<(String, i64)>,
    /// `(service, seconds from the start of the service to its end)`.
    pub service_times: Vec<(String, i64)>,
    /// `(day, start, end, visits)` of the times booked online and not
    /// cancelled.
    pub booked: Vec<(String, NaiveTime, NaiveTime, i64)>,
}

/// The office's tickets of the days `$2..=$3`.
const OF_DAYS: &str = "office_id = $1 AND day >= $2 AND day <= $3";

impl Store {
    /// The rows of office `office`'s report for the days `from..=to`.
    pub async fn report_rows(
        &self,
        office: &str,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<ReportRows, StoreError> {
        let range = || args![office, day_text(from), day_text(to)];
        let counts = self
            .read(
                &format!(
                    "SELECT day, walk_in, status, COUNT(*) FROM tickets WHERE {OF_DAYS}
                      GROUP BY day, walk_in, status"
                ),
                range(),
            )
            .await?
            .iter()
            .map(|r| Ok((r.text(0)?, r.int(1)? == 1, r.text(2)?, r.int(3)?)))
            .collect::<Result<_, StoreError>>()?;
        // From the first check-in (or a walk-in's ticket) to the first call,
        // as the ticket keeps them: a ticket put back joins again later, but
        // it waited from the start.
        let waits = self
            .read(
                &format!(
                    "SELECT day, first_called_at - first_joined_at FROM tickets
                      WHERE {OF_DAYS} AND first_called_at IS NOT NULL AND first_joined_at IS NOT NULL"
                ),
                range(),
            )
            .await?
            .iter()
            .map(|r| Ok((r.text(0)?, r.int(1)?)))
            .collect::<Result<_, StoreError>>()?;
        let service_times = self
            .read(
                &format!(
                    "SELECT service_id, served_at - serving_at FROM tickets
                      WHERE {OF_DAYS} AND status = 'served' AND serving_at IS NOT NULL
                        AND served_at IS NOT NULL"
                ),
                range(),
            )
            .await?
            .iter()
            .map(|r| Ok((r.text(0)?, r.int(1)?)))
            .collect::<Result<_, StoreError>>()?;
        let booked = self
            .read(
                &format!(
                    "SELECT day, start_time, end_time, COUNT(*) FROM tickets
                      WHERE {OF_DAYS} AND walk_in = 0 AND status <> 'cancelled'
                      GROUP BY day, start_time, end_time"
                ),
                range(),
            )
            .await?
            .iter()
            .map(|r| {
                Ok((
                    r.text(0)?,
                    parse_time(&r.text(1)?)?,
                    parse_time(&r.text(2)?)?,
                    r.int(3)?,
                ))
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(ReportRows {
            counts,
            waits,
            service_times,
            booked,
        })
    }
}
