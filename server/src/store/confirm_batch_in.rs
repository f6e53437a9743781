//! The statements of a batch of confirms on PostgreSQL, inside its write
//! transaction (`confirm_batch.rs` queues them): one that reads what every
//! confirm needs, the decisions in Rust in the order asked, one that writes
//! every ticket made.

use super::booking::{created, outbox_id};
use super::confirm_batch::Asked;
use super::error::StoreError;
use super::hold_rows::occupancy_of;
use super::outbox::MessageKind;
use super::queries::{active_of_on, active_row, board_number, end_lapsed, visit_occupancy_on};
use super::rows::*;
use super::ticket_write::{ticket_arg_columns, ticket_args, TICKETS_FROM_JSON};
use super::tx::{args, internal, Arg, DbRow, Tx};
use domain::slots::Occupancy;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};

/// What the batch reads: `$1` the confirms as JSON rows (`h` the hold, `o`,
/// `d` its office and day, `[s, e)` its visit, `n` now, `p`, `t`, `c` the
/// person's name key, tax key and contact key). Rows: `h` a hold that is
/// there; `n` an office-day's board counter (NULL: none yet); `o` what else
/// is taken during a confirm's visit; `a` an active ticket of a confirm's
/// person or contact. The last three name the confirm by its hold.
static READ_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH w AS (SELECT * FROM jsonb_to_recordset(CAST($1 AS jsonb))
                      AS w (h TEXT, o TEXT, d TEXT, s TEXT, e TEXT, n BIGINT, p TEXT, t TEXT, c TEXT))
         SELECT 'h', id, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM holds WHERE id IN (SELECT h FROM w)
         UNION ALL
         SELECT 'n', v.o, v.d, CAST(c.seq AS TEXT), NULL, NULL, NULL, NULL, NULL
           FROM (SELECT DISTINCT o, d FROM w) v
           LEFT JOIN day_counters c ON c.office_id = v.o AND c.day = v.d
         UNION ALL
         SELECT 'o', w.h, x.*, NULL, NULL FROM w, LATERAL ({}) x
         UNION ALL
         SELECT 'a', w.h, x.* FROM w, LATERAL ({}) x",
        visit_occupancy_on(["w.o", "w.d", "w.e", "w.s", "w.n"], "", "AND id <> w.h"),
        active_of_on(["w.p", "w.t", "w.c"]),
    )
});

/// What the batch writes: `$1` the tickets, `$2` the holds taken, `$3` the
/// messages, `$4` the board counters (JSON), `$5` this node's name. Answers
/// how many holds it took.
static WRITE_SQL: LazyLock<String> = LazyLock::new(|| {
    let tickets = TICKETS_FROM_JSON.as_str();
    format!(
        "WITH t AS ({tickets} RETURNING id, created_at),
         g AS (DELETE FROM holds WHERE id IN (SELECT jsonb_array_elements_text(CAST($2 AS jsonb)))
               RETURNING id),
         e AS (INSERT INTO ticket_events (ticket_id, seq, event, from_status, to_status, actor, at, node)
               SELECT id, 1, 'book', 'booked', 'booked', 'applicant', created_at, $5 FROM t),
         m AS (INSERT INTO outbox (id, ticket_id, kind, channel, created_at, due_at)
               SELECT id, ticket_id, kind, channel, created_at, created_at
                 FROM jsonb_populate_recordset(CAST(NULL AS outbox), CAST($3 AS jsonb))),
         c AS (INSERT INTO day_counters (office_id, day, seq)
               SELECT office_id, day, seq
                 FROM jsonb_populate_recordset(CAST(NULL AS day_counters), CAST($4 AS jsonb))
               ON CONFLICT (office_id, day) DO UPDATE SET seq = EXCLUDED.seq)
         SELECT COUNT(*) FROM g"
    )
});

/// What one confirm found.
#[derive(Default)]
struct Found {
    taken: Vec<Occupancy>,
    active: Vec<ActiveRow>,
}

