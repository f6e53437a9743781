//! LiqPay's API v3 (<https://www.liqpay.ua/documentation/en/data_signature>):
//! every request and answer is `data` = base64 of a JSON object and
//! `signature` = base64 of the raw SHA-1 of private key + data + private
//! key. The browser goes to `{base}/api/3/checkout` with both; LiqPay posts
//! both to our `server_url` when a payment's status changes; server calls
//! (`status`, `refund`) go to `{base}/api/request` and are answered in
//! plain JSON. Nothing here stores or logs a key.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use domain::Money;
use serde_json::{json, Value};
use sha1::{Digest, Sha1};
use subtle::ConstantTimeEq;

/// The provider's public address.
pub const LIQPAY_URL: &str = "https://www.liqpay.ua";

/// A merchant's keys.
#[derive(Clone, PartialEq, Eq)]
pub struct Keys {
    /// The public key (`i…`), sent in every request.
    pub public: String,
    /// The private key, only ever hashed.
    pub private: String,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the private key.
        f.debug_struct("Keys")
            .field("public", &self.public)
            .finish_non_exhaustive()
    }
}

/// `signature` of `data` under `private`.
pub fn sign(private: &str, data: &str) -> String {
    let mut h = Sha1::new();
    h.update(private.as_bytes());
    h.update(data.as_bytes());
    h.update(private.as_bytes());
    STANDARD.encode(h.finalize())
}

/// True if `signature` is `data`'s under `private`, compared in constant time.
pub fn verify(private: &str, data: &str, signature: &str) -> bool {
    let expected = sign(private, data);
    expected
        .as_bytes()
        .ct_eq(signature.trim().as_bytes())
        .into()
}

/// `data` for a JSON object.
pub fn encode(params: &Value) -> String {
    STANDARD.encode(params.to_string())
}

/// The JSON object in `data`, if it is one.
pub fn decode(data: &str) -> Option<serde_json::Map<String, Value>> {
    let bytes = STANDARD.decode(data.trim()).ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(m) => Some(m),
        _ => None,
    }
}

/// An amount as LiqPay's JSON number of hryvnias (`345`, `345.5`).
pub fn amount_value(amount: Money) -> Value {
    let k = amount.kopiykas();
    if k.is_multiple_of(100) {
        json!(k / 100)
    } else {
        // Exact: a number of two decimals, written as its text reads.
        serde_json::from_str(&format!("{}.{:02}", k / 100, k % 100)).unwrap_or(Value::Null)
    }
}

/// An amount LiqPay sent (a number or its text) in kopiykas; `None` if it
/// is not a non-negative amount of at most two decimals.
pub fn amount_of(v: &Value) -> Option<Money> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let frac = frac.trim_end_matches('0');
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) || frac.len() > 2 {
        return None;
    }
    if !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let kop: u64 = format!("{frac:0<2}").parse().ok()?;
    let uah: u64 = whole.parse().ok()?;
    Some(Money::from_kopiykas(
        uah.checked_mul(100)?.checked_add(kop)?,
    ))
}

/// A checkout: what the browser is sent to pay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkout {
    /// The order id (`cherga-…`).
    pub order_id: String,
    /// The amount.
    pub amount: Money,
    /// What is paid for, as the payer's bank statement shows it (no
    /// personal data: the ticket's number and the service).
    pub description: String,
    /// Where the payer's browser comes back to.
    pub result_url: String,
    /// Where LiqPay posts the status.
    pub server_url: String,
    /// `uk` or `en`.
    pub language: &'static str,
}

/// The signed `data` and `signature` of `c` for `keys`.
pub fn checkout_request(keys: &Keys, c: &Checkout) -> (String, String) {
    let data = encode(&json!({
        "version": 3,
        "public_key": keys.public,
        "action": "pay",
        "amount": amount_value(c.amount),
        "currency": "UAH",
        "description": c.description,
        "order_id": c.order_id,
        "result_url": c.result_url,
        "server_url": c.server_url,
        "language": c.language,
    }));
    let signature = sign(&keys.private, &data);
    (data, signature)
}

/// The address the browser goes to for checkout `c`: LiqPay's checkout
/// takes the signed request as a GET as well as a form post.
pub fn checkout_url(base: &str, keys: &Keys, c: &Checkout) -> String {
    let (data, signature) = checkout_request(keys, c);
    let q = form_urlencoded(&[("data", &data), ("signature", &signature)]);
    format!("{}/api/3/checkout?{q}", base.trim_end_matches('/'))
}

/// `k=v&…`, each value percent-encoded.
pub fn form_urlencoded(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", percent(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// What a status word means for the payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Meaning {
    /// Paid (`success`; `sandbox` in LiqPay's test mode).
    Paid,
    /// Failed for good (`failure`, `error`).
    Failed,
    /// Returned (`reversed`).
    Reversed,
    /// Anything else: waiting on the payer or the bank (every `*_verify`,
    /// `wait_*`, `processing`, `prepared`, `hold_wait`, …), or a word this
    /// code does not know, which must never count as paid.
    Pending,
}

/// The meaning of LiqPay's status word.
pub fn meaning(status: &str) -> Meaning {
    match status {
        "success" | "sandbox" => Meaning::Paid,
        "failure" | "error" => Meaning::Failed,
        "reversed" => Meaning::Reversed,
        _ => Meaning::Pending,
    }
}

/// LiqPay's word on a payment (a callback's data, or a status answer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The order id.
    pub order_id: String,
    /// The status word.
    pub status: String,
    /// The amount paid.
    pub amount: Money,
    /// The currency.
    pub currency: String,
    /// LiqPay's id of the payment.
    pub payment_id: String,
    /// The merchant's public key it names.
    pub public_key: Option<String>,
}

/// Why LiqPay's word was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NoticeError {
    /// `data` is not base64 of a JSON object.
    #[error("the data is not a JSON object")]
    Shape,
    /// A field is missing or of the wrong kind.
    #[error("the field {0} is missing or malformed")]
    Field(&'static str),
    /// The signature does not match.
    #[error("the signature does not match")]
    Signature,
}

/// Reads LiqPay's answer or callback object.
pub fn notice_of(m: &serde_json::Map<String, Value>) -> Result<Notice, NoticeError> {
    let text = |k: &'static str| -> Result<String, NoticeError> {
        match m.get(k) {
            Some(Value::String(s)) if !s.is_empty() => Ok(s.clone()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            _ => Err(NoticeError::Field(k)),
        }
    };
    Ok(Notice {
        order_id: text("order_id")?,
        status: text("status")?,
        amount: m
            .get("amount")
            .and_then(amount_of)
            .ok_or(NoticeError::Field("amount"))?,
        currency: text("currency")?,
        payment_id: text("payment_id").unwrap_or_default(),
        public_key: text("public_key").ok(),
    })
}

/// A callback's `data` and `signature` checked with `private_of`, which
/// gives the private key for the public key the data names.
pub fn read_callback(
    data: &str,
    signature: &str,
    private_of: impl Fn(&str) -> Option<String>,
) -> Result<Notice, NoticeError> {
    let m = decode(data).ok_or(NoticeError::Shape)?;
    let public = m
        .get("public_key")
        .and_then(Value::as_str)
        .ok_or(NoticeError::Field("public_key"))?;
    let private = private_of(public).ok_or(NoticeError::Signature)?;
    if !verify(&private, data, signature) {
        return Err(NoticeError::Signature);
    }
    notice_of(&m)
}
