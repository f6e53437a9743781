use crate::api::{cancel, ApiError, TicketRequest, TicketView};
use crate::browser;
use crate::components::error_view::ErrorView;
use crate::components::lang::use_lang;
use crate::draft::use_draft;
use crate::i18n::tickets::{ttr, tw};
use crate::saved;
use domain::ticket::{transition, Actor, TicketEvent};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// What the holder of a ticket can do with it, as the ticket's life cycle
/// allows for its status: move it to another time (the booking wizard's
/// office, day and time steps), or cancel it after a confirmation step.
/// `current` takes the ticket as the cancel answers it.
#[component]
pub fn TicketActions(
    ticket: TicketView,
    token: String,
    current: RwSignal<TicketView>,
) -> impl IntoView {
    let lang = use_lang();
    let may = |event| transition(ticket.status, event, &Actor::Applicant).is_ok();
    let (may_move, may_cancel) = (may(TicketEvent::Reschedule), may(TicketEvent::Cancel));
    let asking = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let req = TicketRequest {
        id: ticket.id.clone(),
        token: token.clone(),
    };
    let cancelling = Action::new_local(move |req: &TicketRequest| {
        let req = req.clone();
        async move {
            error.set(None);
            match cancel(req.clone()).await {
                Ok(t) => {
                    saved::remember(&t, &req.token);
                    current.set(t);
                    // What happened is said at the top of the redrawn ticket.
                    browser::next_task(|| browser::focus_at_top("ticket-status"));
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let draft = use_draft();
    let navigate = use_navigate();
    let start_move = {
        let ticket = ticket.clone();
        move |_| {
            draft.update(|d| d.start_move(&ticket, &token));
            let to = format!("/book/{}/office/{}", ticket.service.0, ticket.office.id.0);
            navigate(&to, Default::default());
        }
    };
    let paid = ticket
        .payments
        .iter()
        .any(|p| p.state == domain::pay::PayState::Paid);
    let confirm = move || {
        let req = req.clone();
        let label = move || {
            let w = tw(lang.get());
            if cancelling.pending().get() {
                w.cancelling.as_str()
            } else {
                w.cancel_yes.as_str()
            }
        };
        view! {
            <div class="confirm-cancel" role="alertdialog" aria-labelledby="cancel-question">
                <p id="cancel-question">{ttr(|w| &w.cancel_question)}</p>
                {paid.then(|| view! { <p class="refund-note">{ttr(|w| &w.cancel_refund)}</p> })}
                <p class="actions">
                    <button type="button" class="button button-danger" disabled=move || cancelling.pending().get()
                        on:click=move |_| { cancelling.dispatch(req.clone()); }>
                        {label}
                    </button>
                    <button type="button" class="button button-light" on:click=move |_| asking.set(false)>
                        {ttr(|w| &w.cancel_no)}
                    </button>
                </p>
            </div>
        }
    };
    view! {
        <div class="ticket-actions no-print">
            <p class="actions">
                {may_move.then(|| view! {
                    <button type="button" class="button button-light move" on:click=start_move>{ttr(|w| &w.move_ticket)}</button>
                })}
                {may_cancel.then(|| view! {
                    <button type="button" class="button button-light cancel" aria-expanded=move || asking.get().to_string()
                        on:click=move |_| asking.set(true)>{ttr(|w| &w.cancel_ticket)}</button>
                })}
            </p>
            {move || asking.get().then(confirm.clone())}
            {move || error.get().map(|e| view! { <ErrorView error=e /> })}
        </div>
    }
}
