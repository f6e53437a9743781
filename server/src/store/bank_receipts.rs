//! Receipts paid at a bank outside the system, recorded at the office: a
//! `bank` payment, paid at once, under the ticket's payment lock; the
//! bank's code pays for one ticket only (a unique index).

use super::error::StoreError;
use super::payments::{count, lock, payment_event, PAID_SQL};
use super::tx::{args, internal};
use super::Store;

/// A receipt paid at a bank, recorded at the office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankReceipt {
    /// A new payment id.
    pub id: String,
    /// The ticket.
    pub ticket_id: String,
    /// The recipient.
    pub recipient: String,
    /// Kopiykas (checked against the amount due before).
    pub amount: i64,
    /// The bank's code, as `domain::pay::bank_code` reads it.
    pub code: String,
    /// The bank's name.
    pub bank: String,
    /// What it paid for.
    pub purpose: String,
    /// Who recorded it (`staff:LOGIN`).
    pub actor: String,
    /// Unix seconds.
    pub now: i64,
}

impl Store {
    /// Records a bank's receipt as the payment of its ticket's recipient,
    /// under the ticket's payment lock: refused if that payment is made, or
    /// if the code is recorded already (the unique index decides between
    /// two offices at once).
    pub async fn record_bank_receipt(
        &self,
        r: BankReceipt,
    ) -> Result<Result<(), domain::pay::PayError>, StoreError> {
        use domain::pay::PayError;
        self.write(&[&lock(&r.ticket_id)], move |tx| {
            Box::pin(async move {
                let paid = count(tx, PAID_SQL, args![&r.ticket_id, &r.recipient]).await?;
                if paid > 0 {
                    return Ok(Err(PayError::AlreadyPaid));
                }
                // Our own receipt codes are not a bank's.
                let ours = count(
                    tx,
                    "SELECT COUNT(*) FROM payments WHERE receipt_code = $1",
                    args![&r.code],
                )
                .await?;
                if ours > 0 {
                    return Ok(Err(PayError::CodeUsed));
                }
                let inserted = tx
                    .exec(
                        "INSERT INTO payments (id, ticket_id, recipient, amount, provider, status, provider_ref,
                            bank_code, created_at, paid_at, updated_at, purpose)
                         VALUES ($1, $2, $3, $4, 'bank', 'paid', $5, $6, $7, $7, $7, $8)",
                        args![&r.id, &r.ticket_id, &r.recipient, r.amount, &r.bank, &r.code, r.now, &r.purpose],
                    )
                    .await;
                match inserted {
                    Err(e) if e.is_unique_on(&["bank_code"]) => return Ok(Err(PayError::CodeUsed)),
                    Err(e) => return Err(internal(e)),
                    Ok(_) => {}
                }
                payment_event(tx, &r.ticket_id, "paid", &r.actor, r.now).await?;
                Ok(Ok(()))
            })
        })
        .await
    }
}
