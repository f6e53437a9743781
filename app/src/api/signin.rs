//! "My tickets" on any device: sign-in by a one-time code, the signed-in
//! list, sign-out. Its error type is its own ([`SignInFailure`]), so the
//! catalog's first download carries none of it: only the tickets' part uses
//! these functions.

use super::{ApiError, ReadError, TicketView};
use domain::signin::SignInError;
use domain::{Lang, Localized};
use leptos::prelude::*;
use leptos::server_fn::codec::{Json, JsonEncoding};
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Asks for a code to the phone or e-mail the tickets were booked with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignInRequest {
    /// A phone number or an e-mail address, as typed.
    pub contact: String,
    /// The language of the message with the code.
    #[serde(default)]
    pub lang: Lang,
}

/// A sign-in started: the same answer whether or not the contact has tickets
/// (a code is sent only if it has).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignInStarted {
    /// The attempt the code is bound to (send it with the code).
    pub attempt: String,
    /// Seconds the code is valid.
    pub expires_in: u32,
    /// Seconds before another code may be asked for.
    pub resend_after: u32,
}

/// A code entered for an attempt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CodeRequest {
    /// The attempt (from [`SignInStarted`]).
    pub attempt: String,
    /// The six digits received.
    pub code: String,
}

/// The tickets of the contact signed in, latest visit first; the views carry
/// no access token (the session opens them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TicketList {
    /// Active and past.
    pub tickets: Vec<TicketView>,
}

/// Why a sign-in function failed: a sign-in rule, or what any endpoint may
/// answer (on the wire exactly as [`ApiError`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SignInFailure {
    /// A sign-in rule refused.
    #[error("{cause}")]
    SignIn {
        /// Why.
        cause: SignInError,
    },
    /// Anything else.
    #[error(transparent)]
    #[serde(untagged)]
    Api(ApiError),
}

impl SignInFailure {
    /// The HTTP status the server answers with.
    pub fn status(&self) -> u16 {
        match self {
            SignInFailure::SignIn { cause } => match cause {
                SignInError::BadContact | SignInError::BadCode => 422,
                SignInError::TooSoon { .. } | SignInError::TooMany => 429,
                SignInError::NotSignedIn => 401,
                SignInError::WrongCode { .. }
                | SignInError::Expired
                | SignInError::TooManyTries => 403,
            },
            SignInFailure::Api(e) => e.status(),
        }
    }
}

impl Localized for SignInFailure {
    fn message(&self, lang: Lang) -> String {
        match self {
            SignInFailure::SignIn { cause } => cause.message(lang),
            SignInFailure::Api(e) => e.message(lang),
        }
    }
}

impl From<SignInError> for SignInFailure {
    fn from(cause: SignInError) -> Self {
        SignInFailure::SignIn { cause }
    }
}

impl From<ApiError> for SignInFailure {
    fn from(e: ApiError) -> Self {
        SignInFailure::Api(e)
    }
}

impl FromServerFnError for SignInFailure {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        SignInFailure::Api(ReadError::from_server_fn_error(value).into())
    }
}

#[cfg(feature = "ssr")]
fn backend() -> Result<super::context::SharedBackend, SignInFailure> {
    use_context::<super::context::SharedBackend>().ok_or(SignInFailure::Api(ApiError::Internal))
}

#[cfg(feature = "ssr")]
fn session() -> Option<super::context::SharedSession> {
    use_context::<super::context::SharedSession>()
}

/// Sends a one-time code to the contact, if any ticket has it.
#[server(prefix = "/api", endpoint = "signin_start", input = Json)]
pub async fn signin_start(
    #[server(flatten)] req: SignInRequest,
) -> Result<SignInStarted, SignInFailure> {
    let client = use_context::<super::context::ClientAddr>().unwrap_or_default();
    backend()?.signin_start(req, client).await
}

/// Signs in with the code received: the session now opens the contact's tickets.
#[server(prefix = "/api", endpoint = "signin_verify", input = Json)]
pub async fn signin_verify(
    #[server(flatten)] req: CodeRequest,
) -> Result<TicketList, SignInFailure> {
    backend()?.signin_verify(req, session()).await
}

/// The tickets of the contact signed in.
#[server(prefix = "/api", endpoint = "my_tickets", input = Json)]
pub async fn my_tickets() -> Result<TicketList, SignInFailure> {
    backend()?.my_tickets(session()).await
}

/// Ends the session.
#[server(prefix = "/api", endpoint = "signout", input = Json)]
pub async fn signout() -> Result<(), SignInFailure> {
    backend()?.signout(session()).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_failures_cross_the_wire_as_every_endpoint_answers() {
        let e = ApiError::not_found("ticket");
        let wrapped = serde_json::to_string(&SignInFailure::Api(e.clone())).unwrap_or_default();
        assert_eq!(wrapped, serde_json::to_string(&e).unwrap_or_default());
        let back: Option<SignInFailure> = serde_json::from_str(&wrapped).ok();
        assert_eq!(back, Some(SignInFailure::Api(e)));
        let refusal = SignInFailure::from(SignInError::WrongCode { tries_left: 2 });
        let json = serde_json::to_string(&refusal).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"sign_in":{"cause":{"wrong_code":{"tries_left":2}}}}"#
        );
        assert_eq!(
            serde_json::from_str::<SignInFailure>(&json).ok(),
            Some(refusal)
        );
    }

    #[test]
    fn statuses() {
        let s = |c| SignInFailure::from(c).status();
        assert_eq!(s(SignInError::TooSoon { seconds: 5 }), 429);
        assert_eq!(s(SignInError::NotSignedIn), 401);
        assert_eq!(s(SignInError::Expired), 403);
        assert_eq!(s(SignInError::BadCode), 422);
        assert_eq!(SignInFailure::Api(ApiError::Internal).status(), 500);
    }
}
