//! The help pages (migration 21): read for the applicants' pages, filled
//! from the data files where missing, and replaced by the system
//! administrator with the change recorded in the audit trail.

use super::error::StoreError;
use super::trail::{insert_staff_event, NewStaffEvent};
use super::tx::{args, internal};
use super::Store;

impl Store {
    /// The text of page `id` in `lang`, if there is one.
    pub async fn help_page(&self, id: &str, lang: &str) -> Result<Option<String>, StoreError> {
        let rows = self
            .read(
                "SELECT body FROM help_pages WHERE id = $1 AND lang = $2",
                args![id, lang],
            )
            .await?;
        rows.first().map(|r| r.text(0)).transpose()
    }

    /// Stores the pages `(id, lang, text)` that are not stored yet (a page
    /// the administrator changed stays as they left it); answers how many.
    pub async fn fill_help_pages(
        &self,
        pages: Vec<(String, String, String)>,
        now: i64,
    ) -> Result<u64, StoreError> {
        self.write(&["help-pages"], move |tx| {
            Box::pin(async move {
                let mut added = 0;
                for (id, lang, body) in &pages {
                    added += tx
                        .exec(
                            "INSERT INTO help_pages (id, lang, body, updated_at)
                             VALUES ($1, $2, $3, $4) ON CONFLICT (id, lang) DO NOTHING",
                            args![id, lang, body, now],
                        )
                        .await
                        .map_err(internal)?;
                }
                Ok(added)
            })
        })
        .await
    }

    /// Replaces page `id` in `lang` with `body`, recording `event`.
    pub async fn save_help_page(
        &self,
        id: &str,
        lang: &str,
        body: String,
        event: NewStaffEvent,
    ) -> Result<(), StoreError> {
        let (id, lang) = (id.to_string(), lang.to_string());
        self.write(&["help-pages"], move |tx| {
            Box::pin(async move {
                tx.exec(
                    "INSERT INTO help_pages (id, lang, body, updated_at) VALUES ($1, $2, $3, $4)
                     ON CONFLICT (id, lang) DO UPDATE SET body = excluded.body,
                         updated_at = excluded.updated_at",
                    args![&id, &lang, &body, event.at],
                )
                .await
                .map_err(internal)?;
                insert_staff_event(tx, &event).await
            })
        })
        .await
    }
}
