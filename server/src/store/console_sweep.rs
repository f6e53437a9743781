//! Reads and sweeps beside the console's changes: where a ticket is, and
//! the annulment of the applicants said not here once their grace time is
//! over.

use super::console::Change;
use super::error::StoreError;
use super::tx::args;
use super::Store;
use chrono::NaiveDate;
use domain::ticket::{transition, Actor, TicketEvent, TicketStatus};

impl Store {
    /// The office, day and stored status of ticket `id`, if it exists.
    pub async fn ticket_place(
        &self,
        id: &str,
    ) -> Result<Option<(String, NaiveDate, String)>, StoreError> {
        let rows = self
            .lookup(
                "SELECT office_id, day, status FROM tickets WHERE id = $1",
                args![id],
            )
            .await?;
        rows.first()
            .map(|r| Ok((r.text(0)?, super::rows::parse_day(&r.text(1)?)?, r.text(2)?)))
            .transpose()
    }

    /// Tickets said not here whose applicant's grace time after the last
    /// call ended by `now` (last called at or before `called_by`): each
    /// annulled by the system under its queue's lock. Answers how many.
    pub async fn annul_absent(&self, called_by: i64, now: i64) -> Result<u64, StoreError> {
        let due = self
            .read(
                "SELECT DISTINCT office_id, day FROM tickets WHERE absent_at IS NOT NULL AND status = 'called' AND called_at <= $1",
                args![called_by],
            )
            .await?;
        let mut annulled = 0;
        for r in &due {
            let (office, day) = (r.text(0)?, super::rows::parse_day(&r.text(1)?)?);
            let n = self
                .change_queue(&office, day, Actor::System, now, move |rows| {
                    let changes: Vec<Change> = rows
                        .iter()
                        .filter(|t| t.status == "called" && t.absent_at.is_some())
                        .filter(|t| t.called_at.is_some_and(|c| c <= called_by))
                        .filter_map(|t| {
                            let to = transition(
                                TicketStatus::Called,
                                TicketEvent::MarkAbsent,
                                &Actor::System,
                            )
                            .ok()?;
                            Some(Change {
                                id: t.id.clone(),
                                from: t.status.clone(),
                                event: Some(TicketEvent::MarkAbsent),
                                to,
                                sets: Vec::new(),
                            })
                        })
                        .collect();
                    let n = changes.len() as u64;
                    Ok::<_, std::convert::Infallible>((changes, n))
                })
                .await?;
            annulled += n.unwrap_or_else(|never| match never {});
        }
        Ok(annulled)
    }

    /// The latest `limit` service times (seconds, oldest first) of
    /// `service` at `office`: from the start of service to its end.
    pub async fn recent_service_seconds(
        &self,
        office: &str,
        service: &str,
        limit: usize,
    ) -> Result<Vec<u32>, StoreError> {
        let rows = self
            .read(
                "SELECT served_at - serving_at FROM tickets
                 WHERE office_id = $1 AND COALESCE(target_service, service_id) = $2
                   AND served_at IS NOT NULL AND serving_at IS NOT NULL
                 ORDER BY served_at DESC LIMIT $3",
                args![office, service, i64::try_from(limit).unwrap_or(i64::MAX)],
            )
            .await?;
        let mut seconds = rows
            .iter()
            .map(|r| Ok(u32::try_from(r.int(0)?.max(0)).unwrap_or(u32::MAX)))
            .collect::<Result<Vec<_>, StoreError>>()?;
        seconds.reverse();
        Ok(seconds)
    }
}
