//! The officer's console: a window's queue, "call next" and the actions on
//! a ticket. Every call checks the staff member's role and office first
//! (`Services::window_of`), whatever the console shows; the rules are
//! `domain::office`'s (`console_rules`).

use super::console_rules::*;
use super::Services;
use crate::store::{Change, QueueRow, Set};
use chrono::{DateTime, Utc};
use domain::catalog::{Office, Window};
use domain::office::queue;
use domain::office::staff::Staff;
use domain::office::{Absence, OfficeError};
use domain::slots::kyiv_today;
use domain::ticket::{TicketEvent, TicketStatus};
use office::api::*;

impl Services {
    /// The view of `window` from the day's rows.
    fn console_view(&self, window: &Window, rows: &[QueueRow], now: DateTime<Utc>) -> ConsoleView {
        let day = kyiv_today(now);
        let rules = self.office.rules;
        let ticket = |r: &QueueRow| QueueTicket {
            id: r.id.clone(),
            number: r.number.clone(),
            service: r.service.clone(),
            status: TicketStatus::parse(&r.status).unwrap_or(TicketStatus::Booked),
            walk_in: r.walk_in,
            priority: r.priority,
            starts: (!r.walk_in).then(|| r.start.format("%H:%M").to_string()),
            waited_seconds: r
                .joined_at
                .map(|j| u32::try_from(now.timestamp() - j).unwrap_or(0))
                .unwrap_or(0),
            calls: u8::try_from(r.calls).unwrap_or(u8::MAX),
            window: r.called_window.clone(),
            annul_in_seconds: match (
                r.absent_at,
                r.called_at.and_then(|c| DateTime::from_timestamp(c, 0)),
            ) {
                (Some(_), Some(called)) => match rules.calls.absence(called, now) {
                    Absence::Pending { seconds_left, .. } => Some(seconds_left),
                    Absence::Annul => Some(0),
                },
                _ => None,
            },
            name: short_name(&r.name),
        };
        let checked_in: Vec<_> = rows
            .iter()
            .filter(|r| r.status == "checked_in")
            .map(|r| waiting(r, day, now))
            .collect();
        let serves = |r: &QueueRow| window.services.iter().any(|s| s.0 == r.service);
        ConsoleView {
            window: window.id.clone(),
            current: rows.iter().find(|r| at_window(r, &window.id)).map(ticket),
            waiting: queue::for_window(&checked_in, window, now, rules.queue)
                .into_iter()
                .map(|w| ticket(w.item))
                .collect(),
            expected: rows
                .iter()
                .filter(|r| r.status == "booked" && serves(r))
                .map(ticket)
                .collect(),
            absent: rows
                .iter()
                .filter(|r| r.status == "called" && r.absent_at.is_some())
                .map(ticket)
                .collect(),
            grace_seconds: rules.calls.grace_seconds,
            max_calls: rules.calls.max_calls,
            payments: Vec::new(),
        }
    }

    /// `console`: a window's queue.
    pub async fn console(
        &self,
        staff: &Staff,
        req: &WindowRequest,
    ) -> Result<ConsoleView, StaffError> {
        let current = self.state();
        let (office, window) =
            self.window_of(&current, staff, req.office.as_deref(), &req.window)?;
        let now = self.now();
        let rows = self
            .store
            .queue_of_day(&office.id.0, kyiv_today(now))
            .await?;
        let mut view = self.console_view(window, &rows, now);
        if let Some(current) = &view.current {
            view.payments = self.console_payments(&current.id).await?;
        }
        Ok(view)
    }

    /// `console_call_next`: the window calls the next ticket of its queue
    /// (none when nobody waits); refused while the window has a ticket.
    pub async fn call_next(
        &self,
        staff: &Staff,
        req: &WindowRequest,
    ) -> Result<ConsoleView, StaffError> {
        let current = self.state();
        let (office, window) =
            self.window_of(&current, staff, req.office.as_deref(), &req.window)?;
        let now = self.now();
        let day = kyiv_today(now);
        let (w, rule) = (window.clone(), self.office.rules.queue);
        let decided = self
            .store
            .change_queue(
                &office.id.0,
                day,
                staff.actor(),
                now.timestamp(),
                move |rows| {
                    if rows.iter().any(|r| at_window(r, &w.id)) {
                        return Err(StaffError::from(OfficeError::WindowBusy));
                    }
                    let checked_in: Vec<_> = rows
                        .iter()
                        .filter(|r| r.status == "checked_in")
                        .map(|r| waiting(r, day, now))
                        .collect();
                    let Some(next) = queue::next(&checked_in, &w, now, rule) else {
                        return Ok((Vec::new(), false));
                    };
                    let change = Change {
                        id: next.item.id.clone(),
                        from: next.item.status.clone(),
                        event: Some(TicketEvent::Call),
                        to: TicketStatus::Called,
                        sets: vec![Set::Called(w.id.clone(), now.timestamp())],
                    };
                    Ok((vec![change], true))
                },
            )
            .await?;
        if decided? {
            self.board_changed(&office.id.0).await;
        }
        self.console(staff, req).await
    }

