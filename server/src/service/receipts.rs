//! Receipts: a paid payment's receipt as a PDF for its holder, and any
//! receipt checked by its code (`/check`), with no personal data beyond
//! initials.

use super::tickets::made_on;
use super::Services;
use crate::pay::receipt::{render, Layout, ReceiptData};
use app::api::context::{ClientAddr, SharedSession};
use app::api::{ApiError, CheckRequest, ReceiptCheck};
use domain::catalog::{OfficeId, ServiceId};
use domain::pay::{PayError, PayState, ReceiptCode};
use domain::Lang;

impl Services {
    /// `check_receipt`: whether `req.code` is a receipt of this system, and
    /// what it paid. A code that cannot be one is refused before any lookup;
    /// one that names nothing paid answers as not found. Rate-limited per
    /// client (`--rate-check`) before it gets here.
    pub(super) async fn check_receipt(
        &self,
        req: &CheckRequest,
        _client: ClientAddr,
    ) -> Result<ReceiptCheck, ApiError> {
        let current = self.state();
        let not_found = || ApiError::not_found("receipt");
        if req.code.len() > 64 {
            return Err(PayError::BadCode.into());
        }
        let code = ReceiptCode::parse(&req.code).map_err(|_| PayError::BadCode)?;
        let row = self
            .store
            .payment_by_code(code.as_str())
            .await?
            .ok_or_else(not_found)?;
        let state = match row.status.as_str() {
            "paid" => PayState::Paid,
            "refunded" => PayState::Refunded,
            _ => return Err(not_found()),
        };
        let t = self
            .store
            .ticket_by_id(&row.ticket_id)
            .await?
            .ok_or_else(not_found)?;
        let part = self
            .parts_of(&t)
            .into_iter()
            .find(|p| p.recipient == row.recipient);
        let service = current.service(&ServiceId(t.service.clone()))?;
        let office = current.office(&OfficeId(t.office.clone()))?;
        let person = self.store.ticket_names(&t.id).await?.unwrap_or_default();
        Ok(ReceiptCheck {
            code: code.to_string(),
            state,
            amount: domain::Money::from_kopiykas(u64::try_from(row.amount).unwrap_or(0)),
            labels: part.map(|p| p.labels).unwrap_or_default(),
            service_name: service.name.clone(),
            recipient_name: current
                .catalog
                .recipient(&row.recipient)
                .map(|r| r.name.clone())
                .unwrap_or_default(),
            paid_on: made_on(row.paid_at.unwrap_or(row.created_at)),
            office_name: office.name.clone(),
            number: t.board_number,
            initials: domain::pay::initials(&person.0, &person.1),
            demo: row.provider == "sandbox"
                || current
                    .catalog
                    .recipient(&row.recipient)
                    .is_some_and(|r| r.demo),
        })
    }
}

impl Services {
    /// The PDF receipt of ticket `id`'s paid payment to `recipient`, in
    /// `layout` and `lang`, for the holder of the ticket (its token, or the
    /// session of its contact): its file name and bytes.
    pub async fn receipt_pdf(
        &self,
        (id, token): (&str, &str),
        recipient: &str,
        layout: Layout,
        lang: Lang,
        session: Option<SharedSession>,
    ) -> Result<(String, Vec<u8>), ApiError> {
        let current = self.state();
        let t = self.opened(id, token, session).await?;
        let row = self
            .store
            .payments_of(&t.id)
            .await?
            .into_iter()
            .find(|r| r.recipient == recipient && r.status == "paid")
            .ok_or_else(|| ApiError::not_found("receipt"))?;
        let code = row
            .receipt_code
            .as_deref()
            .and_then(|c| ReceiptCode::parse(c).ok())
            .ok_or(ApiError::Internal)?;
        let to = current
            .catalog
            .recipient(recipient)
            .ok_or(PayError::NothingDue)?;
        let (given, surname, patronymic) =
            self.store.ticket_names(&t.id).await?.unwrap_or_default();
        // As written when it was paid (a row from before the column: now).
        let purpose = match row.purpose.clone() {
            Some(p) => p,
            None => {
                let labels = self
                    .parts_of(&t)
                    .into_iter()
                    .find(|p| p.recipient == recipient)
                    .map(|p| p.labels)
                    .unwrap_or_default();
                self.purpose_of(&t, &labels)
            }
        };
        let sandbox = row.provider == "sandbox";
        let data = ReceiptData {
            code: code.to_string(),
            paid_on: domain::fees::dotted(made_on(row.paid_at.unwrap_or(row.created_at))),
            payer: (!t.erased).then(|| [surname, given, patronymic].join(" ").trim().to_string()),
            recipient: to.name.get(lang).to_string(),
            recipient_code: to.code.clone(),
            iban: to.iban.clone(),
            purpose,
            amount: domain::Money::from_kopiykas(u64::try_from(row.amount).unwrap_or(0)),
            reference: format!(
                "LiqPay{} {}",
                match (sandbox, lang) {
                    (false, _) => "",
                    (true, Lang::Uk) => " (пісочниця)",
                    (true, Lang::En) => " (sandbox)",
                },
                row.provider_ref.clone().unwrap_or_default()
            ),
            check_url: format!("{}/check#{code}", self.public_url().trim_end_matches('/')),
            demo: to.demo || sandbox,
            lang,
        };
        let pdf = render(&data, layout).map_err(|e| {
            tracing::error!(error = %e, "receipt not rendered");
            ApiError::Internal
        })?;
        Ok((format!("cherga-receipt-{}.pdf", code.as_str()), pdf))
    }
}
