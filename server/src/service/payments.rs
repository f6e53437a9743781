//! Paying a ticket's fees online (`domain::pay`): the payments a ticket's
//! quote asks for and where each stands, a checkout for one of them, and
//! the provider's word taken once however often it comes.
//!
//! The amount charged is the server's: the quote of the tariff in force on
//! the day the ticket was made, never a figure from the browser. A callback
//! whose signature, merchant, currency or amount is not what was asked
//! changes nothing and is logged without personal data.

use super::secrets::{random, random_id};
use super::tickets::made_on;
use super::Services;
use crate::pay::liqpay::{self, Checkout, Meaning, Notice};
use crate::pay::sandbox::Sandbox;
use crate::pay::Provider;
use crate::store::{Outcome, PaymentRow, Recorded, StoredTicket};
use app::api::context::SharedSession;
use app::api::{ApiError, PayRequest, PayStart, PaymentView, TicketView};
use axum::http::StatusCode;
use domain::checklist::Answers;
use domain::fees::Quote;
use domain::pay::{order_id, parts, payment_of_order, Part, PayError, PayState, ReceiptCode};
use domain::ticket::TicketStatus;
use std::sync::Arc;

/// The payment side of the services: the provider, and the sandbox when
/// it is the provider.
#[derive(Debug, Clone, Default)]
pub struct PaySide {
    pub(super) provider: Option<Provider>,
    pub(super) sandbox: Option<Arc<Sandbox>>,
}

/// Where the payment to `recipient` stands by its tries `rows`, with the
/// paid one: paid if any try is, else refunded, else pending while the
/// last try waits, else unpaid.
pub(super) fn standing<'a>(
    rows: &'a [PaymentRow],
    recipient: &str,
) -> (PayState, Option<&'a PaymentRow>) {
    let mine: Vec<&PaymentRow> = rows.iter().filter(|r| r.recipient == recipient).collect();
    let paid = mine.iter().copied().find(|r| r.status == "paid");
    let state = match paid {
        Some(_) => PayState::Paid,
        None if mine.iter().any(|r| r.status == "refunded") => PayState::Refunded,
        None if mine.last().is_some_and(|r| r.status == "pending") => PayState::Pending,
        None => PayState::Unpaid,
    };
    (state, paid)
}

impl Services {
    /// The quote of ticket `t` (the tariff in force on the day it was made)
    /// and its payments as nothing paid yet.
    pub(super) fn fees_of(&self, t: &StoredTicket) -> (Option<Quote>, Vec<PaymentView>) {
        let current = self.state();
        let Ok(service) = current.service(&domain::catalog::ServiceId(t.service.clone())) else {
            return (None, Vec::new());
        };
        let answers: Answers = serde_json::from_str(&t.answers).unwrap_or_default();
        let quote = service.fees.quote(made_on(t.created_at), &answers).ok();
        let parts = quote.as_ref().and_then(parts).unwrap_or_default();
        (quote, self.payment_views(parts, &[]))
    }

    /// The payments ticket `t` asks for (one per recipient of its quote).
    pub(super) fn parts_of(&self, t: &StoredTicket) -> Vec<Part> {
        let current = self.state();
        let Ok(service) = current.service(&domain::catalog::ServiceId(t.service.clone())) else {
            return Vec::new();
        };
        let answers: Answers = serde_json::from_str(&t.answers).unwrap_or_default();
        service
            .fees
            .quote(made_on(t.created_at), &answers)
            .ok()
            .and_then(|q| parts(&q))
            .unwrap_or_default()
    }

    /// The views of `parts`, where each stands by the payment `rows`.
    fn payment_views(&self, parts: Vec<Part>, rows: &[PaymentRow]) -> Vec<PaymentView> {
        let current = self.state();
        parts
            .into_iter()
            .map(|p| {
                let (state, paid) = standing(rows, &p.recipient);
                let recipient = current.catalog.recipient(&p.recipient);
                PaymentView {
                    recipient_name: recipient.map(|r| r.name.clone()).unwrap_or_default(),
                    demo: recipient.is_some_and(|r| r.demo),
                    recipient: p.recipient,
                    labels: p.labels,
                    amount: p.amount,
                    state,
                    receipt_code: paid
                        .and_then(|r| r.receipt_code.as_deref())
                        .and_then(|c| ReceiptCode::parse(c).ok())
                        .map(|c| c.to_string()),
                    paid_on: paid.and_then(|r| r.paid_at).map(made_on),
                }
            })
            .collect()
    }

    /// `view` with where each of its payments stands.
    pub(super) async fn with_payment_views(
        &self,
        t: &StoredTicket,
        mut view: TicketView,
    ) -> Result<TicketView, ApiError> {
        if view.payments.is_empty() {
            return Ok(view);
        }
        let rows = self.store.payments_of(&t.id).await?;
        view.payments = self.payment_views(self.parts_of(t), &rows);
        Ok(view)
    }

    /// What a payment of ticket `t` for the lines `labels` pays for, in
    /// Ukrainian as payments in Ukraine are written: the service, the lines,
    /// the ticket's number, day and office. Kept with the payment, so the
    /// receipt stays the same if the ticket moves later.
    pub(super) fn purpose_of(&self, t: &StoredTicket, labels: &[domain::Text]) -> String {
        let current = self.state();
        let uk = domain::Lang::Uk;
        let name = |id: &str| {
            current
                .service(&domain::catalog::ServiceId(id.to_string()))
                .map(|s| s.name.get(uk).to_string())
                .unwrap_or_default()
        };
        let office = self
            .state()
            .office(&domain::catalog::OfficeId(t.office.clone()))
            .map(|o| o.name.get(uk).to_string())
            .unwrap_or_default();
        let lines: Vec<&str> = labels.iter().map(|l| l.get(uk)).collect();
        let day = domain::fees::dotted(t.day);
        format!(
            "{}: {}; талон {}, {day}, {office}",
            name(&t.service),
            lines.join(", "),
            t.board_number
        )
    }

