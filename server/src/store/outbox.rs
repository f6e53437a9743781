//! The outbox: messages queued in the transaction of the change they tell of,
//! claimed by one sender (of any node) and marked when sent. See
//! `migrations/0005_outbox.sql`.

use super::error::StoreError;
use super::tx::{args, internal, Tx};
use super::Store;

pub use domain::notice::MessageKind;

/// A message whose turn has come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueuedMessage {
    /// Its id (what it is about).
    pub id: String,
    /// The ticket it tells of.
    pub ticket_id: Option<String>,
    /// What it tells.
    pub kind: String,
    /// `email` or `sms`.
    pub channel: String,
    /// Tries made before this one.
    pub attempts: i64,
    /// A message not about a ticket (a sign-in code): its address, its
    /// secret, its language.
    pub recipient: Option<String>,
    /// The code.
    pub secret: Option<String>,
    /// The language.
    pub lang: Option<String>,
    /// When it was queued.
    pub created_at: i64,
}

/// A row of the outbox as the operator reads it (`cherga outbox`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxEntry {
    /// Its id.
    pub id: String,
    /// What it tells.
    pub kind: String,
    /// `email` or `sms`.
    pub channel: String,
    /// queued, sent, dropped or failed.
    pub state: String,
    /// Tries made.
    pub attempts: i64,
    /// When it was queued (Unix seconds).
    pub created_at: i64,
    /// The class of the last failure.
    pub last_error: Option<String>,
    /// The ticket it tells of.
    pub ticket_id: Option<String>,
    /// A sign-in code not sent yet (erased once sent or void).
    pub code: Option<String>,
}

/// The messages of ticket `ticket_id` telling `kind`, one per contact the
/// ticket has (an e-mail, an SMS), due at once. `about` makes the id unique
/// to the event (a reminder's day, a move's instant). A message about the
/// same event queued already (by another node) stays as it is. A new
/// booking or move message supersedes the ones about the ticket's earlier
/// time still waiting (and a disruption's, which the move answered).
pub(super) async fn queue_messages(
    tx: &mut dyn Tx,
    ticket_id: &str,
    kind: MessageKind,
    about: &str,
    now: i64,
) -> Result<(), StoreError> {
    if matches!(kind, MessageKind::Moved | MessageKind::Cancelled) {
        // By the ids' prefixes (the primary key), so the table needs no
        // index of its own on the ticket.
        tx.exec(
            "UPDATE outbox SET state = 'dropped'
             WHERE state = 'queued'
               AND ((id >= $1 AND id < $2) OR (id >= $3 AND id < $4) OR (id >= $5 AND id < $6))",
            args![
                format!("booked:{ticket_id}:"),
                format!("booked:{ticket_id};"),
                format!("moved:{ticket_id}:"),
                format!("moved:{ticket_id};"),
                format!("disrupted:{ticket_id}:"),
                format!("disrupted:{ticket_id};")
            ],
        )
        .await
        .map_err(internal)?;
    }
    let prefix = format!("{}:{ticket_id}:{about}", kind.as_str());
    tx.exec(
        "INSERT INTO outbox (id, ticket_id, kind, channel, created_at, due_at)
         SELECT $1 || ':' || c.channel, t.id, $2, c.channel, $3, $3
           FROM tickets t
           JOIN (SELECT 'email' AS channel UNION ALL SELECT 'sms' AS channel) c
             ON (c.channel = 'email' AND t.email IS NOT NULL) OR (c.channel = 'sms' AND t.phone IS NOT NULL)
          WHERE t.id = $4
         ON CONFLICT (id) DO NOTHING",
        args![&prefix, kind.as_str(), now, ticket_id],
    )
    .await
    .map_err(internal)?;
    Ok(())
}

impl Store {
    /// Up to `limit` messages due at `now` on `channels` and not claimed by a
    /// sender, oldest first.
    pub async fn due_messages(
        &self,
        now: i64,
        channels: &[&str],
        limit: i64,
    ) -> Result<Vec<QueuedMessage>, StoreError> {
        if channels.is_empty() {
            return Ok(Vec::new());
        }
        let email = channels.contains(&"email").then_some("email");
        let sms = channels.contains(&"sms").then_some("sms");
        let rows = self
            .read(
                "SELECT id, ticket_id, kind, channel, attempts, recipient, secret, lang, created_at FROM outbox
                 WHERE state = 'queued' AND due_at <= $1 AND claimed_until < $1
                   AND (channel = $2 OR channel = $3)
                 ORDER BY due_at LIMIT $4",
                args![
                    now,
                    email.unwrap_or("-").to_string(),
                    sms.unwrap_or("-").to_string(),
                    limit
                ],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(QueuedMessage {
                    id: r.text(0)?,
                    ticket_id: r.maybe_text(1)?,
                    kind: r.text(2)?,
                    channel: r.text(3)?,
                    attempts: r.int(4)?,
                    recipient: r.maybe_text(5)?,
                    secret: r.maybe_text(6)?,
                    lang: r.maybe_text(7)?,
                    created_at: r.int(8)?,
                })
            })
            .collect()
    }

    /// Claims message `id` for `lease` seconds from `now`: true for exactly one
    /// of the senders (of any node) asking at once; false if another holds it
    /// or it is no longer queued.
    pub async fn claim_message(&self, id: &str, now: i64, lease: i64) -> Result<bool, StoreError> {
        let claimed = self
            .write_one(
                format!("outbox:{id}"),
                "UPDATE outbox SET claimed_until = $2, attempts = attempts + 1
                 WHERE id = $1 AND state = 'queued' AND claimed_until < $3",
                args![id, now + lease, now],
            )
            .await?;
        Ok(claimed == 1)
    }

    /// Marks claimed message `id` `state` (sent, dropped, failed) at `now`.
    pub async fn finish_message(
        &self,
        id: &str,
        state: &'static str,
        error: Option<&'static str>,
        now: i64,
    ) -> Result<(), StoreError> {
        self.write_one(
            format!("outbox:{id}"),
            "UPDATE outbox SET state = $2, sent_at = $3, claimed_until = 0, last_error = $4,
                    recipient = NULL, secret = NULL
             WHERE id = $1",
            args![id, state, now, error.map(str::to_string)],
        )
        .await
        .map(drop)
    }

    /// Puts claimed message `id` back in the queue, due at `due` (a failed
    /// try; `error` is the failure's class).
    pub async fn retry_message(
        &self,
        id: &str,
        due: i64,
        error: &'static str,
    ) -> Result<(), StoreError> {
        self.write_one(
            format!("outbox:{id}"),
            "UPDATE outbox SET due_at = $2, claimed_until = 0, last_error = $3 WHERE id = $1",
            args![id, due, error],
        )
        .await
        .map(drop)
    }

    /// The last `limit` messages, newest first (for the operator).
    pub async fn outbox(&self, limit: i64) -> Result<Vec<OutboxEntry>, StoreError> {
        let rows = self
            .read(
                "SELECT id, kind, channel, state, attempts, created_at, last_error, ticket_id, secret
                   FROM outbox ORDER BY created_at DESC, id LIMIT $1",
                args![limit],
            )
            .await?;
        rows.iter()
            .map(|r| {
                Ok(OutboxEntry {
                    id: r.text(0)?,
                    kind: r.text(1)?,
                    channel: r.text(2)?,
                    state: r.text(3)?,
                    attempts: r.int(4)?,
                    created_at: r.int(5)?,
                    last_error: r.maybe_text(6)?,
                    ticket_id: r.maybe_text(7)?,
                    code: r.maybe_text(8)?,
                })
            })
            .collect()
    }
}
