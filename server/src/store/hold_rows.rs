//! The rows of [`super::hold_batch`]: the live holds of a batch's clients
//! read, and the holds given written in one statement.

use super::error::StoreError;
use super::rows::*;
use super::tx::{internal, Arg, Tx};
use chrono::NaiveDate;
use domain::slots::Occupancy;

/// A live hold of a client of the batch.
pub(super) struct Own {
    pub id: String,
    pub client: String,
    pub expires_at: i64,
    /// What it occupies, if at this office and day.
    pub here: Option<Occupancy>,
}

pub(super) fn occupancy_of(h: &HoldRow) -> Occupancy {
    Occupancy {
        window: h.window.clone(),
        service: h.service.clone(),
        start: h.start,
        end: h.end,
    }
}

/// The live holds of `clients` (the batch's whose holds are counted or who
/// replace one; none read when there are none).
pub(super) async fn own_holds(
    tx: &mut dyn Tx,
    office: &str,
    day: NaiveDate,
    clients: &[String],
    now: i64,
) -> Result<Vec<Own>, StoreError> {
    if clients.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (0..clients.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT id, client_key, expires_at, office_id, day, window_id, service_id, start_time, end_time
           FROM holds WHERE expires_at > $1 AND client_key IN ({})",
        marks.join(", ")
    );
    let args: Vec<Arg> = std::iter::once(Arg::from(now))
        .chain(clients.iter().map(Arg::from))
        .collect();
    let rows = tx.rows(&sql, args).await.map_err(internal)?;
    let day = day_text(day);
    rows.iter()
        .map(|r| {
            let here = (r.text(3)? == office && r.text(4)? == day)
                .then(|| {
                    Ok::<_, StoreError>(Occupancy {
                        window: r.text(5)?,
                        service: r.text(6)?,
                        start: parse_time(&r.text(7)?)?,
                        end: parse_time(&r.text(8)?)?,
                    })
                })
                .transpose()?;
            Ok(Own {
                id: r.text(0)?,
                client: r.text(1)?,
                expires_at: r.int(2)?,
                here,
            })
        })
        .collect()
}

/// The holds given, in one statement.
pub(super) async fn insert_holds(
    tx: &mut dyn Tx,
    given: &[(NewHold, String)],
) -> Result<(), StoreError> {
    if given.is_empty() {
        return Ok(());
    }
    const COLUMNS: usize = 9;
    let rows: Vec<String> = (0..given.len())
        .map(|r| {
            let marks: Vec<String> = (1..=COLUMNS)
                .map(|c| format!("${}", r * COLUMNS + c))
                .collect();
            format!("({})", marks.join(", "))
        })
        .collect();
    let sql = format!(
        "INSERT INTO holds (id, office_id, service_id, day, start_time, end_time, window_id, expires_at, client_key)
         VALUES {}",
        rows.join(", ")
    );
    let mut args = Vec::with_capacity(given.len() * COLUMNS);
    for (new, client) in given {
        let h = &new.hold;
        args.extend(super::tx::args![
            &new.id,
            &h.office,
            &h.service,
            day_text(h.day),
            time_text(h.start),
            time_text(h.end),
            &h.window,
            h.expires_at,
            client,
        ]);
    }
    tx.exec(&sql, args).await.map_err(internal)?;
    Ok(())
}
