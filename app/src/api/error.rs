use domain::booking::BookingError;
use domain::fees::FeeError;
use domain::forms::FieldError;
use domain::limits::Limited;
use domain::slots::SlotError;
use domain::ticket::TicketStatus;
use domain::{Lang, Localized};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{ReadError, SlotRef};

/// Every error a server function returns. It crosses the wire as JSON, so the
/// browser matches on the same enum and shows the same localised message; the
/// server maps each to an HTTP status ([`ApiError::status`]).
#[derive(Debug, Clone, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ApiError {
    /// An id that names nothing (service, office, hold, ticket).
    #[error("{what} not found")]
    NotFound {
        /// What was looked for: `service`, `office`, `hold`, `ticket`.
        what: String,
    },
    /// The request is not of the documented form.
    #[error("bad request: {detail}")]
    BadRequest {
        /// What is wrong (never echoes personal data).
        detail: String,
    },
    /// Form fields that do not parse.
    #[error("invalid fields")]
    Invalid {
        /// Every problem, by field.
        fields: Vec<FieldError>,
    },
    /// The time cannot be booked (outside the horizon, closed, no booking …).
    #[error("{cause}")]
    Slot {
        /// Why.
        cause: SlotError,
    },
    /// Somebody took the last place first.
    #[error("the time is taken")]
    Taken {
        /// The nearest free times of the same office.
        alternatives: Vec<SlotRef>,
    },
    /// The hold ran out and its place was taken meanwhile.
    #[error("the hold expired")]
    HoldExpired {
        /// The nearest free times of the same office.
        alternatives: Vec<SlotRef>,
    },
    /// The booking policy refuses (already booked, contact limit).
    #[error("{cause}")]
    Booking {
        /// Why.
        cause: BookingError,
    },
    /// The ticket's life cycle refuses the change: the ticket is no longer
    /// booked (served, cancelled, annulled, or its day is over).
    #[error("the ticket is {status:?}")]
    Ticket {
        /// Its status now.
        status: TicketStatus,
    },
    /// No fee could be computed.
    #[error("{cause}")]
    Fee {
        /// Why.
        cause: FeeError,
    },
    /// A payment cannot be made (nothing due, paid already, not offered).
    #[error("{cause}")]
    Payment {
        /// Why.
        cause: domain::pay::PayError,
    },
    /// The request could not be sent or its answer not read (no network, …).
    #[error("transport: {detail}")]
    Transport {
        /// What the HTTP layer said (it never sees personal data).
        detail: String,
    },
    /// A limit refused the request for now (too many holds or requests
    /// from this client, a busy server); it says when to try again.
    #[error("{cause}")]
    Limited {
        /// Which limit, and the wait.
        cause: Limited,
    },
    /// The request must first prove a little work (the server is busy, or
    /// this client books more than a person does): solve the challenge and
    /// send the request again with the proof. Also the answer to a proof
    /// that is wrong, expired, used before or made for another request.
    #[error("a proof of work is needed")]
    Proof {
        /// The challenge to solve: the JSON text of ALTCHA's challenge,
        /// `{"parameters", "signature"}` (every page decodes this enum; only
        /// the booking part reads a challenge, so only it carries the code).
        challenge: String,
    },
    /// Something failed on the server; details are in its log, not here.
    #[error("internal error")]
    Internal,
}

impl ApiError {
    /// A `NotFound` for `what`.
    pub fn not_found(what: &str) -> Self {
        ApiError::NotFound {
            what: what.to_string(),
        }
    }

    /// The HTTP status the server answers with.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::NotFound { .. } => 404,
            ApiError::BadRequest { .. } | ApiError::Transport { .. } => 400,
            ApiError::Invalid { .. } | ApiError::Slot { .. } | ApiError::Fee { .. } => 422,
            ApiError::Taken { .. }
            | ApiError::HoldExpired { .. }
            | ApiError::Booking { .. }
            | ApiError::Ticket { .. } => 409,
            ApiError::Payment { cause } => match cause {
                domain::pay::PayError::BadCode => 422,
                _ => 409,
            },
            ApiError::Limited { cause } => cause.status(),
            ApiError::Proof { .. } => 428,
            ApiError::Internal => 500,
        }
    }
}

impl From<SlotError> for ApiError {
    fn from(cause: SlotError) -> Self {
        ApiError::Slot { cause }
    }
}

impl From<BookingError> for ApiError {
    fn from(cause: BookingError) -> Self {
        ApiError::Booking { cause }
    }
}

impl From<Limited> for ApiError {
    fn from(cause: Limited) -> Self {
        ApiError::Limited { cause }
    }
}

impl From<domain::pay::PayError> for ApiError {
    fn from(cause: domain::pay::PayError) -> Self {
        ApiError::Payment { cause }
    }
}

impl From<FeeError> for ApiError {
    fn from(cause: FeeError) -> Self {
        ApiError::Fee { cause }
    }
}

impl FromServerFnError for ApiError {
    type Encoder = JsonEncoding;

    /// As a [`ReadError`]: the kinds server functions themselves fail with.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        ReadError::from_server_fn_error(value).into()
    }
}

impl super::Transient for ApiError {
    fn transient(&self) -> bool {
        matches!(
            self,
            ApiError::Transport { .. } | ApiError::Internal | ApiError::Limited { .. }
        )
    }
}

impl Localized for ApiError {
    fn message(&self, lang: Lang) -> String {
        let (uk, en) = match self {
            ApiError::Slot { cause } => return cause.message(lang),
            ApiError::Booking { cause } => return cause.message(lang),
            ApiError::Fee { cause } => return cause.message(lang),
            ApiError::Payment { cause } => return cause.message(lang),
            ApiError::Limited { cause } => return cause.message(lang),
            ApiError::Ticket { .. } => (
                "Талон уже не дійсний: дію не виконано.",
                "The ticket is no longer valid: nothing was done.",
            ),
            ApiError::Invalid { fields } => match fields.as_slice() {
                [one] => return one.message(lang),
                _ => (
                    "Перевірте виділені поля.",
                    "Please check the highlighted fields.",
                ),
            },
            // The kinds a read fails with say what a ReadError says.
            ApiError::BadRequest { .. } | ApiError::Transport { .. } | ApiError::Internal => {
                return ReadError::from(self.clone()).message(lang)
            }
            // Shown only if the browser could not answer the check itself
            // (it does so unseen): as a fault, to try again.
            ApiError::Proof { .. } => return ReadError::Internal.message(lang),
            ApiError::NotFound { .. } => ("Не знайдено.", "Not found."),
            ApiError::Taken { .. } => (
                "Цей час щойно зайняли. Оберіть інший — найближчі вільні нижче.",
                "This time has just been taken. Choose another — the nearest free ones are below.",
            ),
            ApiError::HoldExpired { .. } => (
                "Час бронювання минув, і місце вже зайняли. Оберіть інший час.",
                "The hold ran out and the place was taken. Choose another time.",
            ),
        };
        match lang {
            Lang::Uk => uk.to_string(),
            Lang::En => en.to_string(),
        }
    }
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
