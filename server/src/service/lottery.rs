//! The midnight lottery (`domain::slots::Horizon::lottery_draw` says when a
//! hold takes part): the holds of a newly opened date asked within the
//! admission window wait until it ends, then go one after another in a
//! random order, one round per office and date (holds of different offices
//! do not compete for places). Within a round, each hold is written before
//! the next one starts, so the order drawn is the order the places go in.
//! The order comes from the operating system's CSPRNG: nobody, the server's
//! operator included, can arrange to come first.

use super::secrets::random;
use app::api::ApiError;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::oneshot;

/// A hold's turn: while it is held, the next one in its round waits.
#[derive(Debug)]
pub struct Turn {
    _done: oneshot::Sender<()>,
}

type Ticket = (u64, oneshot::Sender<Turn>);

/// The rounds waiting for their draw, by office and date.
#[derive(Debug, Default)]
pub struct Lottery {
    rounds: Mutex<HashMap<String, Vec<Ticket>>>,
}

impl Lottery {
    /// Enters the round `key` drawn at `draw` (reckoned by `now`, the
    /// services' clock) and waits for this hold's turn.
    pub async fn turn(
        self: &std::sync::Arc<Self>,
        key: String,
        now: DateTime<Utc>,
        draw: DateTime<Utc>,
    ) -> Result<Turn, ApiError> {
        let number = u64::from_le_bytes(random::<8>()?);
        let (to, turn) = oneshot::channel();
        let first = {
            let mut rounds = self.rounds.lock().map_err(|_| ApiError::Internal)?;
            let round = rounds.entry(key.clone()).or_default();
            round.push((number, to));
            round.len() == 1
        };
        if first {
            let wait = (draw - now).to_std().unwrap_or_default();
            let lottery = self.clone();
            tokio::spawn(async move {
                tokio::time::sleep(wait).await;
                lottery.run(&key).await;
            });
        }
        turn.await.map_err(|_| ApiError::Internal)
    }

    /// Draws the round `key` and gives each hold its turn, in the order drawn.
    async fn run(&self, key: &str) {
        let round = match self.rounds.lock() {
            Ok(mut rounds) => rounds.remove(key).unwrap_or_default(),
            Err(_) => return,
        };
        let mut round = round;
        round.sort_unstable_by_key(|(number, _)| *number);
        tracing::info!(holds = round.len(), "the midnight lottery drew a round");
        for (_, to) in round {
            let (done, finished) = oneshot::channel();
            // A request gone meanwhile (its client left) passes its turn on.
            if to.send(Turn { _done: done }).is_ok() {
                // Dropping its turn, the hold lets the next one go.
                let _ = finished.await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[tokio::test]
    async fn every_hold_of_a_round_gets_its_turn_one_at_a_time() {
        let lottery = Arc::new(Lottery::default());
        let now = Utc::now();
        let draw = now + chrono::TimeDelta::milliseconds(100);
        let running = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let order = Arc::new(Mutex::new(Vec::new()));
        let tasks: Vec<_> = (0..40)
            .map(|i| {
                let (lottery, running, order) = (lottery.clone(), running.clone(), order.clone());
                tokio::spawn(async move {
                    let turn = lottery
                        .turn("podil:2026-12-14".into(), now, draw)
                        .await
                        .unwrap();
                    // Nobody else runs during this turn.
                    assert_eq!(running.fetch_add(1, std::sync::atomic::Ordering::SeqCst), 0);
                    tokio::task::yield_now().await;
                    running.fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    order.lock().unwrap().push(i);
                    drop(turn);
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        let order = order.lock().unwrap().clone();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..40).collect::<Vec<_>>());
        // Not the order they came in (a chance of 1 in 40! otherwise).
        assert_ne!(order, sorted);
    }
}
