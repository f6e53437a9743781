//! Sign-in attempts for "My tickets" and the tickets of a contact. Each
//! start runs under the lock of its contact, so the cooldown and the caps
//! count every attempt of every node; each check under the lock of its
//! attempt, so five wrong tries are five, however many arrive at once.

use super::error::StoreError;
use super::rows::*;
use super::tx::{args, internal};
use super::Store;
use domain::signin::{Attempt, RecentSignIns};

/// A sign-in attempt to write.
#[derive(Debug, Clone)]
pub struct NewAttempt {
    /// Random id (the browser keeps it to send the code with).
    pub id: String,
    /// The contact's key (hashed).
    pub contact_key: String,
    /// The client address's key (hashed).
    pub client_key: String,
    /// The code's hash, bound to the id.
    pub code_hash: String,
    /// When it starts and when its code expires (Unix seconds).
    pub created_at: i64,
    /// When its code expires.
    pub expires_at: i64,
    /// The message with the code, if the contact has tickets: (channel,
    /// the address typed, code, language); it goes to the address the
    /// tickets were booked with.
    pub message: Option<(&'static str, String, String, String)>,
}

/// What a code entered does, as the caller decided from the attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeDecision<E> {
    /// Sign in: the attempt is used up.
    SignIn,
    /// A wrong try: counted, then refused.
    Wrong(E),
    /// Refused without counting.
    Refuse(E),
}

/// What a code entered decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignInCheck<E> {
    /// Signed in as this contact key.
    SignedIn(String),
    /// Refused.
    Refused(E),
}

