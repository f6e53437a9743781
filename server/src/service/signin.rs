//! Signing in to "My tickets" (rules: `domain::signin`): a code to the
//! contact the tickets were booked with, checked against its hash; then the
//! session opens that contact's tickets.

use super::secrets::{hash, random, random_id};
use super::Services;
use crate::store::{CodeDecision, NewAttempt, SignInCheck};
use app::api::context::{ClientAddr, SharedSession};
use app::api::*;
use domain::signin::{code_from_random, parse_code, parse_contact, SignInError, Verdict};
use domain::ticket::is_record_id;

/// A code's hash, bound to its attempt.
fn code_hash(attempt: &str, code: &str) -> String {
    hash("signin-code", &format!("{attempt}:{code}"))
}

/// Equal in time independent of where they differ.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

impl Services {
    /// A fresh six-digit code from the OS's CSPRNG.
    fn new_code() -> Result<String, ApiError> {
        loop {
            if let Some(code) = code_from_random(u32::from_le_bytes(random::<4>()?)) {
                return Ok(code);
            }
        }
    }

    /// Starts a sign-in: the same answer for every contact; a code goes out
    /// only to a contact that has tickets.
    pub(super) async fn signin_start(
        &self,
        req: &SignInRequest,
        client: ClientAddr,
    ) -> Result<SignInStarted, SignInFailure> {
        let contact = parse_contact(&req.contact)?;
        let policy = self.signin_policy;
        let now = self.now().timestamp();
        let id = random_id()?;
        let code = Self::new_code()?;
        let contact_key = self.keys.key("contact", &contact.key());
        let client_key = self.keys.client(client.0);
        let message = match (&contact.phone, &contact.email) {
            (Some(p), _) => ("sms", p.as_str().to_string()),
            (None, Some(e)) => ("email", e.as_str().to_string()),
            (None, None) => return Err(SignInError::BadContact.into()),
        };
        let attempt = NewAttempt {
            id: id.clone(),
            contact_key,
            client_key,
            code_hash: code_hash(&id, &code),
            created_at: now,
            expires_at: now + policy.code_ttl,
            message: Some((message.0, message.1, code, req.lang.tag().to_string())),
        };
        let started = self
            .store
            .start_sign_in(attempt, now - 3600, move |recent| {
                policy.may_start(recent, now)
            })
            .await
            .map_err(ApiError::from)?;
        started?;
        self.wake_sender();
        Ok(SignInStarted {
            attempt: id,
            expires_in: u32::try_from(policy.code_ttl).unwrap_or(0),
            resend_after: u32::try_from(policy.resend_after).unwrap_or(0),
        })
    }

    /// Checks the code; right, the session is signed in to the contact.
    pub(super) async fn signin_verify(
        &self,
        req: &CodeRequest,
        session: Option<SharedSession>,
    ) -> Result<TicketList, SignInFailure> {
        let session = session.ok_or(ApiError::Internal)?;
        let code = parse_code(&req.code)?;
        if !is_record_id(&req.attempt) {
            return Err(SignInError::Expired.into());
        }
        let policy = self.signin_policy;
        let now = self.now().timestamp();
        let entered = code_hash(&req.attempt, &code);
        let checked = self
            .store
            .check_sign_in(&req.attempt, now, move |found| match found {
                // An unknown attempt reads as an expired one.
                None => CodeDecision::Refuse(SignInError::Expired),
                Some((attempt, stored)) => {
                    match policy.check(attempt, now, same(stored, &entered)) {
                        Verdict::SignIn => CodeDecision::SignIn,
                        Verdict::Wrong(e) => CodeDecision::Wrong(e),
                        Verdict::Refused(e) => CodeDecision::Refuse(e),
                    }
                }
            })
            .await
            .map_err(ApiError::from)?;
        match checked {
            SignInCheck::SignedIn(contact_key) => {
                session.sign_in(contact_key.clone()).await?;
                Ok(self.tickets_of(&contact_key).await?)
            }
            SignInCheck::Refused(e) => Err(e.into()),
        }
    }

    /// The contact key the session is signed in to.
    pub(super) async fn signed_in(
        &self,
        session: Option<&SharedSession>,
    ) -> Result<Option<String>, ApiError> {
        match session {
            Some(s) => s.signed_in().await,
            None => Ok(None),
        }
    }

    /// The signed-in contact's tickets.
    pub(super) async fn my_tickets(
        &self,
        session: Option<SharedSession>,
    ) -> Result<TicketList, SignInFailure> {
        let key = self
            .signed_in(session.as_ref())
            .await?
            .ok_or(SignInError::NotSignedIn)?;
        Ok(self.tickets_of(&key).await?)
    }

    async fn tickets_of(&self, contact_key: &str) -> Result<TicketList, ApiError> {
        let tickets = self
            .store
            .tickets_of_contact(contact_key)
            .await?
            .into_iter()
            .map(|t| self.ticket_view(t, None))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(TicketList { tickets })
    }

    /// Ends the session (signed in or not).
    pub(super) async fn signout(
        &self,
        session: Option<SharedSession>,
    ) -> Result<(), SignInFailure> {
        if let Some(s) = session {
            s.sign_out().await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn comparison() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd"));
        assert!(!same("abc", "ab"));
    }
}
