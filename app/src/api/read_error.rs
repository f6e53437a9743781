//! The error of a server function that only reads and that nothing can refuse
//! (the catalog). Its kinds are three of [`ApiError`]'s, in the same wire form,
//! so the server gives it the same HTTP status; the catalog's bundle then
//! carries no reader of the booking's errors (fields, slots, fees …).

use super::ApiError;
use domain::{Lang, Localized};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a read failed.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReadError {
    /// The request is not of the documented form.
    #[error("bad request: {detail}")]
    BadRequest {
        /// What is wrong (never echoes personal data).
        detail: String,
    },
    /// The request could not be sent or its answer not read (no network, …).
    #[error("transport: {detail}")]
    Transport {
        /// What the HTTP layer said.
        detail: String,
    },
    /// Something failed on the server.
    #[error("internal error")]
    Internal,
}

/// An [`ApiError`] of the same kind says the same.
impl Localized for ReadError {
    fn message(&self, lang: Lang) -> String {
        let (uk, en) = match self {
            ReadError::BadRequest { .. } => (
                "Запит має неправильний вигляд. Оновіть сторінку й спробуйте ще раз.",
                "The request is malformed. Reload the page and try again.",
            ),
            ReadError::Transport { .. } => (
                "Немає звʼязку із сервером. Перевірте інтернет і спробуйте ще раз.",
                "Cannot reach the server. Check the connection and try again.",
            ),
            ReadError::Internal => (
                "На сервері сталася помилка. Спробуйте трохи згодом.",
                "Something went wrong on the server. Please try again later.",
            ),
        };
        match lang {
            Lang::Uk => uk.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

impl super::Transient for ReadError {
    fn transient(&self) -> bool {
        matches!(self, ReadError::Transport { .. } | ReadError::Internal)
    }
}

impl FromServerFnError for ReadError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // A body that is not the documented JSON: the caller's mistake.
            ServerFnErrorErr::Args(detail)
            | ServerFnErrorErr::MissingArg(detail)
            | ServerFnErrorErr::Deserialization(detail) => ReadError::BadRequest {
                detail: redact(&detail),
            },
            ServerFnErrorErr::Request(detail)
            | ServerFnErrorErr::Response(detail)
            | ServerFnErrorErr::Serialization(detail) => ReadError::Transport { detail },
            ServerFnErrorErr::UnsupportedRequestMethod(detail) => ReadError::BadRequest { detail },
            _ => ReadError::Internal,
        }
    }
}

impl From<ReadError> for ApiError {
    fn from(e: ReadError) -> Self {
        match e {
            ReadError::BadRequest { detail } => ApiError::BadRequest { detail },
            ReadError::Transport { detail } => ApiError::Transport { detail },
            ReadError::Internal => ApiError::Internal,
        }
    }
}

/// On the server: a reader that fails for any other reason failed inside.
impl From<ApiError> for ReadError {
    fn from(e: ApiError) -> Self {
        match e {
            ApiError::BadRequest { detail } => ReadError::BadRequest { detail },
            ApiError::Transport { detail } => ReadError::Transport { detail },
            _ => ReadError::Internal,
        }
    }
}

/// A parser's message without the values it quotes (they may be personal data)
/// and no longer than 200 characters: `invalid type: string "…", expected …`.
fn redact(detail: &str) -> String {
    let mut out = String::new();
    let mut quoted = false;
    for c in detail.chars() {
        if c == '"' {
            quoted = !quoted;
            if quoted {
                out.push_str("\"…");
            } else {
                out.push('"');
            }
        } else if !quoted {
            out.push(c);
        }
    }
    out.chars().take(200).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> [ReadError; 3] {
        [
            ReadError::BadRequest {
                detail: "expected `,`".into(),
            },
            ReadError::Transport {
                detail: "offline".into(),
            },
            ReadError::Internal,
        ]
    }

    #[test]
    fn reads_as_the_api_error_of_the_same_kind() {
        for e in all() {
            let json = serde_json::to_string(&e).unwrap_or_default();
            // The server sets the status from the body read as an ApiError.
            let api: Result<ApiError, _> = serde_json::from_str(&json);
            assert_eq!(api.ok(), Some(ApiError::from(e.clone())), "{json}");
            assert_eq!(ReadError::from(ApiError::from(e.clone())), e);
            assert_eq!(
                e.message(Lang::Uk),
                ApiError::from(e.clone()).message(Lang::Uk)
            );
            assert_ne!(e.message(Lang::Uk), e.message(Lang::En));
        }
        assert_eq!(ApiError::from(ReadError::Internal).status(), 500);
    }

    #[test]
    fn any_other_failure_of_a_read_is_internal() {
        let taken = ApiError::Taken {
            alternatives: vec![],
        };
        assert_eq!(ReadError::from(taken), ReadError::Internal);
        assert_eq!(
            ReadError::from(ApiError::not_found("service")),
            ReadError::Internal
        );
    }
}
