//! Sending what the outbox holds: e-mail over SMTP (`mail`), SMS through a
//! provider's HTTP API (`sms`), the words of both (`text`). With neither
//! configured (the demo's default) messages stay in the outbox, where the
//! operator reads them (`cherga outbox`).

pub mod mail;
pub mod sms;
pub mod text;

/// Why a message was not sent: its class only, never the remote server's
/// words (an SMTP refusal may quote the address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SendError {
    /// Worth another try later (a connection failed, a 4xx answer, a timeout).
    Transient(&'static str),
    /// Another try would fail the same way (a 5xx answer, a refused number).
    Permanent(&'static str),
}

impl SendError {
    /// The class, as stored in the outbox.
    pub fn class(self) -> &'static str {
        match self {
            SendError::Transient(c) | SendError::Permanent(c) => c,
        }
    }
}

/// A transport that could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The SMTP URL or the sender's address is not valid.
    #[error("e-mail: {0}")]
    Mail(String),
    /// The SMS provider's settings are not valid.
    #[error("SMS: {0}")]
    Sms(String),
}

/// The transports configured; none of either is allowed.
#[derive(Debug, Clone, Default)]
pub struct Transports {
    /// E-mail.
    pub mail: Option<mail::Mailer>,
    /// SMS.
    pub sms: Option<sms::TurboSms>,
}

impl Transports {
    /// The channels that can be sent now (`email`, `sms`).
    pub fn channels(&self) -> Vec<&'static str> {
        let mut c = Vec::new();
        if self.mail.is_some() {
            c.push("email");
        }
        if self.sms.is_some() {
            c.push("sms");
        }
        c
    }
}
