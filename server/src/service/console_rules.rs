//! What a console action does to a ticket, by `domain::office`'s rules:
//! the life cycle first, then the window's (one ticket at a time, a ticket
//! at its own window), the check-in window, the calls allowed and the grace
//! time.

use super::staff_api::OfficeRules;
use crate::store::{Change, QueueRow, Set};
use chrono::{DateTime, Utc};
use domain::catalog::Window;
use domain::office::queue::{Kind, Waiting};
use domain::office::{Absence, Arrival, OfficeError};
use domain::slots::kyiv_instant;
use domain::ticket::{transition, TicketEvent, TicketNumber, TicketStatus};
use office::api::*;

/// Surname and initials: «Коваль О. П.».
pub(super) fn short_name(
    (surname, given, patronymic): &(String, String, Option<String>),
) -> String {
    let initial = |s: &str| {
        s.chars()
            .next()
            .map(|c| format!(" {c}."))
            .unwrap_or_default()
    };
    format!(
        "{surname}{}{}",
        initial(given),
        patronymic.as_deref().map(initial).unwrap_or_default()
    )
}

pub(super) fn status_of(row: &QueueRow) -> Result<TicketStatus, StaffError> {
    TicketStatus::parse(&row.status).ok_or(StaffError::Internal)
}

/// The ticket is at `window` now: called there (and not said absent) or
/// served there.
pub(super) fn at_window(row: &QueueRow, window: &str) -> bool {
    row.called_window.as_deref() == Some(window)
        && (row.status == "serving" || (row.status == "called" && row.absent_at.is_none()))
}

/// The ticket as the queue's rule sees it.
pub(super) fn waiting(
    row: &QueueRow,
    day: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Waiting<&QueueRow> {
    let starts = kyiv_instant(day, row.start).unwrap_or(now);
    Waiting {
        item: row,
        number: TicketNumber {
            prefix: row.number.chars().next().unwrap_or('?'),
            seq: u16::try_from(row.seq).unwrap_or(u16::MAX),
        },
        service: domain::catalog::ServiceId(row.service.clone()),
        kind: if row.walk_in {
            Kind::WalkIn
        } else {
            Kind::Appointment { starts }
        },
        priority: row.priority,
        joined: row
            .joined_at
            .and_then(|t| DateTime::from_timestamp(t, 0))
            .unwrap_or(now),
        requeued: row.requeued,
        window: row.target_window.clone(),
    }
}

/// Whether a transfer's window serves the service the ticket will wait for.
pub(super) fn transfer_serves(
    row: &QueueRow,
    req: &ActRequest,
    to: &Option<Window>,
) -> Option<bool> {
    let service = req
        .to_service
        .clone()
        .unwrap_or_else(|| row.service.clone());
    to.as_ref()
        .map(|w| w.services.iter().any(|s| s.0 == service))
}

/// The event an action asks for (`not_here` may end in `mark_absent`).
pub(super) fn event_of(action: Action) -> TicketEvent {
    match action {
        Action::CheckIn => TicketEvent::CheckIn,
        Action::Recall => TicketEvent::Call,
        Action::Start => TicketEvent::StartServing,
        Action::NotHere => TicketEvent::NotHere,
        Action::PutBack => TicketEvent::PutBack,
        Action::Transfer => TicketEvent::Transfer,
        Action::Serve => TicketEvent::Serve,
    }
}

/// What `req`'s action by `actor` does to `row` at window `w`: the life
/// cycle first, then the window's rules.
#[allow(clippy::too_many_arguments)]
pub(super) fn decide(
    row: &QueueRow,
    rows: &[QueueRow],
    req: &ActRequest,
    w: &Window,
    actor: &domain::ticket::Actor,
    rules: OfficeRules,
    day: chrono::NaiveDate,
    now: DateTime<Utc>,
) -> Result<Change, StaffError> {
    let status = status_of(row)?;
    let refused = |status| StaffError::Ticket { status };
    transition(status, event_of(req.action), actor).map_err(|e| match e {
        domain::ticket::TransitionError::NotAllowed { status, .. } => refused(status),
        _ => StaffError::from(OfficeError::Forbidden),
    })?;
    if req.action == Action::Recall && status != TicketStatus::Called {
        return Err(refused(status));
    }
    let at = now.timestamp();
    let mine = row.called_window.as_deref() == Some(w.id.as_str());
    let busy_with_other = rows.iter().any(|r| r.id != row.id && at_window(r, &w.id));
    let change = |event, to, sets| Change {
        id: row.id.clone(),
        from: row.status.clone(),
        event: Some(event),
        to,
        sets,
    };
    let last_call = row
        .called_at
        .and_then(|c| DateTime::from_timestamp(c, 0))
        .unwrap_or(now);
    let other_window = || StaffError::from(OfficeError::OtherWindow);
    Ok(match req.action {
        Action::CheckIn => {
            let starts = kyiv_instant(day, row.start).unwrap_or(now);
            let sets = match rules.checkin.check_in(starts, now)? {
                Arrival::OnTime => vec![Set::Joined(at)],
                Arrival::LateAsWalkIn => vec![Set::Requeued(at)],
            };
            change(TicketEvent::CheckIn, TicketStatus::CheckedIn, sets)
        }
        Action::Transfer if status != TicketStatus::CheckedIn && !mine => {
            return Err(other_window())
        }
        Action::Transfer => change(
            TicketEvent::Transfer,
            TicketStatus::CheckedIn,
            vec![
                Set::Requeued(at),
                Set::Target(req.to_window.clone(), req.to_service.clone()),
            ],
        ),
        _ if !mine => return Err(other_window()),
        Action::Recall | Action::Start if busy_with_other => {
            return Err(OfficeError::WindowBusy.into())
        }
        Action::Recall => {
            rules
                .calls
                .may_call(u8::try_from(row.calls).unwrap_or(u8::MAX))?;
            change(
                TicketEvent::Call,
                TicketStatus::Called,
                vec![Set::Called(w.id.clone(), at)],
            )
        }
        Action::Start => change(
            TicketEvent::StartServing,
            TicketStatus::Serving,
            vec![Set::Serving(at)],
        ),
        Action::NotHere => match rules.calls.absence(last_call, now) {
            Absence::Annul => change(TicketEvent::MarkAbsent, TicketStatus::Annulled, Vec::new()),
            Absence::Pending { .. } => change(
                TicketEvent::NotHere,
                TicketStatus::Called,
                vec![Set::Absent(at)],
            ),
        },
        Action::PutBack => change(
            TicketEvent::PutBack,
            TicketStatus::CheckedIn,
            vec![Set::Requeued(at)],
        ),
        Action::Serve => change(
            TicketEvent::Serve,
            TicketStatus::Served,
            vec![Set::Served(at)],
        ),
    })
}
