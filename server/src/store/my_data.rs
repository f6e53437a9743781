//! Everything held about one contact, read for the applicant's own copy
//! ("My tickets", `my_data`).

use super::error::StoreError;
use super::tx::{args, DbRow};
use super::Store;

/// A ticket with its personal data, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldTicket {
    /// Id, office, service, day, start, end, board number, status (as stored).
    pub id: String,
    /// Office id.
    pub office: String,
    /// Service id.
    pub service: String,
    /// `YYYY-MM-DD`.
    pub day: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`.
    pub end: String,
    /// The number called.
    pub number: String,
    /// Status.
    pub status: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Surname, given name, patronymic, birth date, tax number, phone, e-mail.
    pub person: [Option<String>; 7],
    /// The answers (JSON).
    pub answers: String,
    /// Unix seconds.
    pub erased_at: Option<i64>,
}

/// A change in a ticket's life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldEvent {
    /// Ticket id.
    pub ticket: String,
    /// Unix seconds.
    pub at: i64,
    /// What happened.
    pub event: String,
    /// The status after it.
    pub status: String,
    /// Who (`applicant`, `officer:ID`, `admin:ID`, `system`).
    pub actor: String,
}

/// A payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldPayment {
    /// Ticket id.
    pub ticket: String,
    /// Whom the fee is for.
    pub recipient: String,
    /// Kopiykas.
    pub amount: i64,
    /// Provider.
    pub provider: String,
    /// Status.
    pub status: String,
    /// The receipt's code.
    pub receipt_code: Option<String>,
    /// Unix seconds.
    pub paid_at: Option<i64>,
}

/// A message about a ticket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldMessage {
    /// Ticket id.
    pub ticket: String,
    /// What it told.
    pub kind: String,
    /// `email` or `sms`.
    pub channel: String,
    /// `queued`, `sent`…
    pub state: String,
    /// Unix seconds.
    pub sent_at: Option<i64>,
}

/// Everything held about a contact.
#[derive(Debug, Clone, Default)]
pub struct Held {
    /// Its tickets, latest visit first.
    pub tickets: Vec<HeldTicket>,
    /// Their changes, each ticket's in order.
    pub events: Vec<HeldEvent>,
    /// Their payments.
    pub payments: Vec<HeldPayment>,
    /// Their messages.
    pub messages: Vec<HeldMessage>,
}

/// The contact's tickets (as "My tickets" finds them).
const MINE: &str = "SELECT id FROM tickets WHERE contact_key = $1 OR email_key = $1";

impl Store {
    /// Everything held about the contact whose key is `key`.
    pub async fn held_about(&self, key: &str) -> Result<Held, StoreError> {
        let rows = self
            .read(
                "SELECT id, office_id, service_id, day, start_time, end_time, board_number, status,
                        created_at, surname, given_name, patronymic, birth_date, rnokpp, phone, email,
                        answers, erased_at
                   FROM tickets WHERE contact_key = $1 OR email_key = $1
                  ORDER BY day DESC, start_time DESC LIMIT 1000",
                args![key],
            )
            .await?;
        let tickets = rows.iter().map(held_ticket).collect::<Result<_, _>>()?;
        let events = self
            .read(
                &format!(
                    "SELECT ticket_id, at, event, to_status, actor FROM ticket_events
                      WHERE ticket_id IN ({MINE}) ORDER BY ticket_id, seq"
                ),
                args![key],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(HeldEvent {
                    ticket: r.text(0)?,
                    at: r.int(1)?,
                    event: r.text(2)?,
                    status: r.text(3)?,
                    actor: r.text(4)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let payments = self
            .read(
                &format!(
                    "SELECT ticket_id, recipient, amount, provider, status, receipt_code, paid_at
                       FROM payments WHERE ticket_id IN ({MINE}) ORDER BY ticket_id, created_at"
                ),
                args![key],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(HeldPayment {
                    ticket: r.text(0)?,
                    recipient: r.text(1)?,
                    amount: r.int(2)?,
                    provider: r.text(3)?,
                    status: r.text(4)?,
                    receipt_code: r.maybe_text(5)?,
                    paid_at: r.maybe_int(6)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        let messages = self
            .read(
                &format!(
                    "SELECT ticket_id, kind, channel, state, sent_at FROM outbox
                      WHERE ticket_id IN ({MINE}) ORDER BY ticket_id, created_at"
                ),
                args![key],
            )
            .await?
            .iter()
            .map(|r| {
                Ok(HeldMessage {
                    ticket: r.text(0)?,
                    kind: r.text(1)?,
                    channel: r.text(2)?,
                    state: r.text(3)?,
                    sent_at: r.maybe_int(4)?,
                })
            })
            .collect::<Result<_, StoreError>>()?;
        Ok(Held {
            tickets,
            events,
            payments,
            messages,
        })
    }
}

fn held_ticket(r: &DbRow) -> Result<HeldTicket, StoreError> {
    let mut person: [Option<String>; 7] = Default::default();
    for (i, p) in person.iter_mut().enumerate() {
        *p = r.maybe_text(9 + i)?;
    }
    Ok(HeldTicket {
        id: r.text(0)?,
        office: r.text(1)?,
        service: r.text(2)?,
        day: r.text(3)?,
        start: r.text(4)?,
        end: r.text(5)?,
        number: r.text(6)?,
        status: r.text(7)?,
        created_at: r.int(8)?,
        person,
        answers: r.text(16)?,
        erased_at: r.maybe_int(17)?,
    })
}
