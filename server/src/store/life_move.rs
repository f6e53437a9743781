//! A reschedule's statements: the new place taken and the old one freed in
//! one write.

use super::*;

/// The reschedule's statements, inside its write transaction.
pub(super) async fn reschedule_in<F>(
    tx: &mut dyn Tx,
    m: Move,
    today: NaiveDate,
    now: i64,
    decide: F,
) -> Result<Moved, StoreError>
where
    F: FnOnce(&[Occupancy]) -> Result<String, StoreError>,
{
    let mut t = ticket_in(&mut *tx, &m.id).await?;
    let status = status_of(&t, today)?;
    transition(status, TicketEvent::Reschedule, &Actor::Applicant).map_err(StoreError::Ticket)?;
    let used = tx
        .exec("DELETE FROM holds WHERE id = $1", args![&m.hold_id])
        .await
        .map_err(internal)?;
    if used == 0 {
        return Err(StoreError::NotFound("hold"));
    }
    let hold = &m.hold;
    let taken = tx
        .rows(
            &OTHERS_OCCUPANCY_SQL,
            args![
                &hold.office,
                day_text(hold.day),
                time_text(hold.end),
                time_text(hold.start),
                now,
                &m.id
            ],
        )
        .await
        .map_err(internal)?
        .iter()
        .map(|r| occupancy_row(r).map(|(_, o)| o))
        .collect::<Result<Vec<_>, StoreError>>()?;
    let window = decide(&taken)?;
    let from = (t.office.clone(), t.day);
    let (number, seq) = if from == (hold.office.clone(), hold.day) {
        let seq = tx
            .rows("SELECT board_seq FROM tickets WHERE id = $1", args![&m.id])
            .await
            .map_err(internal)?
            .first()
            .ok_or_else(|| internal("the moved ticket has no row"))?
            .int(0)?;
        (t.board_number.clone(), seq)
    } else {
        next_number(&mut *tx, &hold.office, hold.day, m.board_prefix).await?
    };
    tx.exec(
        "UPDATE tickets SET office_id = $2, day = $3, start_time = $4, end_time = $5, window_id = $6,
            board_number = $7, board_seq = $8
         WHERE id = $1 AND status = 'booked'",
        args![
            &m.id,
            &hold.office,
            day_text(hold.day),
            time_text(hold.start),
            time_text(hold.end),
            &window,
            &number,
            seq
        ],
    )
    .await
    .map_err(ticket_refused)?;
    let booked = TicketStatus::Booked.as_str();
    let change = (TicketEvent::Reschedule.as_str(), booked, booked);
    let seq = record_event(&mut *tx, &m.id, change, &Actor::Applicant.stored(), now).await?;
    queue_messages(&mut *tx, &m.id, MessageKind::Moved, &seq.to_string(), now).await?;
    t.office = hold.office.clone();
    t.day = hold.day;
    t.start = hold.start;
    t.end = hold.end;
    t.board_number = number;
    Ok(Moved { ticket: t, from })
}
