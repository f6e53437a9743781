//! Sending a hold or a confirm that the server may first ask to prove a
//! little work (see `domain::proof`): the search runs here, in the booking
//! part, and the person sees only the step's own "holding…" or
//! "confirming…" a moment longer.

use crate::api::proof::solve;
use crate::api::ApiError;
use std::future::Future;

/// Calls `send` without a proof and, while the server answers with a
/// challenge, solves it and calls again with the proof: twice at most (a
/// proof that expired on a slow phone brings a fresh challenge). A challenge
/// that cannot be solved is answered as the server's refusal.
pub(super) async fn with_proof<T, F, Fut>(mut send: F) -> Result<T, ApiError>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<T, ApiError>>,
{
    let mut proof = None;
    for _ in 0..2 {
        match send(proof.take()).await {
            Err(ApiError::Proof { challenge }) => match solve(&challenge) {
                Some(solved) => proof = Some(solved),
                None => return Err(ApiError::Proof { challenge }),
            },
            answer => return answer,
        }
    }
    send(proof).await
}
