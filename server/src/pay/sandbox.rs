//! The payment sandbox: a stand-in for LiqPay that speaks its API v3, served
//! by Cherga under `/sandbox/liqpay/` so that the demo shows the whole flow
//! (pay → paid → receipt) without the internet, and the tests drive it.
//! It checks every field of a checkout as LiqPay documents it, shows a
//! page marked as a sandbox where nothing is charged, posts a correctly
//! signed callback to `server_url`, sends the browser back to
//! `result_url`, and answers `status` and `refund` at `api/request`. Its
//! merchants' keys are derived from a secret all nodes share; its orders
//! live in this node's memory.

use super::liqpay::{self, Keys};
use domain::Money;
use hmac::{Hmac, Mac};
use serde_json::{json, Map, Value};
use sha2::Sha256;
use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};

/// The merchants' keys of the sandbox for `recipients`, from `secret`.
pub fn keys_for(secret: &str, recipients: &[String]) -> BTreeMap<String, Keys> {
    let derive = |what: &str, id: &str| {
        let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
            .unwrap_or_else(|_| unreachable!("HMAC takes a key of any length"));
        mac.update(format!("liqpay-sandbox:{what}:{id}").as_bytes());
        domain::ticket::to_hex(&mac.finalize().into_bytes())
    };
    recipients
        .iter()
        .map(|id| {
            let keys = Keys {
                public: format!("sandbox_i{}", &derive("public", id)[..12]),
                private: derive("private", id),
            };
            (id.clone(), keys)
        })
        .collect()
}

/// An order the sandbox has seen paid or declined.
#[derive(Debug, Clone)]
struct Order {
    public: String,
    amount: Money,
    status: String,
    payment_id: u64,
    description: String,
}

/// The sandbox's state.
#[derive(Debug)]
pub struct Sandbox {
    keys: Arc<BTreeMap<String, Keys>>,
    orders: Mutex<HashMap<String, Order>>,
    client: reqwest::Client,
}

/// A checkout as the sandbox accepted it.
#[derive(Debug, Clone)]
pub struct Accepted {
    /// The merchant's public key.
    pub public: String,
    /// The order id.
    pub order_id: String,
    /// The amount.
    pub amount: Money,
    /// The description.
    pub description: String,
    /// Where the browser goes back to.
    pub result_url: String,
    /// Where the callback goes.
    pub server_url: String,
    /// `uk` or `en`.
    pub language: String,
}

fn field<'a>(m: &'a Map<String, Value>, k: &str) -> Result<&'a str, String> {
    m.get(k)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| format!("field {k} is missing"))
}

fn url_field(m: &Map<String, Value>, k: &str) -> Result<String, String> {
    let u = field(m, k)?;
    let ok = (u.starts_with("http://") || u.starts_with("https://")) && u.len() <= 510;
    ok.then(|| u.to_string())
        .ok_or_else(|| format!("field {k} is not a URL"))
}

impl Sandbox {
    /// A sandbox with the merchants' `keys`.
    pub fn new(keys: Arc<BTreeMap<String, Keys>>) -> Sandbox {
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Sandbox {
            keys,
            orders: Mutex::new(HashMap::new()),
            client,
        }
    }

    fn private_of(&self, public: &str) -> Option<&str> {
        self.keys
            .values()
            .find(|k| k.public == public)
            .map(|k| k.private.as_str())
    }

    /// The signed request's object, if the signature is its merchant's.
    fn opened(&self, data: &str, signature: &str) -> Result<Map<String, Value>, String> {
        let m = liqpay::decode(data).ok_or("data is not base64 of a JSON object")?;
        let public = field(&m, "public_key")?;
        let private = self.private_of(public).ok_or("unknown public_key")?;
        if !liqpay::verify(private, data, signature) {
            return Err("invalid signature".into());
        }
        if m.get("version").and_then(Value::as_u64) != Some(3) {
            return Err("field version must be 3".into());
        }
        Ok(m)
    }

