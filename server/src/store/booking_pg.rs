//! The statements of a confirm alone on PostgreSQL (one that a batch of
//! confirms left, `confirm_batch.rs`), where each statement is a round
//! trip to the database: the hold taken away, the board counted on and what
//! the decision reads go as one statement, the ticket with its history and
//! its messages as another. SQLite's writer runs the same work statement by
//! statement in its own process (`booking.rs`); the suite runs both.

use super::booking::{Found, Wanted};
use super::error::StoreError;
use super::queries::{active_of_sql, active_row, visit_occupancy_sql};
use super::rows::*;
use super::ticket_write::TICKET_INSERT;
use super::tx::{args, internal, DbRow, Tx};
use std::sync::LazyLock;

/// `$1` the hold, `$2` the office, `$3` the day, `[$5, $4)` the visit, `$6`
/// now, `$7`, `$8`, `$9` the person's name key, tax key and contact key.
/// Rows: `n` the board's counter (none: no hold was there, and nothing was
/// counted), `o` what else is taken during the visit, `a` an active ticket of
/// the person or contact. Every part sees the database as it was before the
/// hold was deleted, so the hold's own row is left out by its id.
static TAKE_HOLD_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH gone AS (DELETE FROM holds WHERE id = $1 RETURNING id),
         counted AS (
           INSERT INTO day_counters (office_id, day, seq) SELECT $2, $3, 1 FROM gone
           ON CONFLICT (office_id, day) DO UPDATE SET seq = day_counters.seq + 1 RETURNING seq)
         SELECT 'n', CAST(seq AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT),
                CAST(NULL AS TEXT), CAST(NULL AS TEXT), CAST(NULL AS TEXT) FROM counted
         UNION ALL
         SELECT 'o', o.*, NULL, NULL FROM ({}) o WHERE EXISTS (SELECT 1 FROM gone)
         UNION ALL
         SELECT 'a', a.* FROM ({}) a WHERE EXISTS (SELECT 1 FROM gone)",
        visit_occupancy_sql(2, "", "AND id <> $1"),
        active_of_sql(7),
    )
});

/// [`TICKET_INSERT`], its first history line and its confirmations in one
/// statement: `$28` now, `$29` the message's kind, `$30` and `$31` the ids of
/// the e-mail's and the SMS's rows (NULL: not sent that way), `$32` this
/// node's name.
pub(super) static WRITE_TICKET_SQL: LazyLock<String> = LazyLock::new(|| {
    let insert = TICKET_INSERT.as_str();
    format!(
        "WITH t AS ({insert} RETURNING id),
         e AS (INSERT INTO ticket_events (ticket_id, seq, event, from_status, to_status, actor, at, node)
               SELECT id, 1, 'book', 'booked', 'booked', 'applicant', $28, $32 FROM t),
         o AS (INSERT INTO outbox (id, ticket_id, kind, channel, created_at, due_at)
               SELECT c.id, t.id, $29, c.channel, $28, $28
                 FROM t, (VALUES (CAST($30 AS TEXT), 'email'), (CAST($31 AS TEXT), 'sms')) AS c (id, channel)
                WHERE c.id IS NOT NULL)
         SELECT id FROM t"
    )
});

/// Deletes the hold and reads what the decision needs in one round trip;
/// none if no hold was there.
pub(super) async fn take_hold(
    tx: &mut dyn Tx,
    w: &Wanted<'_>,
) -> Result<Option<Found>, StoreError> {
    let rows = tx
        .rows(
            &TAKE_HOLD_SQL,
            args![
                w.hold_id,
                &w.hold.office,
                day_text(w.hold.day),
                time_text(w.visit.1),
                time_text(w.visit.0),
                w.now,
                w.person_key,
                w.tax_key.map(str::to_string),
                w.contact_key,
            ],
        )
        .await
        .map_err(internal)?;
    let mut found = Found {
        taken: Vec::new(),
        active: Vec::new(),
        seq: None,
    };
    for row in &rows {
        let rest = DbRow(row.0[1..].to_vec());
        match row.text(0)?.as_str() {
            "n" => {
                let seq = rest.text(0)?;
                found.seq = Some(seq.parse().map_err(|_| internal("the day counter"))?);
            }
            "o" => found.taken.push(occupancy_row(&rest)?.1),
            _ => found.active.push(active_row(&rest)?),
        }
    }
    Ok(found.seq.is_some().then_some(found))
}
