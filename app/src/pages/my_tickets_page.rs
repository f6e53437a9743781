use crate::browser;
use crate::components::lang::{tr, use_lang};
use crate::i18n::{date_long, time};
use crate::saved::{self, SavedTicket};
use leptos::prelude::*;
use leptos_router::components::A;

/// "My tickets": the tickets booked or opened in this browser, from what it
/// keeps (no network needed); each opens its ticket page.
#[component]
pub fn MyTicketsPage() -> impl IntoView {
    let tickets = RwSignal::new(saved::list(saved::load()));
    let today = browser::kyiv_today();
    let forget = move |id: String| {
        saved::forget(&id);
        tickets.update(|list| list.retain(|s| s.id != id));
    };
    view! {
        <h1>{tr(|w| w.my_tickets)}</h1>
        <p class="hint">{tr(|w| w.my_tickets_lead)}</p>
        <Show
            when=move || tickets.with(|l| !l.is_empty())
            fallback=move || view! {
                <p class="empty">{tr(|w| w.no_tickets)}</p>
                <p><A href="/" attr:class="button">{tr(|w| w.to_catalog)}</A></p>
            }
        >
            <ul class="my-tickets">
                <For each=move || tickets.get() key=|s| s.id.clone() let(s)>
                    <SavedTicketItem ticket=s today forget />
                </For>
            </ul>
        </Show>
    }
}

#[component]
fn SavedTicketItem(
    ticket: SavedTicket,
    today: chrono::NaiveDate,
    forget: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let lang = use_lang();
    let href = ticket.href();
    let id = ticket.id.clone();
    let past = ticket.summary.as_ref().is_some_and(|s| s.date < today);
    let about = ticket.summary.clone().map(|s| {
        let when = move || format!("{}, {}", date_long(s.date, lang.get()), time(s.start));
        view! {
            <h2><span class="ticket-no">{s.number.clone()}</span> " " {move || s.service.get(lang.get()).to_string()}</h2>
            <p>{when}</p>
            <p>{move || s.office.get(lang.get()).to_string()}</p>
        }
    });
    let unnamed = ticket
        .summary
        .is_none()
        .then(|| view! { <h2>{tr(|w| w.ticket_title)}</h2> });
    view! {
        <li class="office my-ticket" class:past=past data-ticket=ticket.id.clone()>
            {about}
            {unnamed}
            {past.then(|| view! { <p class="off">{tr(|w| w.past_visit)}</p> })}
            <p class="actions">
                <a class="button" href=href>{tr(|w| w.open_ticket)}</a>
                <button type="button" class="button button-light" on:click=move |_| forget(id.clone())>
                    {tr(|w| w.forget_ticket)}
                </button>
            </p>
        </li>
    }
}
