//! Online payment of a ticket's fees through a provider speaking LiqPay's
//! API v3 ([`liqpay`]): LiqPay itself, or the sandbox built in for the demo
//! and the tests ([`sandbox`], served under `/sandbox/liqpay/`), which
//! speaks the same protocol with keys of its own. Each recipient of fees is
//! a merchant with its own keys.

pub mod liqpay;
pub mod receipt;
pub mod routes;
pub mod sandbox;

use clap::{Args, ValueEnum};
use liqpay::{Keys, Notice};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Which provider takes the payments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ProviderKind {
    /// The sandbox built in: no money moves (the demo's default).
    #[default]
    Sandbox,
    /// LiqPay, with the merchants' keys from `CHERGA_LIQPAY_KEYS`.
    Liqpay,
}

/// How fees are paid online.
#[derive(Debug, Clone, Args, Default)]
pub struct PayArgs {
    /// `sandbox` (no money moves; its checkout page is served by Cherga
    /// under /sandbox/liqpay/) or `liqpay`.
    #[arg(
        long,
        env = "CHERGA_PAY_PROVIDER",
        value_enum,
        default_value = "sandbox"
    )]
    pub pay_provider: ProviderKind,
    /// LiqPay's address (for `liqpay`).
    #[arg(long, env = "CHERGA_LIQPAY_URL", default_value = liqpay::LIQPAY_URL)]
    pub liqpay_url: String,
    /// For `liqpay`: a TOML file of each recipient's merchant keys,
    /// `[recipient-id]` with `public_key` and `private_key`, readable by the
    /// server's user only; from the environment only, never a flag.
    #[arg(skip = std::env::var("CHERGA_LIQPAY_KEYS").ok().filter(|p| !p.is_empty()))]
    pub liqpay_keys: Option<String>,
}

/// Why the payment set-up cannot start.
#[derive(Debug, thiserror::Error)]
pub enum PayConfigError {
    /// The keys file cannot be read or parsed (its text is never shown).
    #[error("the LiqPay keys file {0}: {1}")]
    Keys(String, String),
    /// `liqpay` without keys.
    #[error("--pay-provider liqpay needs CHERGA_LIQPAY_KEYS")]
    NoKeys,
}

#[derive(serde::Deserialize)]
struct KeyEntry {
    public_key: String,
    private_key: String,
}

/// Reads the merchants' keys file.
pub fn read_keys(path: &str) -> Result<BTreeMap<String, Keys>, PayConfigError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| PayConfigError::Keys(path.into(), e.kind().to_string()))?;
    let entries: BTreeMap<String, KeyEntry> = toml::from_str(&text)
        .map_err(|_| PayConfigError::Keys(path.into(), "not a table of keys".into()))?;
    Ok(entries
        .into_iter()
        .map(|(id, k)| {
            let keys = Keys {
                public: k.public_key,
                private: k.private_key,
            };
            (id, keys)
        })
        .collect())
}

/// Why the provider's answer could not be had.
#[derive(Debug, thiserror::Error)]
pub enum ProviderError {
    /// No keys for the recipient.
    #[error("no merchant keys for the recipient")]
    NoKeys,
    /// The network or the provider failed.
    #[error("the provider did not answer: {0}")]
    Transport(String),
    /// The answer is not LiqPay's (or says it does not know the order).
    #[error("the provider's answer: {0}")]
    Answer(String),
}

/// The provider as the services use it.
#[derive(Debug, Clone)]
pub struct Provider {
    /// The provider's address (`https://www.liqpay.ua`, or the sandbox's).
    pub base: String,
    /// Each recipient's merchant keys.
    pub keys: Arc<BTreeMap<String, Keys>>,
    /// True for the sandbox built in.
    pub sandbox: bool,
    client: reqwest::Client,
}

impl Provider {
    /// A provider at `base` with `keys`.
    pub fn new(base: String, keys: BTreeMap<String, Keys>, sandbox: bool) -> Provider {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Provider {
            base,
            keys: Arc::new(keys),
            sandbox,
            client,
        }
    }

    /// The private key of the merchant whose public key is `public`.
    pub fn private_of(&self, public: &str) -> Option<String> {
        self.keys
            .values()
            .find(|k| k.public == public)
            .map(|k| k.private.clone())
    }

    /// A server-to-server call (`{base}/api/request`) for `recipient`;
    /// LiqPay answers in plain JSON.
    async fn request(
        &self,
        recipient: &str,
        mut params: serde_json::Value,
    ) -> Result<serde_json::Map<String, serde_json::Value>, ProviderError> {
        let keys = self.keys.get(recipient).ok_or(ProviderError::NoKeys)?;
        params["version"] = 3.into();
        params["public_key"] = keys.public.clone().into();
        let data = liqpay::encode(&params);
        let signature = liqpay::sign(&keys.private, &data);
        let body = liqpay::form_urlencoded(&[("data", &data), ("signature", &signature)]);
        let res = self
            .client
            .post(format!("{}/api/request", self.base.trim_end_matches('/')))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .map_err(|e| ProviderError::Transport(e.without_url().to_string()))?;
        let value: serde_json::Value = res
            .json()
            .await
            .map_err(|e| ProviderError::Transport(e.without_url().to_string()))?;
        match value {
            serde_json::Value::Object(m) => Ok(m),
            _ => Err(ProviderError::Answer("not an object".into())),
        }
    }

    /// The status of order `order_id` of `recipient` (`action: status`).
    pub async fn status(&self, recipient: &str, order_id: &str) -> Result<Notice, ProviderError> {
        let m = self
            .request(
                recipient,
                serde_json::json!({"action": "status", "order_id": order_id}),
            )
            .await?;
        liqpay::notice_of(&m).map_err(|e| ProviderError::Answer(e.to_string()))
    }

    /// Refunds `amount` of order `order_id` of `recipient` (`action: refund`).
    pub async fn refund(
        &self,
        recipient: &str,
        order_id: &str,
        amount: domain::Money,
    ) -> Result<String, ProviderError> {
        let m = self
            .request(
                recipient,
                serde_json::json!({"action": "refund", "order_id": order_id,
                    "amount": liqpay::amount_value(amount)}),
            )
            .await?;
        match m.get("status").and_then(|s| s.as_str()) {
            Some(s) => Ok(s.to_string()),
            None => Err(ProviderError::Answer("no status".into())),
        }
    }
}