    /// Checks a checkout request field by field.
    pub fn check_checkout(&self, data: &str, signature: &str) -> Result<Accepted, String> {
        let m = self.opened(data, signature)?;
        if field(&m, "action")? != "pay" {
            return Err("field action must be pay".into());
        }
        if field(&m, "currency")? != "UAH" {
            return Err("field currency must be UAH".into());
        }
        let amount = m
            .get("amount")
            .and_then(liqpay::amount_of)
            .filter(|a| *a > Money::ZERO)
            .ok_or("field amount is not a positive amount")?;
        let description = field(&m, "description")?.to_string();
        let order_id = field(&m, "order_id")?.to_string();
        if order_id.len() > 255 {
            return Err("field order_id is longer than 255".into());
        }
        let language = m.get("language").and_then(Value::as_str).unwrap_or("uk");
        if !matches!(language, "uk" | "en") {
            return Err("field language must be uk or en".into());
        }
        if self.order(&order_id).is_some_and(|o| o.status == "success") {
            return Err("order_id is paid already".into());
        }
        Ok(Accepted {
            public: field(&m, "public_key")?.to_string(),
            order_id,
            amount,
            description,
            result_url: url_field(&m, "result_url")?,
            server_url: url_field(&m, "server_url")?,
            language: language.to_string(),
        })
    }

    fn order(&self, id: &str) -> Option<Order> {
        self.orders.lock().ok()?.get(id).cloned()
    }

    /// The payment's object as LiqPay's callback and status answer carry it.
    fn object(&self, order_id: &str, o: &Order) -> Value {
        let now = chrono::Utc::now().timestamp_millis();
        json!({
            "version": 3, "action": "pay", "type": "buy", "paytype": "card",
            "public_key": o.public, "order_id": order_id, "liqpay_order_id": format!("SANDBOX{}", o.payment_id),
            "payment_id": o.payment_id, "status": o.status, "description": o.description,
            "amount": liqpay::amount_value(o.amount), "currency": "UAH",
            "sender_card_mask2": "424242*42", "sender_card_type": "visa",
            "create_date": now, "end_date": now, "transaction_id": o.payment_id,
            "is_3ds": false,
        })
    }

    /// The payer's choice on the sandbox's page: the order is paid (or
    /// declined), and the signed callback posted to `server_url`. A failed
    /// post is logged; the status query finds the payment later.
    pub async fn decide(&self, a: &Accepted, pay: bool) {
        let payment_id = getrandom::u64().unwrap_or(1) >> 12;
        let order = Order {
            public: a.public.clone(),
            amount: a.amount,
            status: if pay { "success" } else { "failure" }.into(),
            payment_id,
            description: a.description.clone(),
        };
        if let Ok(mut orders) = self.orders.lock() {
            orders.insert(a.order_id.clone(), order.clone());
        }
        let Some(private) = self.private_of(&a.public) else {
            return;
        };
        let data = liqpay::encode(&self.object(&a.order_id, &order));
        let signature = liqpay::sign(private, &data);
        let body = liqpay::form_urlencoded(&[("data", &data), ("signature", &signature)]);
        let sent = self
            .client
            .post(&a.server_url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await;
        if let Err(e) = sent {
            tracing::warn!(error = %e.without_url(), "sandbox: the callback was not delivered");
        }
    }

    /// `api/request`: `status` and `refund`.
    pub fn request(&self, data: &str, signature: &str) -> Value {
        let m = match self.opened(data, signature) {
            Ok(m) => m,
            Err(e) => {
                return json!({"result": "error", "status": "error", "err_code": "err_access", "err_description": e})
            }
        };
        let order_id = m
            .get("order_id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let action = m.get("action").and_then(Value::as_str).unwrap_or_default();
        let Ok(mut orders) = self.orders.lock() else {
            return json!({"result": "error", "status": "error"});
        };
        let Some(o) = orders.get_mut(order_id) else {
            return json!({"result": "error", "status": "error", "err_code": "payment_not_found"});
        };
        match action {
            "status" => {}
            "refund" if o.status == "success" => o.status = "reversed".into(),
            "refund" => {
                return json!({"result": "error", "status": "error", "err_code": "not_paid"})
            }
            _ => return json!({"result": "error", "status": "error", "err_code": "err_action"}),
        }
        let o = o.clone();
        drop(orders);
        let mut answer = self.object(order_id, &o);
        answer["result"] = "ok".into();
        answer
    }
}