    /// `pay`: a new try for the payment of `req.recipient`, and the
    /// checkout's address for it.
    pub(super) async fn pay(
        &self,
        req: &PayRequest,
        session: Option<SharedSession>,
    ) -> Result<PayStart, ApiError> {
        let t = self.opened(&req.id, &req.token, session).await?;
        let status = TicketStatus::parse(&t.status)
            .unwrap_or(TicketStatus::Annulled)
            .as_of(t.day, self.today());
        if !status.is_active() {
            return Err(ApiError::Ticket { status });
        }
        let part = self
            .parts_of(&t)
            .into_iter()
            .find(|p| p.recipient == req.recipient)
            .ok_or(PayError::NothingDue)?;
        let rows = self.store.payments_of(&t.id).await?;
        if rows
            .iter()
            .any(|r| r.recipient == part.recipient && r.status == "paid")
        {
            return Err(PayError::AlreadyPaid.into());
        }
        let provider = self.pay.provider.as_ref().ok_or(PayError::Unavailable)?;
        let keys = provider
            .keys
            .get(&part.recipient)
            .ok_or(PayError::Unavailable)?;
        let id = random_id()?;
        let lang = req.lang;
        let labels: Vec<&str> = part.labels.iter().map(|l| l.get(lang)).collect();
        let description = format!("{} {}: {}", t.board_number, t.day, labels.join(", "));
        let public = self.public_url().trim_end_matches('/');
        let checkout = Checkout {
            order_id: order_id(&id),
            amount: part.amount,
            description,
            result_url: format!("{public}/tickets/{}", t.id),
            server_url: format!("{public}{}", crate::pay::routes::CALLBACK_PATH),
            language: lang.tag(),
        };
        let purpose = self.purpose_of(&t, &part.labels);
        self.store
            .new_payment(PaymentRow {
                id,
                ticket_id: t.id.clone(),
                recipient: part.recipient,
                amount: i64::try_from(part.amount.kopiykas()).map_err(|_| ApiError::Internal)?,
                // A sandbox payment moved no money: it says so for ever.
                provider: if provider.sandbox {
                    "sandbox"
                } else {
                    "liqpay"
                }
                .into(),
                status: "pending".into(),
                provider_ref: None,
                receipt_code: None,
                created_at: self.now().timestamp(),
                paid_at: None,
                purpose: Some(purpose),
            })
            .await?;
        Ok(PayStart {
            url: liqpay::checkout_url(&provider.base, keys, &checkout),
        })
    }

    /// LiqPay's callback: 200 once taken (or known already), 400 if its
    /// signature is not one of our merchants'.
    pub async fn liqpay_callback(&self, data: &str, signature: &str) -> StatusCode {
        let Some(provider) = &self.pay.provider else {
            return StatusCode::NOT_FOUND;
        };
        match liqpay::read_callback(data, signature, |p| provider.private_of(p)) {
            Ok(notice) => {
                self.take_notice(&notice).await;
                StatusCode::OK
            }
            Err(e) => {
                tracing::warn!(reason = %e, "payment callback refused");
                crate::metrics::refused("payment_callback", "pay");
                StatusCode::BAD_REQUEST
            }
        }
    }

    /// Takes the provider's word on a payment, checked against what was
    /// asked; recorded once.
    pub(super) async fn take_notice(&self, n: &Notice) -> Option<Recorded> {
        let refuse = |why: &'static str| {
            tracing::warn!(reason = why, "payment notice not taken");
            crate::metrics::refused(why, "pay");
            None
        };
        let Some(id) = payment_of_order(&n.order_id) else {
            return refuse("unknown_order");
        };
        let Ok(Some(row)) = self.store.payment(id).await else {
            return refuse("unknown_order");
        };
        let provider = self.pay.provider.as_ref()?;
        let merchant = provider.keys.get(&row.recipient).map(|k| k.public.as_str());
        if n.public_key.is_some() && n.public_key.as_deref() != merchant {
            return refuse("other_merchant");
        }
        let meaning = liqpay::meaning(&n.status);
        let asked = u64::try_from(row.amount).unwrap_or(0);
        if meaning != Meaning::Failed && (n.currency != "UAH" || n.amount.kopiykas() != asked) {
            return refuse("other_amount");
        }
        let outcome = match meaning {
            Meaning::Paid => Outcome::Paid {
                reference: n.payment_id.clone(),
                code: ReceiptCode::from_random(random::<10>().ok()?)
                    .as_str()
                    .to_string(),
            },
            Meaning::Failed => Outcome::Failed(n.status.clone()),
            Meaning::Reversed => Outcome::Reversed(n.status.clone()),
            Meaning::Pending => Outcome::Pending(n.status.clone()),
        };
        let now = self.now().timestamp();
        let recorded = self
            .store
            .record_payment(&row.ticket_id, &row.id, outcome, "liqpay", now)
            .await
            .ok()?;
        if recorded == Recorded::Duplicate {
            tracing::warn!(payment = %row.id, "a second payment of one recipient: refunded");
            self.refund(&row).await;
        }
        Some(recorded)
    }
}
