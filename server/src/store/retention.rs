//! The personal data of tickets long past, erased (`domain::retention`).

use super::error::StoreError;
use super::rows::{day_text, ACTIVE};
use super::tx::{args, internal};
use super::Store;
use chrono::NaiveDate;
use std::sync::LazyLock;

/// Blanks what names the person in the tickets that a `WHERE` picks, and
/// marks them erased at `$3`. What the figures need stays: office, service, day, times, window,
/// status, board number, the answers to the service's questions (choices
/// that name nobody once the name is gone), payments and the history. The
/// keys become `erased` (no longer anybody's: the unique indexes cover
/// active tickets only), so "My tickets" and the booking rules no longer
/// find them.
const ERASE: &str = "UPDATE tickets SET surname = '', given_name = '', patronymic = NULL,
        birth_date = '', rnokpp = NULL, phone = NULL, email = NULL, person_key = 'erased',
        contact_key = 'erased', tax_key = NULL, email_key = NULL, request_hash = NULL,
        keys_version = 3, erased_at = $3";

/// Up to `$2` tickets of days before `$1` that are no longer active and not
/// yet erased.
static ERASE_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{ERASE} WHERE id IN (SELECT id FROM tickets
                               WHERE day < $1 AND erased_at IS NULL AND status NOT IN {ACTIVE}
                               ORDER BY day LIMIT $2)"
    )
});

/// The same for the tickets of contact key `$1` that are over (no longer
/// active, or of a day before `$2`).
static ERASE_CONTACT_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{ERASE} WHERE (contact_key = $1 OR email_key = $1) AND erased_at IS NULL
                  AND (status NOT IN {ACTIVE} OR day < $2)"
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

    /// Erases the personal data of contact key `key`'s tickets that are
    /// over (no longer active, or of a day before `today`), at `now`, as
    /// its owner asked; returns how many.
    pub async fn erase_contact_past(
        &self,
        key: &str,
        today: NaiveDate,
        now: i64,
    ) -> Result<u64, StoreError> {
        let key = key.to_string();
        self.write(&["retention"], move |tx| {
            Box::pin(async move {
                tx.exec(&ERASE_CONTACT_SQL, args![&key, day_text(today), now])
                    .await
                    .map_err(internal)
            })
        })
        .await
    }
}
