//! What the sender reads of a ticket, and the reminders of tomorrow's
//! visits, queued by any node at the same time as another, once.

use super::error::StoreError;
use super::outbox::{queue_messages, MessageKind};
use super::rows::*;
use super::tx::args;
use super::Store;
use chrono::NaiveDate;

/// A ticket as its message needs it: the row, its contacts and language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageTicket {
    /// The ticket.
    pub ticket: StoredTicket,
    /// Its phone.
    pub phone: Option<String>,
    /// Its e-mail.
    pub email: Option<String>,
    /// The language it was booked in (`uk`, `en`).
    pub lang: String,
    /// When it was booked (Unix seconds).
    pub created_at: i64,
}

impl Store {
    /// Ticket `id` with what its messages need.
    pub async fn message_ticket(&self, id: &str) -> Result<Option<MessageTicket>, StoreError> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS}, phone, email, lang, created_at FROM tickets WHERE id = $1"
        );
        let rows = self.read(&sql, args![id]).await?;
        let n = TICKET_COLUMNS.split(',').count();
        rows.first()
            .map(|r| {
                Ok(MessageTicket {
                    ticket: ticket_row(r)?,
                    phone: r.maybe_text(n)?,
                    email: r.maybe_text(n + 1)?,
                    lang: r.text(n + 2)?,
                    created_at: r.int(n + 3)?,
                })
            })
            .transpose()
    }

    /// Queues the reminders of the booked tickets of `day` made before
    /// `booked_before` (a ticket booked later has just had its confirmation)
    /// that have none yet; returns how many tickets got one. Any node may
    /// run it at the same time as another: each reminder is queued once.
    pub async fn queue_reminders(
        &self,
        day: NaiveDate,
        booked_before: i64,
        now: i64,
        limit: i64,
    ) -> Result<u64, StoreError> {
        let rows = self
            .read(
                "SELECT t.id FROM tickets t
                  WHERE t.day = $1 AND t.status = 'booked' AND t.created_at < $2
                    AND (t.email IS NOT NULL OR t.phone IS NOT NULL)
                    AND NOT EXISTS (SELECT 1 FROM outbox o
                                    WHERE o.id IN ('reminder:' || t.id || ':' || $1 || ':email',
                                                   'reminder:' || t.id || ':' || $1 || ':sms'))
                  ORDER BY t.id LIMIT $3",
                args![day_text(day), booked_before, limit],
            )
            .await?;
        let ids = rows
            .iter()
            .map(|r| r.text(0))
            .collect::<Result<Vec<_>, StoreError>>()?;
        let n = ids.len() as u64;
        for id in ids {
            let lock = format!("ticket:{id}");
            let about = day_text(day);
            self.write(&[&lock], move |tx| {
                Box::pin(async move {
                    queue_messages(tx, &id, MessageKind::Reminder, &about, now).await
                })
            })
            .await?;
        }
        Ok(n)
    }
}
