//! Holds of one office and day written together: while one transaction
//! writes the holds asked so far, the next ones queue, and the next
//! transaction takes them all (up to [`MOST`]). One transaction then reads
//! what is taken once, decides each hold in the order asked against it and
//! the holds decided before it, and writes the ones given in one statement.
//! A refused hold costs no round trip of its own. On SQLite the single
//! writer serialises anyway (each batch is one of its writes); on
//! PostgreSQL a midnight rush's holds of one office no longer queue one
//! transaction each behind the office's lock.

use super::error::StoreError;
use super::hold_rows::{insert_holds, occupancy_of, own_holds, Own};
use super::holds::HoldClient;
use super::queries::visit_occupancy;
use super::rows::NewHold;
use super::tx::{internal, Tx};
use super::{Flush, Store};
use chrono::{NaiveDate, NaiveTime};
use domain::slots::Occupancy;
use std::collections::HashMap;
use std::sync::Mutex;
use tokio::sync::oneshot;

/// Holds written in one transaction at most.
const MOST: usize = 64;

/// What a hold's caller decides from what is taken during its visit and
/// when the client's other live holds expire.
pub(super) type Decide =
    Box<dyn FnOnce(&[Occupancy], &[i64]) -> Result<NewHold, StoreError> + Send>;

/// A hold asked for.
pub(super) struct Asked {
    pub visit: (NaiveTime, NaiveTime),
    pub now: i64,
    pub client: HoldClient,
    pub decide: Decide,
}

type Waiting = (Asked, oneshot::Sender<Result<NewHold, StoreError>>);

/// The holds waiting for the transaction under way, by office and day; a
/// key is present while a transaction of that office and day is under way.
#[derive(Default)]
pub(super) struct HoldQueues(Mutex<HashMap<(String, NaiveDate), Vec<Waiting>>>);

impl std::fmt::Debug for HoldQueues {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("HoldQueues")
    }
}

impl Store {
    /// Writes `asked` with the other holds of `office` and `day` asked
    /// meanwhile, and answers what was decided for it.
    pub(super) async fn hold_queued(
        &self,
        office: &str,
        day: NaiveDate,
        asked: Asked,
    ) -> Result<NewHold, StoreError> {
        let (answer, answered) = oneshot::channel();
        let key = (office.to_string(), day);
        let first = {
            let mut queues = self
                .holds
                .0
                .lock()
                .map_err(|_| internal("the hold queues' lock"))?;
            match queues.get_mut(&key) {
                Some(queue) => {
                    queue.push((asked, answer));
                    None
                }
                None => {
                    queues.insert(key.clone(), Vec::new());
                    Some((asked, answer))
                }
            }
        };
        if let Some(first) = first {
            // Its own task: the callers waiting behind it are answered even
            // if this caller goes away.
            let store = self.clone();
            tokio::spawn(async move { store.lead(key, vec![first]).await });
        }
        answered
            .await
            .map_err(|_| internal("the hold's batch ended unanswered"))?
    }

    /// Writes batches of `key` until none waits.
    async fn lead(&self, key: (String, NaiveDate), mut batch: Vec<Waiting>) {
        loop {
            let (asked, answers): (Vec<Asked>, Vec<_>) = batch.into_iter().unzip();
            let results = self.write_batch(&key.0, key.1, asked).await;
            for (answer, result) in answers.into_iter().zip(results) {
                // A caller gone meanwhile (its request timed out) is not told.
                let _ = answer.send(result);
            }
            let Ok(mut queues) = self.holds.0.lock() else {
                return;
            };
            let Some(queue) = queues.get_mut(&key) else {
                return;
            };
            if queue.is_empty() {
                queues.remove(&key);
                return;
            }
            let take = queue.len().min(MOST);
            batch = queue.drain(..take).collect();
        }
    }

