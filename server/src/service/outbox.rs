//! Sending the outbox: each round queues the reminders that are due, then
//! claims the messages whose turn has come (one sender of any node gets
//! each), renders them from the ticket as it is now, and sends them. A
//! message no longer true when its turn comes (the reminder of a cancelled
//! ticket, the confirmation of a time since moved) is dropped; a failure
//! is retried with back-off, a refusal given up; the booking is never
//! touched. A message is sent at least once: a sender that dies after
//! sending and before marking it sent leaves it to be sent again when its
//! claim runs out.

use super::Services;
use crate::messages::{text, SendError, Transports};
use crate::store::{MessageKind, QueuedMessage};
use app::api::ApiError;
use domain::notice::RetryRule;
use domain::ticket::ReminderRule;
use domain::Lang;
use std::sync::Arc;
use std::time::Duration;

/// Seconds a sender holds a claimed message before another may take it.
const LEASE_SECS: i64 = 120;
/// Messages claimed in one round.
const BATCH: i64 = 100;
/// How often the reminders due are looked for.
const REMINDER_SCAN: Duration = Duration::from_secs(60);

/// How messages are sent: the transports, the site's public address for the
/// links, the reminder's hour.
#[derive(Debug, Clone)]
pub struct Messaging {
    /// E-mail and SMS, either or none.
    pub transports: Transports,
    /// The site's address as applicants reach it (`https://…`).
    pub public_url: String,
    /// When reminders go.
    pub reminder: ReminderRule,
}

impl Default for Messaging {
    fn default() -> Self {
        Messaging {
            transports: Transports::default(),
            public_url: "http://127.0.0.1:3000".into(),
            reminder: ReminderRule { hour: 18 },
        }
    }
}

/// What a round did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Delivery {
    /// Sent.
    pub sent: u32,
    /// No longer true, not sent.
    pub dropped: u32,
    /// Failed, to be tried again.
    pub retried: u32,
    /// Given up.
    pub failed: u32,
}

enum Outcome {
    Sent,
    Dropped,
}

impl Services {
    /// The same services sending messages as `messaging` says.
    pub fn with_messaging(mut self, messaging: Messaging) -> Self {
        self.messaging = Arc::new(messaging);
        self
    }

