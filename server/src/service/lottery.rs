//! The midnight lottery (`domain::slots::Horizon::lottery_draw` says when a
//! hold takes part): the holds of a newly opened date asked within the
//! admission window wait until it ends, then go in a random order, one
//! round per office and date (holds of different offices do not compete for
//! places). A round lets [`BATCH`] holds at a time go to the writer, each
//! next one as soon as one of those is written: places go in the drawn order
//! but for that overlap, so a hold may be written before one drawn at most
//! `BATCH - 1` places ahead of it, an order no client can influence either.
//! The order comes from the operating system's CSPRNG: nobody, the server's
//! operator included, can arrange to come first.
//!
//! A hold that waits for its draw costs a waiting future, not a request in
//! flight: it gives back its place among `--max-in-flight` (so those who
//! come during the window are not told "busy" by those already waiting),
//! as long as no more than `--lottery-max-waiting` wait at this node; past
//! that, a waiting hold keeps its place, and the in-flight limit bounds it.

use super::secrets::random;
use app::api::ApiError;
use chrono::{DateTime, Utc};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::{oneshot, OwnedSemaphorePermit, Semaphore};

/// Holds of one round written at once.
pub const BATCH: usize = 32;

tokio::task_local! {
    /// The place among the requests in flight of the request this task
    /// serves (taken by `http::guard::in_flight`).
    static IN_FLIGHT: RefCell<Option<OwnedSemaphorePermit>>;
}

/// Runs `serve` holding `permit`, a place among the requests in flight that
/// a hold waiting for its draw gives back.
pub async fn in_flight<F: Future>(permit: OwnedSemaphorePermit, serve: F) -> F::Output {
    IN_FLIGHT.scope(RefCell::new(Some(permit)), serve).await
}

/// A hold's turn: while it is held, one hold fewer of its round may start.
#[derive(Debug)]
pub struct Turn {
    _written: OwnedSemaphorePermit,
}

type Ticket = (u64, oneshot::Sender<Turn>);

/// The rounds waiting for their draw, by office and date.
#[derive(Debug)]
pub struct Lottery {
    rounds: Mutex<HashMap<String, Vec<Ticket>>>,
    /// Holds waiting at this node without a place in flight.
    waiting: AtomicUsize,
    /// At most that many.
    max_waiting: usize,
    /// Holds of a round written at once.
    batch: usize,
}

/// Counts a hold that gave back its place in flight until its turn comes.
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

impl Lottery {
    /// A lottery where at most `max_waiting` holds wait outside the requests
    /// in flight, and `batch` holds of a round are written at once.
    pub fn new(max_waiting: usize, batch: usize) -> Self {
        Lottery {
            rounds: Mutex::new(HashMap::new()),
            waiting: AtomicUsize::new(0),
            max_waiting,
            batch: batch.max(1),
        }
    }

    /// Gives back this request's place in flight, if fewer than
    /// `max_waiting` already wait so.
    fn leave_in_flight(&self) -> Option<Waiting<'_>> {
        let counted = self
            .waiting
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
                (n < self.max_waiting).then_some(n + 1)
            })
            .is_ok();
        if !counted {
            return None;
        }
        let waiting = Waiting(&self.waiting);
        let left = IN_FLIGHT.try_with(|p| p.borrow_mut().take()).ok().flatten();
        // Not counted in flight (called outside `in_flight`): nothing to give back.
        left.map(|_| waiting)
    }

    /// Enters the round `key` drawn at `draw` (reckoned by `now`, the
    /// services' clock) and waits for this hold's turn.
    pub async fn turn(
        self: &Arc<Self>,
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
        let _waiting = self.leave_in_flight();
        turn.await.map_err(|_| ApiError::Internal)
    }

    /// Draws the round `key` and gives the holds their turns in the order
    /// drawn, `batch` at a time.
    async fn run(&self, key: &str) {
        let round = match self.rounds.lock() {
            Ok(mut rounds) => rounds.remove(key).unwrap_or_default(),
            Err(_) => return,
        };
        let mut round = round;
        round.sort_unstable_by_key(|(number, _)| *number);
        tracing::info!(holds = round.len(), "the midnight lottery drew a round");
        let written = Arc::new(Semaphore::new(self.batch));
        for (_, to) in round {
            let Ok(slot) = written.clone().acquire_owned().await else {
                return;
            };
            // A request gone meanwhile (its client left) passes its turn on
            // (the slot comes back with the unsent turn).
            let _ = to.send(Turn { _written: slot });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    #[tokio::test]
    async fn every_hold_of_a_round_gets_its_turn_a_batch_at_a_time() {
        let lottery = Arc::new(Lottery::new(100, 4));
        let now = Utc::now();
        let draw = now + chrono::TimeDelta::milliseconds(100);
        let running = Arc::new(AtomicUsize::new(0));
        let most = Arc::new(AtomicUsize::new(0));
        let order = Arc::new(Mutex::new(Vec::new()));
        let tasks: Vec<_> = (0..40)
            .map(|i| {
                let (lottery, running, most, order) = (
                    lottery.clone(),
                    running.clone(),
                    most.clone(),
                    order.clone(),
                );
                tokio::spawn(async move {
                    let turn = lottery
                        .turn("podil:2026-12-14".into(), now, draw)
                        .await
                        .unwrap();
                    let at_once = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(at_once, Ordering::SeqCst);
                    tokio::task::yield_now().await;
                    running.fetch_sub(1, Ordering::SeqCst);
                    order.lock().unwrap().push(i);
                    drop(turn);
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        // Never more than a batch at once, and a whole batch when it can.
        assert_eq!(most.load(Ordering::SeqCst), 4);
        let order = order.lock().unwrap().clone();
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..40).collect::<Vec<_>>());
        // Not the order they came in (a chance of about 1 in 40!/4^40 otherwise).
        assert_ne!(order, sorted);
    }

    /// Waits for a draw 100 ms ahead while holding the only place in flight,
    /// and says whether the place was free meanwhile.
    async fn place_free_while_waiting(lottery: Lottery) -> bool {
        let lottery = Arc::new(lottery);
        let places = Arc::new(Semaphore::new(1));
        let permit = places.clone().try_acquire_owned().unwrap();
        let now = Utc::now();
        let draw = now + chrono::TimeDelta::milliseconds(100);
        let waiting = tokio::spawn(in_flight(permit, async move {
            lottery
                .turn("podil:2026-12-14".into(), now, draw)
                .await
                .map(drop)
        }));
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let free = places.available_permits() == 1;
        waiting.await.unwrap().unwrap();
        free
    }

    #[tokio::test]
    async fn a_waiting_hold_gives_back_its_place_in_flight_up_to_the_limit() {
        assert!(place_free_while_waiting(Lottery::new(1, BATCH)).await);
        assert!(!place_free_while_waiting(Lottery::new(0, BATCH)).await);
    }
}
