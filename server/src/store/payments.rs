//! Payments (`migrations/0013_payments.sql`): a try per order sent to the
//! provider, and its outcome recorded exactly once. Every change of a
//! ticket's payments is written under the ticket's own payment lock, so two
//! callbacks of one payment (or of two tries for the same recipient) never
//! both record it, on any node; the partial unique index backs that up.

use super::error::StoreError;
use super::queries::record_event;
use super::tx::{args, internal, DbRow};
use super::Store;

/// A payment row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    /// Its id (the order id is `cherga-` and this).
    pub id: String,
    /// The ticket it pays for.
    pub ticket_id: String,
    /// The recipient's id.
    pub recipient: String,
    /// Kopiykas.
    pub amount: i64,
    /// `liqpay`.
    pub provider: String,
    /// `pending`, `paid`, `failed`, `refunded`, `duplicate`.
    pub status: String,
    /// The provider's reference (LiqPay's `payment_id`).
    pub provider_ref: Option<String>,
    /// Paid: the receipt code, without hyphens (ours, or the bank's for a
    /// receipt paid at a bank).
    pub receipt_code: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds, once paid.
    pub paid_at: Option<i64>,
    /// What it paid for, as written when it was made.
    pub purpose: Option<String>,
}

/// The provider's final or passing word on a payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Paid, with the provider's reference and the receipt code to give it.
    Paid {
        /// LiqPay's `payment_id`.
        reference: String,
        /// A fresh receipt code (kept only if this records the payment).
        code: String,
    },
    /// Not final yet (the provider's status word).
    Pending(String),
    /// Failed (the provider's status word).
    Failed(String),
    /// Returned to the payer.
    Reversed(String),
}

/// What recording an outcome did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recorded {
    /// It changed the payment.
    Changed,
    /// Nothing to change: it was recorded before (a repeated callback).
    Already,
    /// Paid while another try of the same recipient was paid: kept apart
    /// as `duplicate`, for a refund.
    Duplicate,
    /// No such payment.
    Unknown,
}

const COLUMNS: &str = "id, ticket_id, recipient, amount, provider, status, provider_ref, COALESCE(receipt_code, bank_code), created_at, paid_at, purpose";

fn payment_row(r: &DbRow) -> Result<PaymentRow, StoreError> {
    Ok(PaymentRow {
        id: r.text(0)?,
        ticket_id: r.text(1)?,
        recipient: r.text(2)?,
        amount: r.int(3)?,
        provider: r.text(4)?,
        status: r.text(5)?,
        provider_ref: r.maybe_text(6)?,
        receipt_code: r.maybe_text(7)?,
        created_at: r.int(8)?,
        paid_at: r.maybe_int(9)?,
        purpose: r.maybe_text(10)?,
    })
}

/// The single number a `COUNT(*)` query answers.
pub(super) async fn count(
    tx: &mut dyn super::tx::Tx,
    sql: &str,
    args: Vec<super::tx::Arg>,
) -> Result<i64, StoreError> {
    let rows = tx.rows(sql, args).await.map_err(internal)?;
    Ok(rows.first().map(|r| r.int(0)).transpose()?.unwrap_or(0))
}

/// Records in ticket `id`'s history that a payment `event` happened (its
/// status stays as it is).
pub(super) async fn payment_event(
    tx: &mut dyn super::tx::Tx,
    id: &str,
    event: &str,
    actor: &str,
    now: i64,
) -> Result<(), StoreError> {
    let rows = tx
        .rows("SELECT status FROM tickets WHERE id = $1", args![id])
        .await
        .map_err(internal)?;
    let status = rows
        .first()
        .map(|r| r.text(0))
        .transpose()?
        .unwrap_or_default();
    record_event(tx, id, (event, &status, &status), actor, now).await?;
    Ok(())
}

pub(super) const PAID_SQL: &str =
    "SELECT COUNT(*) FROM payments WHERE ticket_id = $1 AND recipient = $2 AND status = 'paid'";

pub(super) fn lock(ticket: &str) -> String {
    format!("pay:{ticket}")
}

