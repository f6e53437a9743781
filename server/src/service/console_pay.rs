//! Payments at the office: the console shows the payments of the ticket at
//! the window, and records a receipt paid at a bank outside the system
//! (its code, bank and amount), which then pays for that ticket only.

use super::secrets::random_id;
use super::Services;
use crate::store::BankReceipt;
use domain::office::staff::Staff;
use domain::pay::{bank_code, PayError};
use domain::slots::kyiv_today;
use office::api::{BankReceiptRequest, ConsoleView, StaffError, TicketPayment, WindowRequest};

/// The longest bank name kept.
const BANK_NAME_MAX: usize = 100;

impl Services {
    /// The payments of ticket `id`, one per recipient, as the console shows them.
    pub(super) async fn console_payments(
        &self,
        id: &str,
    ) -> Result<Vec<TicketPayment>, StaffError> {
        let current = self.state();
        let Some(t) = self.store.ticket_by_id(id).await? else {
            return Ok(Vec::new());
        };
        let parts = self.parts_of(&t);
        if parts.is_empty() {
            return Ok(Vec::new());
        }
        let rows = self.store.payments_of(id).await?;
        Ok(parts
            .into_iter()
            .map(|p| {
                let (state, paid) = super::payments::standing(&rows, &p.recipient);
                TicketPayment {
                    recipient_name: current
                        .catalog
                        .recipient(&p.recipient)
                        .map(|r| r.name.clone())
                        .unwrap_or_default(),
                    recipient: p.recipient,
                    amount: p.amount,
                    state,
                    code: paid.and_then(|r| r.receipt_code.clone()),
                    bank: paid
                        .filter(|r| r.provider == "bank")
                        .and_then(|r| r.provider_ref.clone()),
                }
            })
            .collect())
    }

    /// `console_bank_receipt`: records a bank's receipt for a ticket of the
    /// office's day: its amount must be the one due to its recipient, and
    /// its code must not have paid for anything before.
    pub async fn bank_receipt(
        &self,
        staff: &Staff,
        req: &BankReceiptRequest,
    ) -> Result<ConsoleView, StaffError> {
        let current = self.state();
        let (office, window) =
            self.window_of(&current, staff, req.office.as_deref(), &req.window)?;
        let not_found = || StaffError::NotFound {
            what: "ticket".into(),
        };
        let now = self.now();
        let t = self
            .store
            .ticket_by_id(&req.ticket)
            .await?
            .filter(|t| t.office == office.id.0 && t.day == kyiv_today(now))
            .ok_or_else(not_found)?;
        let code = bank_code(&req.code)?;
        let bank = req.bank.trim();
        if bank.is_empty() || bank.chars().count() > BANK_NAME_MAX {
            return Err(StaffError::BadRequest {
                detail: "bank: 1 to 100 characters".into(),
            });
        }
        let part = self
            .parts_of(&t)
            .into_iter()
            .find(|p| p.recipient == req.recipient)
            .ok_or(PayError::NothingDue)?;
        if part.amount != req.amount {
            return Err(PayError::WrongAmount.into());
        }
        let purpose = self.purpose_of(&t, &part.labels);
        let receipt = BankReceipt {
            id: random_id().map_err(|_| StaffError::Internal)?,
            ticket_id: t.id.clone(),
            recipient: part.recipient,
            amount: i64::try_from(part.amount.kopiykas()).map_err(|_| StaffError::Internal)?,
            code,
            bank: bank.to_string(),
            purpose,
            actor: staff.actor().stored(),
            now: now.timestamp(),
        };
        self.store.record_bank_receipt(receipt).await??;
        let window = WindowRequest {
            office: req.office.clone(),
            window: window.id.clone(),
        };
        self.console(staff, &window).await
    }
}
