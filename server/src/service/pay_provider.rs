//! The payment provider's side of the services: which provider (LiqPay,
//! or the sandbox with keys all nodes share), refunds, and the status
//! query for payments whose callback did not come.

use super::payments::PaySide;
use super::Services;
use crate::pay::liqpay::{self, Meaning};
use crate::pay::sandbox::{keys_for, Sandbox};
use crate::pay::{PayArgs, Provider, ProviderKind};
use crate::store::{Outcome, PaymentRow, Recorded};
use domain::pay::order_id;
use std::sync::Arc;

impl Services {
    /// The same services taking payments as `args` says. The sandbox's
    /// merchant keys come from a secret all nodes share.
    pub async fn with_payments(mut self, args: &PayArgs) -> Result<Self, String> {
        let current = self.state();
        let recipients: Vec<String> = current
            .catalog
            .recipients()
            .iter()
            .map(|r| r.id.clone())
            .collect();
        self.pay = match args.pay_provider {
            ProviderKind::Liqpay => {
                let path = args
                    .liqpay_keys
                    .as_deref()
                    .ok_or("CHERGA_LIQPAY_KEYS is not set")?;
                let keys = crate::pay::read_keys(path).map_err(|e| e.to_string())?;
                let provider = Provider::new(args.liqpay_url.clone(), keys, false);
                PaySide {
                    provider: Some(provider),
                    sandbox: None,
                }
            }
            ProviderKind::Sandbox => {
                let fresh = super::proof::Proofs::fresh_key().map_err(|_| "no randomness")?;
                let secret = self
                    .store
                    .shared_secret("liqpay-sandbox", fresh)
                    .await
                    .map_err(|_| "the sandbox's secret")?;
                let keys = keys_for(&secret, &recipients);
                let base = format!("{}{}", self.public_url(), crate::pay::routes::SANDBOX_PATH);
                tracing::warn!(
                    "fees are paid on the built-in LiqPay sandbox: no money moves \
                     (--pay-provider liqpay for a deployment)"
                );
                let provider = Provider::new(base, keys, true);
                let sandbox = Arc::new(Sandbox::new(provider.keys.clone()));
                PaySide {
                    provider: Some(provider),
                    sandbox: Some(sandbox),
                }
            }
        };
        Ok(self)
    }

    /// The sandbox, when it is the provider.
    pub fn sandbox(&self) -> Option<Arc<Sandbox>> {
        self.pay.sandbox.clone()
    }

    /// Refunds payment `row` through the provider, and records it when the
    /// provider says it is returned. A failure is logged; the payment stays
    /// as it was, for the operator (`status` shows it).
    pub(super) async fn refund(&self, row: &PaymentRow) {
        let Some(provider) = &self.pay.provider else {
            return;
        };
        let amount = domain::Money::from_kopiykas(u64::try_from(row.amount).unwrap_or(0));
        match provider
            .refund(&row.recipient, &order_id(&row.id), amount)
            .await
        {
            Ok(status) if liqpay::meaning(&status) == Meaning::Reversed => {
                let now = self.now().timestamp();
                let outcome = Outcome::Reversed(status);
                let _ = self
                    .store
                    .record_payment(&row.ticket_id, &row.id, outcome, "liqpay", now)
                    .await;
            }
            Ok(status) => tracing::warn!(payment = %row.id, %status, "refund not done"),
            Err(e) => tracing::warn!(payment = %row.id, error = %e, "refund not done"),
        }
    }

    /// Refunds every payment of ticket `ticket` that is paid (a ticket the
    /// applicant cancelled).
    pub(super) async fn refund_all(&self, ticket: &str) {
        let Ok(rows) = self.store.payments_of(ticket).await else {
            return;
        };
        for row in rows
            .iter()
            .filter(|r| matches!(r.status.as_str(), "paid" | "duplicate"))
        {
            self.refund(row).await;
        }
    }

    /// Asks the provider about the payments still pending after a minute
    /// (a callback lost on the way), up to `limit` of the last two days.
    pub async fn poll_pending(&self, limit: i64) -> usize {
        let Some(provider) = &self.pay.provider else {
            return 0;
        };
        let now = self.now().timestamp();
        let Ok(rows) = self
            .store
            .pending_payments(now - 2 * 86_400, now - 60, limit)
            .await
        else {
            return 0;
        };
        let mut taken = 0;
        for row in rows {
            match provider.status(&row.recipient, &order_id(&row.id)).await {
                Ok(n) => {
                    if self.take_notice(&n).await == Some(Recorded::Changed) {
                        taken += 1;
                    }
                }
                Err(e) => tracing::info!(error = %e, "payment status not known yet"),
            }
        }
        taken
    }

    /// Asks about the payments still pending every `period`, for as long as
    /// the server runs.
    pub async fn poll_payments_every(self, period: std::time::Duration) {
        let mut every = tokio::time::interval(period);
        loop {
            every.tick().await;
            let n = self.poll_pending(50).await;
            if n > 0 {
                tracing::info!(payments = n, "took the provider's word on payments");
            }
        }
    }
}