impl Store {
    /// Starts sign-in attempt `a` if `may_start` allows it, seeing the
    /// contact's and the client's attempts since `since`; queues the code's
    /// message only if a ticket has the contact.
    pub async fn start_sign_in<E, F>(
        &self,
        a: NewAttempt,
        since: i64,
        may_start: F,
    ) -> Result<Result<(), E>, StoreError>
    where
        E: Send + 'static,
        F: FnOnce(&RecentSignIns) -> Result<(), E> + Send + 'static,
    {
        let lock = format!("signin:{}", a.contact_key);
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                let rows = tx
                    .rows(
                        "SELECT
                           (SELECT COUNT(*) FROM signin_attempts WHERE contact_key = $1 AND created_at > $3),
                           (SELECT COUNT(*) FROM signin_attempts WHERE client_key = $2 AND created_at > $3),
                           (SELECT MAX(created_at) FROM signin_attempts WHERE contact_key = $1)",
                        args![&a.contact_key, &a.client_key, since],
                    )
                    .await
                    .map_err(internal)?;
                let r = rows.first().ok_or_else(|| internal("no counts"))?;
                let recent = RecentSignIns {
                    by_contact: u32::try_from(r.int(0)?).unwrap_or(u32::MAX),
                    by_client: u32::try_from(r.int(1)?).unwrap_or(u32::MAX),
                    last_for_contact: r.maybe_int(2)?,
                };
                if let Err(e) = may_start(&recent) {
                    return Ok(Err(e));
                }
                tx.exec(
                    "INSERT INTO signin_attempts (id, contact_key, client_key, code_hash, created_at, expires_at)
                     VALUES ($1, $2, $3, $4, $5, $6)",
                    args![
                        &a.id,
                        &a.contact_key,
                        &a.client_key,
                        &a.code_hash,
                        a.created_at,
                        a.expires_at
                    ],
                )
                .await
                .map_err(internal)?;
                // The code goes to the address the latest ticket was booked
                // with (not to the one typed, which may differ in case).
                let booked = tx
                    .rows(
                        "SELECT phone, email FROM tickets WHERE contact_key = $1 OR email_key = $1
                         ORDER BY created_at DESC, id DESC LIMIT 1",
                        args![&a.contact_key],
                    )
                    .await
                    .map_err(internal)?;
                if let (Some(row), Some((channel, _, code, lang))) = (booked.first(), a.message) {
                    let recipient = match channel {
                        "sms" => row.maybe_text(0)?,
                        _ => row.maybe_text(1)?,
                    };
                    if let Some(recipient) = recipient {
                        tx.exec(
                            "INSERT INTO outbox (id, kind, channel, recipient, secret, lang, created_at, due_at)
                             VALUES ($1, 'code', $2, $3, $4, $5, $6, $6)",
                            args![
                                format!("code:{}:{channel}", a.id),
                                channel,
                                recipient,
                                code,
                                lang,
                                a.created_at
                            ],
                        )
                        .await
                        .map_err(internal)?;
                    }
                }
                Ok(Ok(()))
            })
        })
        .await
    }

    /// Checks a code entered for attempt `id`: `decide` sees the attempt
    /// and its code's hash (none if unknown) and says what it does.
    pub async fn check_sign_in<E, F>(
        &self,
        id: &str,
        now: i64,
        decide: F,
    ) -> Result<SignInCheck<E>, StoreError>
    where
        E: Send + 'static,
        F: FnOnce(Option<(&Attempt, &str)>) -> CodeDecision<E> + Send + 'static,
    {
        let lock = format!("attempt:{id}");
        let id = id.to_string();
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                let rows = tx
                    .rows(
                        "SELECT contact_key, code_hash, expires_at, tries, used_at FROM signin_attempts WHERE id = $1",
                        args![&id],
                    )
                    .await
                    .map_err(internal)?;
                let found = rows
                    .first()
                    .map(|r| {
                        Ok::<_, StoreError>((
                            r.text(0)?,
                            r.text(1)?,
                            Attempt {
                                expires_at: r.int(2)?,
                                tries: u32::try_from(r.int(3)?).unwrap_or(u32::MAX),
                                used: r.maybe_int(4)?.is_some(),
                            },
                        ))
                    })
                    .transpose()?;
                let decision = decide(found.as_ref().map(|(_, hash, a)| (a, hash.as_str())));
                match (decision, found) {
                    (CodeDecision::SignIn, Some((contact_key, ..))) => {
                        tx.exec(
                            "UPDATE signin_attempts SET used_at = $2 WHERE id = $1",
                            args![&id, now],
                        )
                        .await
                        .map_err(internal)?;
                        Ok(SignInCheck::SignedIn(contact_key))
                    }
                    (CodeDecision::Wrong(e), Some(_)) => {
                        tx.exec(
                            "UPDATE signin_attempts SET tries = tries + 1 WHERE id = $1",
                            args![&id],
                        )
                        .await
                        .map_err(internal)?;
                        Ok(SignInCheck::Refused(e))
                    }
                    (CodeDecision::Refuse(e) | CodeDecision::Wrong(e), _) => {
                        Ok(SignInCheck::Refused(e))
                    }
                    (CodeDecision::SignIn, None) => Err(internal("signed in to no attempt")),
                }
            })
        })
        .await
    }

    /// The tickets of contact key `key`, latest visit first (at most 100).
    pub async fn tickets_of_contact(&self, key: &str) -> Result<Vec<StoredTicket>, StoreError> {
        let sql = format!(
            "SELECT {TICKET_COLUMNS} FROM tickets WHERE contact_key = $1 OR email_key = $1
             ORDER BY day DESC, start_time DESC LIMIT 100"
        );
        let rows = self.read(&sql, args![key]).await?;
        rows.iter().map(ticket_row).collect()
    }

    /// True if ticket `id` is one of contact key `key`'s.
    pub async fn ticket_is_of_contact(&self, id: &str, key: &str) -> Result<bool, StoreError> {
        let rows = self
            .read(
                "SELECT 1 FROM tickets WHERE id = $1 AND (contact_key = $2 OR email_key = $2)",
                args![id, key],
            )
            .await?;
        Ok(!rows.is_empty())
    }

    /// Voids the codes of sign-ins whose time is over: their messages not
    /// sent by then are dropped, their code and address erased.
    pub async fn expire_codes(&self, now: i64, ttl: i64) -> Result<u64, StoreError> {
        self.write_one(
            "expire-codes".into(),
            "UPDATE outbox SET state = CASE WHEN state = 'queued' THEN 'dropped' ELSE state END,
                    recipient = NULL, secret = NULL
             WHERE kind = 'code' AND secret IS NOT NULL AND created_at <= $1",
            args![now - ttl],
        )
        .await
    }
}