    /// One transaction for `asked`: a result for each, in order.
    async fn write_batch(
        &self,
        office: &str,
        day: NaiveDate,
        asked: Vec<Asked>,
    ) -> Vec<Result<NewHold, StoreError>> {
        let count = asked.len();
        let mut keys = vec![format!("office-day:{office}:{day}")];
        // A client's own lock only when its holds are counted: every hold of
        // one address would wait for the one before it, even at other offices.
        keys.extend(
            asked
                .iter()
                .filter(|a| a.client.counted)
                .map(|a| format!("client:{}", a.client.key)),
        );
        let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
        let office = office.to_string();
        let written = self
            .write_as(&keys, Flush::Early, move |tx| {
                Box::pin(batch_in(tx, office, day, asked))
            })
            .await;
        match written {
            Ok(results) => results,
            Err(e) => vec![Err(e); count],
        }
    }
}

/// The batch's statements, inside its write transaction.
async fn batch_in(
    tx: &mut dyn Tx,
    office: String,
    day: NaiveDate,
    asked: Vec<Asked>,
) -> Result<Vec<Result<NewHold, StoreError>>, StoreError> {
    let now = asked.iter().map(|a| a.now).max().unwrap_or_default();
    let span = (
        asked.iter().map(|a| a.visit.0).min().unwrap_or_default(),
        asked.iter().map(|a| a.visit.1).max().unwrap_or_default(),
    );
    let mut taken = visit_occupancy(&mut *tx, &office, day, span, now).await?;
    let mut clients: Vec<String> = asked
        .iter()
        .filter(|a| a.client.counted || a.client.replaces.is_some())
        .map(|a| a.client.key.clone())
        .collect();
    clients.sort_unstable();
    clients.dedup();
    let mut own = own_holds(&mut *tx, &office, day, &clients, now).await?;
    let mut results = Vec::with_capacity(asked.len());
    let mut given: Vec<(NewHold, String)> = Vec::new();
    let mut released: Vec<(String, String)> = Vec::new();
    for a in asked {
        let key = a.client.key.clone();
        // The client's hold that this one replaces, as if released.
        let replaced = a
            .client
            .replaces
            .as_ref()
            .and_then(|r| own.iter().position(|o| &o.id == r && o.client == key));
        let gone = replaced.and_then(|i| own[i].here.clone());
        let mut visible: Vec<Occupancy> = taken
            .iter()
            .filter(|o| o.start < a.visit.1 && o.end > a.visit.0)
            .cloned()
            .collect();
        if let Some(i) = gone
            .as_ref()
            .and_then(|g| visible.iter().position(|o| o == g))
        {
            visible.swap_remove(i);
        }
        let live: Vec<i64> = if a.client.counted {
            own.iter()
                .enumerate()
                .filter(|(i, o)| o.client == key && Some(*i) != replaced && o.expires_at > a.now)
                .map(|(_, o)| o.expires_at)
                .collect()
        } else {
            Vec::new()
        };
        let decided = (a.decide)(&visible, &live);
        if let Ok(new) = &decided {
            if let Some(i) = replaced {
                let old = own.swap_remove(i);
                if let Some(i) = old.here.and_then(|g| taken.iter().position(|o| *o == g)) {
                    taken.swap_remove(i);
                }
            }
            if let Some(r) = &a.client.replaces {
                // Given earlier in this batch: not written at all.
                match given.iter().position(|(g, c)| &g.id == r && *c == key) {
                    Some(i) => drop(given.remove(i)),
                    None => released.push((r.clone(), key.clone())),
                }
            }
            let here = occupancy_of(&new.hold);
            taken.push(here.clone());
            own.push(Own {
                id: new.id.clone(),
                client: key.clone(),
                expires_at: new.hold.expires_at,
                here: Some(here),
            });
            given.push((new.clone(), key));
        }
        results.push(decided);
    }
    for (id, client) in &released {
        tx.exec(
            "DELETE FROM holds WHERE id = $1 AND client_key = $2",
            super::tx::args![id, client],
        )
        .await
        .map_err(internal)?;
    }
    insert_holds(tx, &given).await?;
    Ok(results)
}
