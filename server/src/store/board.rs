//! The calls a display board shows.

use super::error::StoreError;
use super::tx::args;
use super::Store;
use chrono::NaiveDate;

impl Store {
    /// The latest `limit` calls of `office` on `day`, newest first: (board
    /// number, window, when called in Unix seconds). A ticket put back or
    /// annulled leaves the list.
    pub async fn last_calls(
        &self,
        office: &str,
        day: NaiveDate,
        limit: i64,
    ) -> Result<Vec<(String, String, i64)>, StoreError> {
        let rows = self
            .read(
                "SELECT board_number, called_window, called_at FROM tickets
                 WHERE office_id = $1 AND day = $2 AND called_at IS NOT NULL AND called_window IS NOT NULL
                   AND status IN ('called', 'serving', 'served')
                 ORDER BY called_at DESC, board_seq DESC LIMIT $3",
                args![office, day.to_string(), limit],
            )
            .await?;
        rows.iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?, r.int(2)?)))
            .collect()
    }
}
