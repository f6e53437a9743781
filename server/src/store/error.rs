//! What storage answers besides rows: a refusal it decided under its lock, or
//! a failure. The store knows nothing of the wire; the service layer turns
//! these into the wire error (`service::errors`).

use domain::booking::decide::Refusal;
use domain::booking::BookingError;
use domain::ticket::TransitionError;
use thiserror::Error;

/// A refusal or a failure of a storage call.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StoreError {
    /// The database failed; logged once where it happened (`tx::internal`),
    /// with its context and without personal data.
    #[error("storage failed")]
    Failed,
    /// The database gave up waiting (a lock held too long, the pool full):
    /// logged where it happened; the same request may succeed a moment later.
    #[error("storage busy")]
    Busy,
    /// A limit refused the write (too many holds from the client).
    #[error("{0}")]
    Limited(domain::limits::Limited),
    /// Nothing has that id (`hold`, `ticket`).
    #[error("{0} not found")]
    NotFound(&'static str),
    /// The place went to somebody else first.
    #[error("the time is taken")]
    Taken,
    /// The hold ran out and its place was taken meanwhile.
    #[error("the hold expired")]
    HoldExpired,
    /// The booking policy refuses, by the decision or by a unique index.
    #[error("{0}")]
    Booking(BookingError),
    /// The idempotency key made a ticket of another request.
    #[error("the idempotency key was used for another request")]
    KeyReused,
    /// What was changed was changed by somebody else since it was read.
    #[error("changed meanwhile")]
    Stale,
    /// The ticket's life cycle does not allow the change.
    #[error("{0}")]
    Ticket(TransitionError),
}

impl From<Refusal> for StoreError {
    fn from(refusal: Refusal) -> Self {
        match refusal {
            Refusal::Taken => StoreError::Taken,
            Refusal::HoldExpired => StoreError::HoldExpired,
            Refusal::Policy(cause) => StoreError::Booking(cause),
        }
    }
}