/// The batch's statements, inside its write transaction: for each confirm
/// its answer, or none to leave it to the confirm alone.
pub(super) async fn batch_in(
    tx: &mut dyn Tx,
    asked: Arc<Vec<Asked>>,
) -> Result<Vec<Option<Result<ConfirmOutcome, StoreError>>>, StoreError> {
    // A hold asked twice is read once (its second confirm is made alone).
    let mut seen = HashSet::new();
    let wanted: Vec<Value> = asked
        .iter()
        .filter(|a| seen.insert(a.keys.hold_id.as_str()))
        .map(|a| {
            json!({
                "h": a.keys.hold_id, "o": a.hold.office, "d": day_text(a.hold.day),
                "s": time_text(a.hold.start), "e": time_text(a.hold.end), "n": a.now,
                "p": a.keys.person_key, "t": a.keys.tax_key, "c": a.keys.contact_key,
            })
        })
        .collect();
    let rows = tx
        .rows(&READ_SQL, args![Value::Array(wanted).to_string()])
        .await
        .map_err(internal)?;
    let mut holds: HashSet<String> = HashSet::new();
    // Each office-day's board counter, and whether the batch counted on it.
    let mut counters: HashMap<(String, String), (i64, bool)> = HashMap::new();
    let mut found: HashMap<String, Found> = HashMap::new();
    for row in &rows {
        let rest = DbRow(row.0[2..].to_vec());
        let kind = row.text(0)?;
        let id = row.text(1)?;
        match kind.as_str() {
            "h" => drop(holds.insert(id)),
            "n" => {
                let seq = rest.maybe_text(1)?.map(|s| s.parse::<i64>()).transpose();
                let seq = seq.map_err(|_| internal("the day counter"))?.unwrap_or(0);
                counters.insert((id, rest.text(0)?), (seq, false));
            }
            "o" => found
                .entry(id)
                .or_default()
                .taken
                .push(occupancy_row(&rest)?.1),
            _ => found.entry(id).or_default().active.push(active_row(&rest)?),
        }
    }
    let mut out = Vec::with_capacity(asked.len());
    let mut write = Written::default();
    // The confirms made so far, as those after them see them.
    let mut made: Vec<(&Asked, ActiveRow, Occupancy)> = Vec::new();
    for a in asked.iter() {
        let id = &a.keys.hold_id;
        if !holds.remove(id) {
            out.push(None);
            continue;
        }
        let mut f = found.remove(id).unwrap_or_default();
        // What the database would show had each confirm before committed
        // alone: its hold gone, its ticket there.
        for (before, ticket, place) in &made {
            if same_visit(before, a) {
                let hold = occupancy_of(&before.hold);
                let live = before.hold.expires_at > a.now;
                if let Some(i) = f.taken.iter().position(|o| live && *o == hold) {
                    f.taken.swap_remove(i);
                }
                f.taken.push(place.clone());
            }
            if shares_key(ticket, &a.keys) {
                f.active.push(ticket.clone());
            }
        }
        let t = match (a.decide)(&f.taken, &f.active) {
            Ok(t) => t,
            Err(e) => {
                out.push(Some(Err(e)));
                continue;
            }
        };
        for (id, from) in &t.lapse {
            end_lapsed(&mut *tx, id, from, a.now).await?;
        }
        let office_day = (a.hold.office.clone(), day_text(a.hold.day));
        let counter = counters.entry(office_day).or_insert((0, false));
        *counter = (counter.0 + 1, true);
        let number = board_number(t.board_prefix, counter.0);
        write.add(&t, a, &number, counter.0);
        let ticket = ActiveRow {
            id: t.id.clone(),
            person_key: t.person_key.clone(),
            tax_key: t.tax_key.clone(),
            service: a.hold.service.clone(),
            contact_key: t.contact_key.clone(),
            day: a.hold.day,
            status: "booked".into(),
        };
        let place = Occupancy {
            window: t.window.clone(),
            ..occupancy_of(&a.hold)
        };
        made.push((a, ticket, place));
        out.push(Some(Ok(ConfirmOutcome::Created(created(
            t, &a.hold, number, a.now,
        )))));
    }
    if write.holds.is_empty() {
        return Ok(out);
    }
    let counters: Vec<Value> = counters
        .into_iter()
        .filter(|(_, (_, counted))| *counted)
        .map(|((office, day), (seq, _))| json!({"office_id": office, "day": day, "seq": seq}))
        .collect();
    let expected = write.holds.len();
    let taken = tx
        .rows(
            &WRITE_SQL,
            args![
                Value::Array(write.tickets).to_string(),
                Value::from(write.holds).to_string(),
                Value::Array(write.messages).to_string(),
                Value::Array(counters).to_string(),
                super::node(),
            ],
        )
        .await
        .map_err(internal)?;
    let taken = taken.first().ok_or_else(|| internal("no count"))?.int(0)?;
    if usize::try_from(taken).ok() != Some(expected) {
        // A hold went between the read and the write: nothing is written,
        // and each confirm is made alone.
        return Err(internal("a hold of the batch went meanwhile"));
    }
    Ok(out)
}

/// True if the visits of `a` and `b` overlap at one office on one day.
fn same_visit(a: &Asked, b: &Asked) -> bool {
    a.hold.office == b.hold.office
        && a.hold.day == b.hold.day
        && a.hold.start < b.hold.end
        && a.hold.end > b.hold.start
}

/// True if the ticket `m` counts for a confirm of `keys` (as
/// [`active_of_on`] finds it).
fn shares_key(m: &ActiveRow, keys: &ConfirmKeys) -> bool {
    m.person_key == keys.person_key
        || m.contact_key == keys.contact_key
        || (m.tax_key.is_some() && m.tax_key == keys.tax_key)
}

/// The batch's rows to write, as JSON.
#[derive(Default)]
struct Written {
    tickets: Vec<Value>,
    holds: Vec<String>,
    messages: Vec<Value>,
}

impl Written {
    fn add(&mut self, t: &NewTicket, a: &Asked, number: &str, seq: i64) {
        let row: Map<String, Value> = ticket_arg_columns()
            .zip(ticket_args(t, &a.hold, number, seq))
            .map(|(column, arg)| {
                let value = match arg {
                    Arg::Text(s) => Value::from(s),
                    Arg::MaybeText(s) => Value::from(s),
                    Arg::Int(i) => Value::from(i),
                };
                (column.to_string(), value)
            })
            .collect();
        self.tickets.push(Value::Object(row));
        self.holds.push(a.keys.hold_id.clone());
        let kind = MessageKind::Booked.as_str();
        for (channel, given) in [("email", t.email.is_some()), ("sms", t.phone.is_some())] {
            if given {
                self.messages.push(json!({
                    "id": outbox_id(&t.id, channel), "ticket_id": t.id, "kind": kind,
                    "channel": channel, "created_at": a.now,
                }));
            }
        }
    }
}
