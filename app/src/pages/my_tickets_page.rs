use super::my_data_panel::MyDataPanel;
use super::signin_form::SignInForm;
use crate::api::{my_tickets, signout, TicketList};
use crate::browser;
use crate::components::lang::{tr, use_lang};
use crate::i18n::tickets::{ttr, tw};
use crate::i18n::{date_long, time};
use crate::saved::{self, SavedTicket};
use domain::ticket::TicketStatus;
use domain::Localized;
use leptos::prelude::*;
use leptos_router::components::A;

/// Whether this browser is signed in to "My tickets".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Signed {
    /// Not known yet (asking the server).
    Asking,
    /// Not signed in (or the server cannot be reached).
    Out,
    /// Signed in: the list holds the contact's tickets too.
    In,
}

/// "My tickets": the tickets kept in this browser (shown at once, no network
/// needed), merged with every ticket of the contact signed in to by a
/// one-time code; each opens its ticket page.
#[component]
pub fn MyTicketsPage() -> impl IntoView {
    let lang = use_lang();
    let today = browser::kyiv_today();
    let tickets = RwSignal::new(saved::list(saved::load(), today));
    let signed = RwSignal::new(Signed::Asking);
    let show = move |list: TicketList| {
        let merged = saved::merged(saved::load(), &list.tickets);
        saved::save(&merged);
        tickets.set(saved::list(merged, today));
        // Set only when it changes: the panels shown while signed in keep
        // their state when the list is read again.
        if signed.get_untracked() != Signed::In {
            signed.set(Signed::In);
        }
    };
    let asked = LocalResource::new(my_tickets);
    Effect::new(move |_| match asked.get() {
        Some(Ok(list)) => show(list),
        Some(Err(_)) => signed.set(Signed::Out),
        None => {}
    });
    let forget = move |id: String| {
        saved::forget(&id);
        tickets.update(|list| list.retain(|s| s.id != id));
    };
    let error = RwSignal::new(None::<String>);
    let leave = Action::new_local(move |_: &()| async move {
        match signout().await {
            Ok(()) => {
                let left = saved::signed_out(saved::load());
                saved::save(&left);
                tickets.set(saved::list(left, today));
                error.set(None);
                signed.set(Signed::Out);
            }
            Err(e) => error.set(Some(e.message(lang.get_untracked()))),
        }
    });
    let lead = move || match signed.get() {
        Signed::In => tw(lang.get()).signed_in_lead.as_str(),
        _ => tw(lang.get()).my_tickets_lead.as_str(),
    };
    view! {
        <h1>{tr(|w| w.my_tickets)}</h1>
        <p class="hint">{lead}</p>
        {move || (signed.get() == Signed::In).then(|| view! {
            <p class="actions">
                <button type="button" class="button button-light sign-out" on:click=move |_| { leave.dispatch(()); }>
                    {ttr(|w| &w.sign_out)}
                </button>
            </p>
        })}
        {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        <Show
            when=move || tickets.with(|l| !l.is_empty())
            fallback=move || view! {
                <p class="empty">{ttr(|w| &w.no_tickets)}</p>
                <p><A href="/" attr:class="button">{tr(|w| w.to_catalog)}</A></p>
            }
        >
            <ul class="my-tickets">
                <For each=move || tickets.get() key=|s| (s.id.clone(), s.summary.clone().map(|x| (x.date, x.start, x.status))) let(s)>
                    <SavedTicketItem ticket=s today forget />
                </For>
            </ul>
        </Show>
        {move || (signed.get() == Signed::In).then(|| view! {
            <MyDataPanel on_erased=Callback::new(move |()| asked.refetch()) />
        })}
        {move || (signed.get() == Signed::Out).then(|| view! { <SignInForm on_signed_in=Callback::new(show) /> })}
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
    let status = ticket
        .summary
        .as_ref()
        .map(|s| s.status.as_of(s.date, today));
    let ended = status.is_some_and(|s| !s.is_active());
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
        .then(|| view! { <h2>{ttr(|w| &w.ticket_title)}</h2> });
    let label = move || {
        let w = tw(lang.get());
        match status? {
            TicketStatus::Cancelled => Some(w.cancelled.as_str()),
            TicketStatus::Served => Some(w.served.as_str()),
            TicketStatus::Annulled => Some(w.annulled.as_str()),
            _ => None,
        }
    };
    view! {
        <li class="office my-ticket" class:past=ended data-ticket=ticket.id.clone()>
            {about}
            {unnamed}
            {move || label().map(|l| view! { <p class="off">{l}</p> })}
            <p class="actions">
                <a class="button" href=href>{ttr(|w| &w.open_ticket)}</a>
                <button type="button" class="button button-light" on:click=move |_| forget(id.clone())>
                    {ttr(|w| &w.forget_ticket)}
                </button>
            </p>
        </li>
    }
}
