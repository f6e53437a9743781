//! The audit trail (migration 17): staff actions recorded, and the trail
//! searched. Only inserts and reads: its tables refuse updates and deletes.

use super::error::StoreError;
use super::tx::{args, internal, Arg, DbRow, Tx};
use super::Store;

/// A staff action to record.
#[derive(Debug, Clone)]
pub struct NewStaffEvent {
    /// A fresh ordered id.
    pub id: String,
    /// Unix seconds.
    pub at: i64,
    /// The account (none: a login no account has).
    pub staff: Option<String>,
    /// Its office.
    pub office: Option<String>,
    /// What (`signin`, `signin_failed`…).
    pub event: &'static str,
    /// What changed, before and after (JSON), for an administrator's change.
    pub detail: Option<String>,
}

/// What a search asks (all that are given must hold).
#[derive(Debug, Clone, Default)]
pub struct TrailQuery {
    /// The office.
    pub office: Option<String>,
    /// Events in `[from, to)` (Unix seconds).
    pub during: Option<(i64, i64)>,
    /// The ticket numbered so on this visit day: its whole history.
    pub ticket: Option<(String, String)>,
    /// What this account did.
    pub staff: Option<String>,
    /// At most this many of each kind.
    pub limit: i64,
}

/// An event found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrailRow {
    /// Unix seconds.
    pub at: i64,
    /// The node.
    pub node: String,
    /// What.
    pub event: String,
    /// Who, as stored: `applicant`, `system`, `officer:ID`, `admin:ID`; a
    /// staff action's account id (empty: none).
    pub actor: String,
    /// The office.
    pub office: Option<String>,
    /// A ticket's id, number and visit day (`YYYY-MM-DD`).
    pub ticket: Option<(String, String, String)>,
    /// Its status before and after.
    pub change: Option<(String, String)>,
    /// A staff action's detail (an administrator's change: JSON of what
    /// changed, before and after).
    pub detail: Option<String>,
}

/// Writes staff action `e` in the transaction `tx`.
pub(super) async fn insert_staff_event(
    tx: &mut dyn Tx,
    e: &NewStaffEvent,
) -> Result<(), StoreError> {
    tx.exec(
        "INSERT INTO staff_events (id, at, node, staff_id, office_id, event, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
        args![
            &e.id,
            e.at,
            super::node(),
            e.staff.clone(),
            e.office.clone(),
            e.event,
            e.detail.clone()
        ],
    )
    .await
    .map(|_| ())
    .map_err(internal)
}

/// Appends `cond` with its argument as the next `$N`.
fn and(sql: &mut String, args: &mut Vec<Arg>, cond: &str, arg: impl Into<Arg>) {
    args.push(arg.into());
    sql.push_str(&cond.replace("$?", &format!("${}", args.len())));
}

impl Store {
    /// Records a staff action.
    pub async fn record_staff_event(&self, e: NewStaffEvent) -> Result<(), StoreError> {
        let lock = format!("staff-event:{}", e.id);
        self.write(&[&lock], move |tx| {
            Box::pin(async move { insert_staff_event(tx, &e).await })
        })
        .await
    }

    /// The events `q` asks for: tickets' changes, then staff actions (none
    /// when a ticket is asked for), each latest first.
    pub async fn search_trail(&self, q: &TrailQuery) -> Result<Vec<TrailRow>, StoreError> {
        let mut sql = String::from(
            "SELECT e.at, e.node, e.event, e.actor, t.office_id, t.id, t.board_number, t.day,
                    e.from_status, e.to_status
               FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE 1 = 1",
        );
        let mut a = Vec::new();
        if let Some(o) = &q.office {
            and(&mut sql, &mut a, " AND t.office_id = $?", o);
        }
        if let Some((number, day)) = &q.ticket {
            and(&mut sql, &mut a, " AND t.day = $?", day);
            and(&mut sql, &mut a, " AND t.board_number = $?", number);
        } else if let Some((from, to)) = q.during {
            and(&mut sql, &mut a, " AND e.at >= $?", from);
            and(&mut sql, &mut a, " AND e.at < $?", to);
        }
        if let Some(id) = &q.staff {
            and(
                &mut sql,
                &mut a,
                " AND e.actor IN ($?",
                format!("officer:{id}"),
            );
            and(&mut sql, &mut a, ", $?)", format!("admin:{id}"));
            sql.push_str(" AND e.actor <> 'applicant' AND e.actor <> 'system'");
        }
        and(
            &mut sql,
            &mut a,
            " ORDER BY e.at DESC, e.seq DESC LIMIT $?",
            q.limit,
        );
        let mut found: Vec<TrailRow> = self
            .read(&sql, a)
            .await?
            .iter()
            .map(ticket_row)
            .collect::<Result<_, _>>()?;
        if q.ticket.is_some() {
            return Ok(found);
        }
        let mut sql = String::from(
            "SELECT at, node, event, COALESCE(staff_id, ''), office_id, detail FROM staff_events WHERE 1 = 1",
        );
        let mut a = Vec::new();
        if let Some(o) = &q.office {
            and(&mut sql, &mut a, " AND office_id = $?", o);
        }
        if let Some((from, to)) = q.during {
            and(&mut sql, &mut a, " AND at >= $?", from);
            and(&mut sql, &mut a, " AND at < $?", to);
        }
        if let Some(id) = &q.staff {
            and(&mut sql, &mut a, " AND staff_id = $?", id);
        }
        and(
            &mut sql,
            &mut a,
            " ORDER BY at DESC, id DESC LIMIT $?",
            q.limit,
        );
        for r in self.read(&sql, a).await? {
            found.push(TrailRow {
                at: r.int(0)?,
                node: r.text(1)?,
                event: r.text(2)?,
                actor: r.text(3)?,
                office: r.maybe_text(4)?,
                ticket: None,
                change: None,
                detail: r.maybe_text(5)?,
            });
        }
        Ok(found)
    }
}

fn ticket_row(r: &DbRow) -> Result<TrailRow, StoreError> {
    Ok(TrailRow {
        at: r.int(0)?,
        node: r.text(1)?,
        event: r.text(2)?,
        actor: r.text(3)?,
        office: Some(r.text(4)?),
        ticket: Some((r.text(5)?, r.text(6)?, r.text(7)?)),
        detail: None,
        change: Some((r.text(8)?, r.text(9)?)),
    })
}