    /// The channels messages are sent on (`email`, `sms`).
    pub fn channels(&self) -> Vec<&'static str> {
        self.messaging.transports.channels()
    }

    /// Tells this node's sender that a message was queued (with no
    /// transport there is nothing it could send).
    pub(super) fn wake_sender(&self) {
        if self.messaging.transports.mail.is_some() || self.messaging.transports.sms.is_some() {
            self.wake.notify_one();
        }
    }

    /// Queues the reminders due now (the day before the visit, from the
    /// reminder's hour); returns how many tickets got one. Safe to run on
    /// every node at once.
    pub async fn queue_reminders(&self) -> Result<u64, ApiError> {
        let now = self.now();
        let Some((day, since)) = self.messaging.reminder.due(now) else {
            return Ok(0);
        };
        Ok(self
            .store
            .queue_reminders(day, since.timestamp(), now.timestamp(), 1000)
            .await?)
    }

    /// One round of sending: the messages due on the channels configured.
    pub async fn deliver(&self) -> Result<Delivery, ApiError> {
        let mut done = Delivery::default();
        let channels = self.messaging.transports.channels();
        let now = self.now().timestamp();
        for m in self.store.due_messages(now, &channels, BATCH).await? {
            if !self.store.claim_message(&m.id, now, LEASE_SECS).await? {
                continue;
            }
            let sent = self.send_one(&m).await;
            let now = self.now().timestamp();
            match sent {
                Ok(Outcome::Sent) => {
                    self.store.finish_message(&m.id, "sent", None, now).await?;
                    done.sent += 1;
                }
                Ok(Outcome::Dropped) => {
                    self.store
                        .finish_message(&m.id, "dropped", None, now)
                        .await?;
                    done.dropped += 1;
                }
                Err(e) => match (e, RetryRule::default().next_wait(m.attempts + 1)) {
                    (SendError::Transient(class), Some(wait)) => {
                        tracing::warn!(message = %m.id, class, "a message failed; it will be tried again");
                        self.store.retry_message(&m.id, now + wait, class).await?;
                        done.retried += 1;
                    }
                    (e, _) => {
                        tracing::error!(message = %m.id, class = e.class(), "a message was given up");
                        self.store
                            .finish_message(&m.id, "failed", Some(e.class()), now)
                            .await?;
                        done.failed += 1;
                    }
                },
            }
        }
        Ok(done)
    }

    /// Renders message `m` from its ticket as it is now and sends it.
    async fn send_one(&self, m: &QueuedMessage) -> Result<Outcome, SendError> {
        if m.kind == "code" {
            return self.send_code(m).await;
        }
        let (Some(kind), Some(id)) = (MessageKind::parse(&m.kind), m.ticket_id.as_deref()) else {
            return Ok(Outcome::Dropped);
        };
        let Some(t) = self
            .store
            .message_ticket(id)
            .await
            .map_err(|_| SendError::Transient("store"))?
        else {
            return Ok(Outcome::Dropped);
        };
        let view = self
            .ticket_view(t.ticket, None)
            .map_err(|_| SendError::Permanent("render"))?;
        if !kind.still_true(view.status, view.date, self.today()) {
            return Ok(Outcome::Dropped);
        }
        let lang = Lang::from_tag(&t.lang).unwrap_or(Lang::Uk);
        let base = &self.messaging.public_url;
        let transports = &self.messaging.transports;
        match (m.channel.as_str(), &transports.mail, &transports.sms) {
            ("email", Some(mail), _) => {
                let to = t.email.ok_or(SendError::Permanent("no-address"))?;
                mail.send(&to, &text::email(kind, &view, lang, base))
                    .await?;
            }
            ("sms", _, Some(sms)) => {
                let to = t.phone.ok_or(SendError::Permanent("no-address"))?;
                sms.send(&to, &text::sms(kind, &view, lang, base)).await?;
            }
            _ => return Err(SendError::Transient("no-transport")),
        }
        Ok(Outcome::Sent)
    }

    /// Sends a sign-in code, unless its time is over.
    async fn send_code(&self, m: &QueuedMessage) -> Result<Outcome, SendError> {
        let (Some(to), Some(code)) = (m.recipient.as_deref(), m.secret.as_deref()) else {
            return Ok(Outcome::Dropped);
        };
        if self.now().timestamp() >= m.created_at + self.signin_policy.code_ttl {
            return Ok(Outcome::Dropped);
        }
        let lang = m
            .lang
            .as_deref()
            .and_then(Lang::from_tag)
            .unwrap_or(Lang::Uk);
        let transports = &self.messaging.transports;
        match (m.channel.as_str(), &transports.mail, &transports.sms) {
            ("email", Some(mail), _) => mail.send(to, &text::code_email(code, lang)).await?,
            ("sms", _, Some(sms)) => sms.send(to, &text::code_sms(code, lang)).await?,
            _ => return Err(SendError::Transient("no-transport")),
        }
        Ok(Outcome::Sent)
    }

    /// Sends the outbox for as long as the server runs: at once when this
    /// node queued a message, else every `period` (another node's messages,
    /// retries); the reminders due are looked for once a minute.
    pub async fn deliver_every(self, period: Duration) {
        let mut last_scan: Option<tokio::time::Instant> = None;
        loop {
            if last_scan.is_none_or(|t| t.elapsed() >= REMINDER_SCAN) {
                last_scan = Some(tokio::time::Instant::now());
                if let Ok(n @ 1..) = self.queue_reminders().await {
                    tracing::info!(tickets = n, "queued reminders");
                }
            }
            // A failure is logged where it happened; the next round tries again.
            if let Ok(d) = self.deliver().await {
                if d != Delivery::default() {
                    tracing::info!(
                        sent = d.sent,
                        dropped = d.dropped,
                        retried = d.retried,
                        failed = d.failed,
                        "sent messages"
                    );
                }
            }
            tokio::select! {
                () = self.wake.notified() => {},
                () = tokio::time::sleep(period) => {},
            }
        }
    }
}
