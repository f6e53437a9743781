//! The personal data of tickets long past, erased (`domain::retention`).

use super::error::StoreError;
use super::rows::{day_text, ACTIVE};
use super::tx::{args, internal};
use super::Store;
use chrono::NaiveDate;
use std::sync::LazyLock;

/// Blanks what names the person in up to `$2` tickets of days before `$1`
/// that are no longer active and not yet erased, and marks them erased at
/// `$3`. What the figures need stays: office, service, day, times, window,
/// status, board number, the answers to the service's questions (choices
/// that name nobody once the name is gone), payments and the history. The
/// keys become `erased` (no longer anybody's: the unique indexes cover
/// active tickets only), so "My tickets" and the booking rules no longer
/// find them.
static ERASE_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "UPDATE tickets SET surname = '', given_name = '', patronymic = NULL, birth_date = '',
                rnokpp = NULL, phone = NULL, email = NULL, person_key = 'erased',
                contact_key = 'erased', tax_key = NULL, email_key = NULL, request_hash = NULL,
                keys_version = 2, erased_at = $3
          WHERE id IN (SELECT id FROM tickets
                        WHERE day < $1 AND erased_at IS NULL AND status NOT IN {ACTIVE}
                        ORDER BY day LIMIT $2)"
    )
});

impl Store {
    /// Erases the personal data of up to `limit` tickets whose day is before
    /// `kept_from` and that are no longer active, at `now`; returns how many.
    /// Run again it finds only those not yet erased, so several nodes may
    /// run it at once (each ticket is erased once, under one lock).
    pub async fn erase_personal_data(
        &self,
        kept_from: NaiveDate,
        now: i64,
        limit: i64,
    ) -> Result<u64, StoreError> {
        self.write(&["retention"], move |tx| {
            Box::pin(async move {
                tx.exec(&ERASE_SQL, args![day_text(kept_from), limit, now])
                    .await
                    .map_err(internal)
            })
        })
        .await
    }
}
