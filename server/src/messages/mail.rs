//! E-mail over SMTP with lettre: plain text and HTML, the visit's `.ics`
//! attached.

use super::text::Email;
use super::{ConfigError, SendError};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// Sends e-mail through one SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for `url` (`smtp://host:port` unencrypted, for a relay on
    /// loopback; `smtp://…?tls=required` with STARTTLS; `smtps://…` over
    /// TLS; user and password in the URL), sending as `from`.
    pub fn new(url: &str, from: &str) -> Result<Mailer, ConfigError> {
        // The URL may hold a password: it is never quoted back.
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|_| ConfigError::Mail("the SMTP URL is not valid".into()))?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|_| ConfigError::Mail(format!("the sender {from:?} is not an address")))?;
        Ok(Mailer { transport, from })
    }

    /// Sends `email` to `to`.
    pub async fn send(&self, to: &str, email: &Email) -> Result<(), SendError> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| SendError::Permanent("email-address"))?;
        let alternative = MultiPart::alternative()
            .singlepart(SinglePart::plain(email.text.clone()))
            .singlepart(SinglePart::html(email.html.clone()));
        let body = match &email.ics {
            Some((name, ics)) => {
                let calendar = ContentType::parse("text/calendar; charset=utf-8")
                    .map_err(|_| SendError::Permanent("email-build"))?;
                MultiPart::mixed()
                    .multipart(alternative)
                    .singlepart(Attachment::new(name.clone()).body(ics.clone(), calendar))
            }
            None => alternative,
        };
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(email.subject.clone())
            .multipart(body)
            .map_err(|_| SendError::Permanent("email-build"))?;
        match self.transport.send(message).await {
            Ok(_) => Ok(()),
            Err(e) if e.is_permanent() => Err(SendError::Permanent("smtp-permanent")),
            Err(e) if e.is_transient() => Err(SendError::Transient("smtp-transient")),
            Err(e) if e.is_timeout() => Err(SendError::Transient("smtp-timeout")),
            Err(_) => Err(SendError::Transient("smtp-connection")),
        }
    }
}
