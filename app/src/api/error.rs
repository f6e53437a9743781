use domain::{Lang, Localized};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Every error a server function returns. It crosses the wire as JSON, so the
/// browser matches on the same enum and shows the same localised message.
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ApiError {
    /// An id that names nothing.
    #[error("not found")]
    NotFound,
    /// The request could not be sent or its answer not read (no network, …).
    #[error("transport: {detail}")]
    Transport {
        /// What the HTTP layer said (no personal data: it never sees any).
        detail: String,
    },
    /// Something failed on the server; details are in its log, not here.
    #[error("internal error")]
    Internal,
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::Request(detail)
            | ServerFnErrorErr::Response(detail)
            | ServerFnErrorErr::Deserialization(detail)
            | ServerFnErrorErr::Serialization(detail) => ApiError::Transport { detail },
            _ => ApiError::Internal,
        }
    }
}

impl Localized for ApiError {
    fn message(&self, lang: Lang) -> String {
        let (uk, en) = match self {
            ApiError::NotFound => ("Не знайдено.", "Not found."),
            ApiError::Transport { .. } => (
                "Немає звʼязку із сервером. Перевірте інтернет і спробуйте ще раз.",
                "Cannot reach the server. Check the connection and try again.",
            ),
            ApiError::Internal => (
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