    /// `console_act`: an action on a ticket of the office's day.
    pub async fn act(&self, staff: &Staff, req: &ActRequest) -> Result<ConsoleView, StaffError> {
        let current = self.state();
        let (office, window) =
            self.window_of(&current, staff, req.office.as_deref(), &req.window)?;
        let now = self.now();
        let day = kyiv_today(now);
        let to_window = if req.action == Action::Transfer {
            self.check_transfer(office, req)?
        } else {
            None
        };
        let (req2, w, rules, actor) = (
            req.clone(),
            window.clone(),
            self.office.rules,
            staff.actor(),
        );
        let write_actor = actor.clone();
        let decided = self
            .store
            .change_queue(
                &office.id.0,
                day,
                write_actor,
                now.timestamp(),
                move |rows| {
                    let row =
                        rows.iter()
                            .find(|r| r.id == req2.ticket)
                            .ok_or(StaffError::NotFound {
                                what: "ticket".into(),
                            })?;
                    if let (Some(to), Some(false)) =
                        (&to_window, transfer_serves(row, &req2, &to_window))
                    {
                        return Err(StaffError::BadRequest {
                            detail: format!("window {} does not serve the ticket's service", to.id),
                        });
                    }
                    let change = decide(row, rows, &req2, &w, &actor, rules, day, now)?;
                    Ok((vec![change], ()))
                },
            )
            .await?;
        if let Err(StaffError::NotFound { what }) = &decided {
            if what == "ticket" {
                self.refuse_other_office(staff, &req.ticket, &office.id.0)
                    .await?;
            }
        }
        decided?;
        self.board_changed(&office.id.0).await;
        self.console(
            staff,
            &WindowRequest {
                office: req.office.clone(),
                window: req.window.clone(),
            },
        )
        .await
    }

    /// A ticket not active in the office's day: another office's (refused
    /// and logged), one of this office that has ended or is of another day
    /// (its status), or none.
    async fn refuse_other_office(
        &self,
        staff: &Staff,
        ticket: &str,
        office: &str,
    ) -> Result<(), StaffError> {
        if !domain::ticket::is_record_id(ticket) {
            return Ok(());
        }
        match self.store.ticket_place(ticket).await? {
            Some((other, ..)) if other != office => {
                tracing::warn!(staff = %staff.id, ticket, "a staff action on another office's ticket refused");
                Err(OfficeError::OtherOffice.into())
            }
            Some((_, day, status)) => {
                let status = TicketStatus::parse(&status).ok_or(StaffError::Internal)?;
                let status = status.as_of(day, kyiv_today(self.now()));
                Err(StaffError::Ticket { status })
            }
            None => Ok(()),
        }
    }

    /// A transfer's target in `office`: the window it names, if any.
    fn check_transfer(
        &self,
        office: &Office,
        req: &ActRequest,
    ) -> Result<Option<Window>, StaffError> {
        let to_window = req
            .to_window
            .as_ref()
            .map(|w| office.windows.iter().find(|x| &x.id == w));
        let to_service = req
            .to_service
            .as_ref()
            .map(|s| domain::catalog::ServiceId(s.clone()));
        match (to_window, &to_service) {
            (None, None) => Err(StaffError::BadRequest {
                detail: "transfer names no window and no service".into(),
            }),
            (Some(None), _) => Err(StaffError::NotFound {
                what: "window".into(),
            }),
            (_, Some(s)) if !office.serves(s) => Err(StaffError::NotFound {
                what: "service".into(),
            }),
            (Some(Some(w)), Some(s)) if !w.services.contains(s) => Err(StaffError::BadRequest {
                detail: "the window does not serve the service".into(),
            }),
            (Some(w), _) => Ok(w.cloned()),
            (None, _) => Ok(None),
        }
    }
}
