//! A new ticket's row: its columns, the statements that write it (one
//! ticket from parameters; many from JSON, for PostgreSQL's batches of
//! confirms) and its values.

use super::rows::*;
use super::tx::args;
use std::sync::LazyLock;

/// The columns a booking writes: the values of [`ticket_args`] in order
/// (`None`), and constants.
const TICKET_WRITE: [(&str, Option<&str>); 30] = [
    ("id", None),
    ("office_id", None),
    ("service_id", None),
    ("day", None),
    ("start_time", None),
    ("end_time", None),
    ("window_id", None),
    ("board_number", None),
    ("board_seq", None),
    ("status", Some("'booked'")),
    ("paid", Some("0")),
    ("person_key", None),
    ("contact_key", None),
    ("surname", None),
    ("given_name", None),
    ("patronymic", None),
    ("birth_date", None),
    ("rnokpp", None),
    ("phone", None),
    ("email", None),
    ("answers", None),
    ("token_hash", None),
    ("idempotency_hash", None),
    ("token_sealed", None),
    ("created_at", None),
    ("tax_key", None),
    ("request_hash", None),
    ("lang", None),
    ("keys_version", Some("3")),
    ("email_key", None),
];

/// `INSERT INTO tickets` of [`TICKET_WRITE`]'s columns, each value of
/// [`ticket_args`] (its number from 1, its column) as `value` says, then `rest`.
fn ticket_insert(value: impl Fn(usize, &str) -> String, rest: &str) -> String {
    let mut n = 0;
    let values: Vec<String> = TICKET_WRITE
        .iter()
        .map(|(column, constant)| match constant {
            Some(c) => c.to_string(),
            None => {
                n += 1;
                value(n, column)
            }
        })
        .collect();
    let columns: Vec<&str> = TICKET_WRITE.iter().map(|(c, _)| *c).collect();
    rest.replace("{columns}", &columns.join(", "))
        .replace("{values}", &values.join(", "))
}

/// A new ticket's row from [`ticket_args`] (`$1` to `$27`).
pub(super) static TICKET_INSERT: LazyLock<String> = LazyLock::new(|| {
    ticket_insert(
        |n, _| format!("${n}"),
        "INSERT INTO tickets ({columns}) VALUES ({values})",
    )
});

/// New tickets' rows from `$1`: a JSON array of objects, each keyed by the
/// columns of [`ticket_args`] ([`ticket_arg_columns`]).
pub(super) static TICKETS_FROM_JSON: LazyLock<String> = LazyLock::new(|| {
    ticket_insert(
        |_, column| column.to_string(),
        "INSERT INTO tickets ({columns}) SELECT {values}
           FROM jsonb_populate_recordset(CAST(NULL AS tickets), CAST($1 AS jsonb))",
    )
});

/// The columns of [`ticket_args`], in order.
pub(super) fn ticket_arg_columns() -> impl Iterator<Item = &'static str> {
    TICKET_WRITE
        .iter()
        .filter(|(_, constant)| constant.is_none())
        .map(|(column, _)| *column)
}

/// The arguments of [`TICKET_INSERT`].
pub(super) fn ticket_args(
    t: &NewTicket,
    hold: &HoldRow,
    number: &str,
    seq: i64,
) -> Vec<super::tx::Arg> {
    args![
        &t.id,
        &hold.office,
        &hold.service,
        day_text(hold.day),
        time_text(hold.start),
        time_text(hold.end),
        &t.window,
        number,
        seq,
        &t.person_key,
        &t.contact_key,
        &t.surname,
        &t.given_name,
        t.patronymic.clone(),
        day_text(t.birth_date),
        t.rnokpp.clone(),
        t.phone.clone(),
        t.email.clone(),
        &t.answers,
        &t.token_hash,
        &t.idempotency_hash,
        &t.token_sealed,
        t.created_at,
        t.tax_key.clone(),
        &t.request_hash,
        &t.lang,
        t.email_key.clone(),
    ]
}
