//! The display board of an office: its latest calls, pushed to every board
//! open on any node. A change of the office's queue on this node publishes
//! at once to the boards connected here and tells the other nodes
//! (PostgreSQL's `NOTIFY`, news `board:OFFICE`), which read the calls afresh
//! and publish to theirs. Each publication is the whole list, so a board
//! that missed one, or reconnected, loses nothing. No personal data: numbers
//! and windows only.

use super::Services;
use domain::catalog::OfficeId;
use domain::slots::kyiv_today;
use office::api::{BoardCall, BoardView, StaffError};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::broadcast;

/// How many calls a board shows.
pub const BOARD_CALLS: i64 = 10;

/// The boards connected to this node, by office.
#[derive(Debug, Default)]
pub struct Boards {
    channels: Mutex<HashMap<String, broadcast::Sender<Arc<BoardView>>>>,
}

impl Boards {
    /// Follows `office`'s board.
    pub fn subscribe(&self, office: &str) -> broadcast::Receiver<Arc<BoardView>> {
        let mut channels = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        channels
            .entry(office.to_string())
            .or_insert_with(|| broadcast::channel(16).0)
            .subscribe()
    }

    /// Shows `view` on the boards of `office` connected here; forgets an
    /// office whose boards have all gone.
    fn publish(&self, office: &str, view: Arc<BoardView>) {
        let mut channels = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(tx) = channels.get(office) {
            if tx.send(view).is_err() {
                channels.remove(office);
            }
        }
    }

    fn watched(&self, office: &str) -> bool {
        let channels = self.channels.lock().unwrap_or_else(|p| p.into_inner());
        channels.contains_key(office)
    }
}

impl Services {
    /// Whether the catalog has office `office`.
    pub fn has_office(&self, office: &str) -> bool {
        let current = self.state();
        current.catalog.office(&OfficeId(office.into())).is_some()
    }

    /// The board of `office` now: its latest calls of today, newest first.
    pub async fn board(&self, office: &str) -> Result<BoardView, StaffError> {
        if !self.has_office(office) {
            return Err(StaffError::NotFound {
                what: "office".into(),
            });
        }
        let today = kyiv_today(self.now());
        let rows = self.store.last_calls(office, today, BOARD_CALLS).await?;
        Ok(BoardView {
            office: office.into(),
            calls: rows
                .into_iter()
                .map(|(number, window, at)| BoardCall { number, window, at })
                .collect(),
        })
    }

    /// Follows the board of `office` on this node.
    pub fn board_events(&self, office: &str) -> broadcast::Receiver<Arc<BoardView>> {
        self.office.boards.subscribe(office)
    }

    /// Publishes `office`'s board to the boards connected here, if any.
    pub(super) async fn publish_board(&self, office: &str) {
        if !self.office.boards.watched(office) {
            return;
        }
        if let Ok(view) = self.board(office).await {
            self.office.boards.publish(office, Arc::new(view));
        }
    }

    /// `office`'s queue changed here: its boards on every node follow.
    pub(super) async fn board_changed(&self, office: &str) {
        self.publish_board(office).await;
        // A failure is logged by the store; the other nodes' boards then
        // follow at this office's next change.
        let _ = self.store.announce(&format!("board:{office}")).await;
    }
}
