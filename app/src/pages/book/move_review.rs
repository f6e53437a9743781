use super::hold::{HoldProblem, HoldTimer};
use super::{chosen_office, held_time, review_row, show_ticket};
use crate::api::{reschedule, ApiError, RescheduleRequest, TicketView};
use crate::components::lang::{tr, use_lang};
use crate::components::wizard::WizardStep;
use crate::draft::{use_last_ticket, Draft};
use crate::i18n::tickets::tw;
use crate::i18n::{date_long, t, time};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

async fn send(draft: RwSignal<Draft>) -> Result<(TicketView, String), ApiError> {
    let d = draft.get_untracked();
    let hold = d.hold.ok_or_else(|| ApiError::not_found("hold"))?;
    let moving = d.moving.ok_or_else(|| ApiError::not_found("ticket"))?;
    let req = RescheduleRequest {
        id: moving.id,
        token: moving.token.clone(),
        hold_id: hold.hold_id,
    };
    Ok((reschedule(req).await?, moving.token))
}

/// Step 6 of a move: the ticket's time now and the time held, then the move
/// (one step on the server: the new place taken and the old one freed
/// together). A time lost meanwhile offers the nearest free ones, as booking
/// does.
#[component]
pub(super) fn MoveReview(draft: RwSignal<Draft>, back: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    let last = use_last_ticket();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<ApiError>);
    let moving = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            error.set(None);
            match send(draft).await {
                Ok((ticket, token)) => {
                    // "?moved" tells the ticket page to say so.
                    let url = crate::saved::href(&ticket.id, "?moved", &token);
                    show_ticket(ticket, &token, &url, last, draft, &navigate);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let retry = Callback::new(move |_| {
        moving.dispatch(());
    });
    let summary = move || {
        let l = lang.get();
        let d = draft.get();
        let was = d
            .moving
            .as_ref()
            .map(|m| {
                let w = &m.was;
                format!(
                    "{}, {}, {}",
                    date_long(w.date, l),
                    time(w.start),
                    w.office.get(l)
                )
            })
            .unwrap_or_default();
        let new = format!("{}, {}", held_time(&d, l), chosen_office(&d, l));
        let service = d
            .moving
            .as_ref()
            .map(|m| m.was.service.get(l).to_string())
            .unwrap_or_default();
        view! {
            <dl class="review">
                {review_row(t(l).service_label, service)}
                {review_row(tw(l).now_label.as_str(), was)}
                {review_row(tw(l).new_label.as_str(), new)}
            </dl>
        }
    };
    let missing = move || draft.with(|d| d.hold.is_none() || d.moving.is_none());
    let label = move || {
        let w = tw(lang.get());
        if moving.pending().get() {
            w.moving.as_str()
        } else {
            w.do_move.as_str()
        }
    };
    view! {
        <WizardStep step=6 title=|w| w.review_title back>
            <HoldTimer draft />
            {summary}
            <p class="warning">{tr(|w| w.no_lateness)}</p>
            <HoldProblem draft error on_held=Callback::new(|_| ()) on_retry=retry />
            <p class="actions">
                <button
                    type="button"
                    class="button button-big do-move"
                    disabled=move || missing() || moving.pending().get()
                    on:click=move |_| { moving.dispatch(()); }
                >
                    {label}
                </button>
            </p>
        </WizardStep>
    }
}
