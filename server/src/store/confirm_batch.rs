//! Confirms on PostgreSQL written together. While a node's transactions of
//! confirms are under way (at most [`LEADERS`]), the next confirms queue,
//! and the next transaction takes them all (up to [`MOST`]), whatever their
//! office and day. It takes every lock the confirms would take alone (their
//! office-days and contacts, in one order), reads what they need in one
//! statement, decides each in the order asked (a later one sees the tickets
//! decided before it), and writes the tickets, their histories and messages,
//! the holds taken and the board counters in one more: four round trips for
//! the batch where each confirm alone takes four. A confirm out of the
//! ordinary (its hold not there, its hold asked twice) is left to the
//! confirm alone (`booking.rs`) after the batch; a batch that fails (a
//! unique index refusing one of its tickets) writes nothing, and each of its
//! confirms is then made alone, which refuses only the one at fault.

use super::booking::ConfirmDecide;
use super::confirm_batch_in::batch_in;
use super::error::StoreError;
use super::rows::{ConfirmKeys, ConfirmOutcome, HoldRow};
use super::tx::internal;
use super::{Flush, Store};
use std::sync::{Arc, Mutex};
use tokio::sync::oneshot;

/// Confirms written in one transaction at most.
const MOST: usize = 64;
/// A node's transactions of confirms under way at once.
const LEADERS: usize = 2;

/// A confirm asked for.
#[derive(Clone)]
pub(super) struct Asked {
    pub keys: ConfirmKeys,
    pub hold: HoldRow,
    pub now: i64,
    pub decide: Arc<ConfirmDecide>,
}

type Answer = oneshot::Sender<Result<ConfirmOutcome, StoreError>>;

/// The confirms waiting for a transaction, and how many are under way.
#[derive(Default)]
pub(super) struct ConfirmQueue(Mutex<(Vec<(Asked, Answer)>, usize)>);

impl std::fmt::Debug for ConfirmQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ConfirmQueue")
    }
}

impl Store {
    /// Writes `asked` with the other confirms asked meanwhile on this node.
    pub(super) async fn confirm_queued(&self, asked: Asked) -> Result<ConfirmOutcome, StoreError> {
        let (answer, answered) = oneshot::channel();
        let lead = {
            let mut queue = self
                .confirms
                .0
                .lock()
                .map_err(|_| internal("the confirm queue's lock"))?;
            if queue.1 < LEADERS {
                queue.1 += 1;
                Some((asked, answer))
            } else {
                queue.0.push((asked, answer));
                None
            }
        };
        if let Some(first) = lead {
            // Its own task: the callers queued behind it are answered even
            // if this caller goes away.
            let store = self.clone();
            tokio::spawn(async move { store.lead_confirms(vec![first]).await });
        }
        answered
            .await
            .map_err(|_| internal("the confirm's batch ended unanswered"))?
    }

    /// Writes batches until none waits.
    async fn lead_confirms(&self, mut batch: Vec<(Asked, Answer)>) {
        loop {
            // Its own task: a batch that panicked answers its confirms as
            // failed (their senders dropped) and the queue goes on.
            let store = self.clone();
            let _ = tokio::spawn(async move { store.confirm_batch(batch).await }).await;
            let Ok(mut queue) = self.confirms.0.lock() else {
                return;
            };
            if queue.0.is_empty() {
                queue.1 -= 1;
                return;
            }
            let take = queue.0.len().min(MOST);
            batch = queue.0.drain(..take).collect();
        }
    }

    /// One transaction for `batch`; the confirms it leaves, each alone.
    async fn confirm_batch(&self, batch: Vec<(Asked, Answer)>) {
        let (asked, answers): (Vec<Asked>, Vec<Answer>) = batch.into_iter().unzip();
        let asked = Arc::new(asked);
        let mut keys: Vec<String> = asked
            .iter()
            .flat_map(|a| {
                [
                    format!("office-day:{}:{}", a.hold.office, a.hold.day),
                    format!("contact:{}", a.keys.contact_key),
                ]
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let all = asked.clone();
        let written = self
            .write_as(&keys, Flush::Wait, move |tx| Box::pin(batch_in(tx, all)))
            .await
            .unwrap_or_else(|_| vec![None; asked.len()]);
        let alone = written.iter().filter(|r| r.is_none()).count();
        let how = if asked.len() > 1 { "together" } else { "one" };
        crate::metrics::confirms(how, asked.len() - alone);
        crate::metrics::confirms("alone", alone);
        for ((answer, result), a) in answers.into_iter().zip(written).zip(asked.iter()) {
            match result {
                // A caller gone meanwhile (its request timed out) is not told.
                Some(result) => drop(answer.send(result)),
                None => {
                    let (store, a) = (self.clone(), a.clone());
                    tokio::spawn(async move {
                        let alone = store.confirm_alone(a.keys, a.hold, a.now, a.decide);
                        let _ = answer.send(alone.await);
                    });
                }
            }
        }
    }
}