impl Store {
    /// Writes a new try, `pending`.
    pub async fn new_payment(&self, p: PaymentRow) -> Result<(), StoreError> {
        self.write(&[&lock(&p.ticket_id)], move |tx| {
            Box::pin(async move {
                tx.exec(
                    "INSERT INTO payments (id, ticket_id, recipient, amount, provider, status, created_at, updated_at, purpose)
                     VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6, $7)",
                    args![&p.id, &p.ticket_id, &p.recipient, p.amount, &p.provider, p.created_at, p.purpose],
                )
                .await
                .map_err(internal)?;
                Ok(())
            })
        })
        .await
    }

    /// The payments that `clause` picks, with its `args`.
    async fn payments_where(
        &self,
        clause: &str,
        args: Vec<super::tx::Arg>,
    ) -> Result<Vec<PaymentRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM payments WHERE {clause}");
        self.read(&sql, args)
            .await?
            .iter()
            .map(payment_row)
            .collect()
    }

    /// The payments of ticket `ticket`, oldest first.
    pub async fn payments_of(&self, ticket: &str) -> Result<Vec<PaymentRow>, StoreError> {
        self.payments_where("ticket_id = $1 ORDER BY created_at, id", args![ticket])
            .await
    }

    /// Payment `id`.
    pub async fn payment(&self, id: &str) -> Result<Option<PaymentRow>, StoreError> {
        Ok(self.payments_where("id = $1", args![id]).await?.pop())
    }

    /// The payment whose receipt code is `code` (without hyphens).
    pub async fn payment_by_code(&self, code: &str) -> Result<Option<PaymentRow>, StoreError> {
        Ok(self
            .payments_where("receipt_code = $1", args![code])
            .await?
            .pop())
    }

    /// The given name, surname and patronymic on ticket `id` (a receipt's
    /// payer, and its initials).
    pub async fn ticket_names(
        &self,
        id: &str,
    ) -> Result<Option<(String, String, String)>, StoreError> {
        let rows = self
            .read(
                "SELECT given_name, surname, COALESCE(patronymic, '') FROM tickets WHERE id = $1",
                args![id],
            )
            .await?;
        rows.first()
            .map(|r| Ok((r.text(0)?, r.text(1)?, r.text(2)?)))
            .transpose()
    }

    /// Payments still pending that were made between `from` and `to` (Unix
    /// seconds), oldest first, at most `limit`: those to ask the provider about.
    pub async fn pending_payments(
        &self,
        from: i64,
        to: i64,
        limit: i64,
    ) -> Result<Vec<PaymentRow>, StoreError> {
        self.payments_where(
            "status = 'pending' AND created_at >= $1 AND created_at <= $2 ORDER BY created_at LIMIT $3",
            args![from, to, limit],
        )
        .await
    }

    /// Records `outcome` for payment `id` of ticket `ticket`, once: a
    /// repeated or late word changes nothing. `actor` names the source
    /// (`liqpay`) in the ticket's events.
    pub async fn record_payment(
        &self,
        ticket: &str,
        id: &str,
        outcome: Outcome,
        actor: &'static str,
        now: i64,
    ) -> Result<Recorded, StoreError> {
        let (ticket, id) = (ticket.to_string(), id.to_string());
        self.write(&[&lock(&ticket)], move |tx| {
            Box::pin(async move {
                let row = tx
                    .rows(
                        "SELECT status, recipient FROM payments WHERE id = $1 AND ticket_id = $2",
                        args![&id, &ticket],
                    )
                    .await
                    .map_err(internal)?;
                let Some(row) = row.first() else {
                    return Ok(Recorded::Unknown);
                };
                let (status, recipient) = (row.text(0)?, row.text(1)?);
                let open = matches!(status.as_str(), "pending" | "failed");
                let (new, word, reference, code) = match &outcome {
                    Outcome::Paid { reference, code } if open => {
                        let paid_before = count(tx, PAID_SQL, args![&ticket, &recipient]).await?;
                        if paid_before > 0 {
                            tx.exec(
                                "UPDATE payments SET status = 'duplicate', provider_status = 'success',
                                    provider_ref = $2, updated_at = $3 WHERE id = $1",
                                args![&id, reference, now],
                            )
                            .await
                            .map_err(internal)?;
                            return Ok(Recorded::Duplicate);
                        }
                        ("paid", "success", Some(reference.clone()), Some(code.clone()))
                    }
                    Outcome::Pending(w) if open => ("pending", w.as_str(), None, None),
                    Outcome::Failed(w) if open => ("failed", w.as_str(), None, None),
                    Outcome::Reversed(w) if matches!(status.as_str(), "paid" | "duplicate") => {
                        ("refunded", w.as_str(), None, None)
                    }
                    _ => return Ok(Recorded::Already),
                };
                if new == status {
                    return Ok(Recorded::Already);
                }
                tx.exec(
                    "UPDATE payments SET status = $2, provider_status = $3,
                        provider_ref = COALESCE($4, provider_ref), receipt_code = COALESCE($5, receipt_code),
                        paid_at = CASE WHEN $2 = 'paid' THEN $6 ELSE paid_at END, updated_at = $6
                     WHERE id = $1",
                    args![&id, new, word, reference, code, now],
                )
                .await
                .map_err(internal)?;
                if matches!(new, "paid" | "refunded") {
                    let event = if new == "paid" { "paid" } else { "refunded" };
                    payment_event(tx, &ticket, event, actor, now).await?;
                }
                Ok(Recorded::Changed)
            })
        })
        .await
    }
}
