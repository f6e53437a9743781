//! SMS through TurboSMS's HTTP API (<https://turbosms.ua/api.html>):
//! `POST {base}/message/send.json` with the token in `Authorization: Bearer`
//! and `{"recipients": ["380…"], "sms": {"sender": "…", "text": "…"}}`. The
//! provider answers HTTP 200 with `{response_code, response_status,
//! response_result}`; codes 0 and 800–803 are a message accepted, and each
//! recipient's entry in `response_result` has its own code.

use super::{ConfigError, SendError};
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// The provider's public address.
pub const TURBOSMS_URL: &str = "https://api.turbosms.ua";

/// Sends SMS through TurboSMS.
#[derive(Clone)]
pub struct TurboSms {
    client: reqwest::Client,
    base: String,
    token: String,
    sender: String,
}

impl std::fmt::Debug for TurboSms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("TurboSms")
            .field("base", &self.base)
            .field("sender", &self.sender)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Serialize)]
struct SendRequest<'a> {
    recipients: [&'a str; 1],
    sms: SmsPart<'a>,
}

#[derive(Debug, Serialize)]
struct SmsPart<'a> {
    sender: &'a str,
    text: &'a str,
}

#[derive(Debug, Deserialize)]
struct Answer {
    response_code: i64,
    #[serde(default)]
    response_result: Option<Vec<RecipientAnswer>>,
}

#[derive(Debug, Deserialize)]
struct RecipientAnswer {
    response_code: i64,
}

/// A message accepted (`OK`, `SUCCESS_MESSAGE_ACCEPTED`, `…_SENT`,
/// `…_PARTIAL_ACCEPTED`, `…_PARTIAL_SENT`).
fn accepted(code: i64) -> bool {
    code == 0 || (800..=803).contains(&code)
}

impl TurboSms {
    /// A client of the API at `base` (TurboSMS's own, or a stand-in) with
    /// `token`, sending as `sender` (a name registered with the provider).
    pub fn new(base: &str, token: &str, sender: &str) -> Result<TurboSms, ConfigError> {
        if token.trim().is_empty() {
            return Err(ConfigError::Sms("the provider's token is empty".into()));
        }
        if sender.trim().is_empty() || sender.chars().count() > 11 {
            return Err(ConfigError::Sms(
                "the sender name must have 1 to 11 characters".into(),
            ));
        }
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .build()
            .map_err(|e| ConfigError::Sms(format!("the HTTP client: {e}")))?;
        Ok(TurboSms {
            client,
            base: base.trim_end_matches('/').to_string(),
            token: token.to_string(),
            sender: sender.to_string(),
        })
    }

    /// Sends `text` to `phone` (E.164, `+380…`; the provider wants the
    /// digits only).
    pub async fn send(&self, phone: &str, text: &str) -> Result<(), SendError> {
        let digits = phone.trim_start_matches('+');
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(SendError::Permanent("sms-number"));
        }
        let body = SendRequest {
            recipients: [digits],
            sms: SmsPart {
                sender: &self.sender,
                text,
            },
        };
        let answer = self
            .client
            .post(format!("{}/message/send.json", self.base))
            .bearer_auth(&self.token)
            .json(&body)
            .send()
            .await
            .map_err(|e| {
                if e.is_timeout() {
                    SendError::Transient("sms-timeout")
                } else {
                    SendError::Transient("sms-connection")
                }
            })?;
        let status = answer.status();
        if status.is_server_error() || status.as_u16() == 429 {
            return Err(SendError::Transient("sms-http"));
        }
        if !status.is_success() {
            return Err(SendError::Permanent("sms-http"));
        }
        let answer: Answer = answer
            .json()
            .await
            .map_err(|_| SendError::Transient("sms-answer"))?;
        if !accepted(answer.response_code) {
            // 999 is the provider's own failure; the rest (a bad token, sender,
            // text, no credit) need the operator.
            return Err(if answer.response_code == 999 {
                SendError::Transient("sms-provider")
            } else {
                SendError::Permanent("sms-refused")
            });
        }
        match answer.response_result.as_deref() {
            Some([one, ..]) if !accepted(one.response_code) => {
                Err(SendError::Permanent("sms-recipient"))
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_checked() {
        assert!(TurboSms::new(TURBOSMS_URL, "", "Cherga").is_err());
        assert!(TurboSms::new(TURBOSMS_URL, "t", "").is_err());
        assert!(TurboSms::new(TURBOSMS_URL, "t", "A name too long").is_err());
        let s = TurboSms::new("http://127.0.0.1:1/", "secret", "Cherga").map(|s| format!("{s:?}"));
        assert!(matches!(&s, Ok(d) if !d.contains("secret")), "{s:?}");
    }

    #[test]
    fn accepted_codes() {
        for c in [0, 800, 801, 802, 803] {
            assert!(accepted(c), "{c}");
        }
        for c in [103, 106, 204, 999, 804] {
            assert!(!accepted(c), "{c}");
        }
    }
}
