use super::ticket_actions::TicketActions;
use super::ticket_payments::TicketPayments;
use crate::api::{ticket, ApiError, TicketRequest, TicketView};
use crate::browser;
use crate::components::checklist_view::ChecklistView;
use crate::components::error_view::{ErrorView, Loading};
use crate::components::fee_preview::QuoteTable;
use crate::components::lang::{tr, use_lang};
use crate::draft::use_last_ticket;
use crate::i18n::tickets::{ttr, tw};
use crate::i18n::{date_long, time};
use crate::ics;
use crate::saved;
use domain::ticket::TicketStatus;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params_map};
use qrcode::render::svg;
use qrcode::QrCode;

/// The ticket: opened with the token in the address's fragment (`#…`), which
/// browsers never send to a server (the token goes in a POST body only), or
/// without one by the session signed in to "My tickets".
#[component]
pub fn TicketPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("ticket").unwrap_or_default()));
    // The router's address, not the window's: on a move inside the app the
    // page renders before the window's address changes.
    let location = use_location();
    // Back from a payment provider (which never sees the token), the link
    // this browser kept opens it.
    let token = Memo::new(move |_| {
        let hash = location.hash.get().trim_start_matches('#').to_string();
        if !hash.is_empty() {
            return hash;
        }
        let id = id.get();
        saved::load()
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| s.token)
            .unwrap_or_default()
    });
    let last = use_last_ticket();
    let ticket = LocalResource::new(move || {
        let id = id.get();
        let token = token.get();
        let fresh = last.get_untracked().filter(|t| t.id == id);
        async move {
            if let Some(t) = fresh {
                return Ok(t);
            }
            let opened = ticket(TicketRequest {
                id,
                token: token.clone(),
            })
            .await;
            if let Ok(t) = &opened {
                saved::remember(t, &token);
            }
            opened
        }
    });
    let retry = Callback::new(move |_| ticket.refetch());
    let lang = use_lang();
    move || match ticket.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(ApiError::NotFound { .. })) if token.get_untracked().is_empty() => view! {
            <p class="error" role="alert">{tw(lang.get()).ticket_needs_signin.as_str()}</p>
            <p><A href="/tickets" attr:class="button">{tr(|w| w.my_tickets)}</A></p>
        }
        .into_any(),
        Some(Err(ApiError::NotFound { .. })) => {
            view! { <p class="error" role="alert">{tw(lang.get()).ticket_link_broken.as_str()}</p> }
                .into_any()
        }
        Some(Err(e)) => view! { <ErrorView error=e on_retry=Some(retry) /> }.into_any(),
        Some(Ok(t)) => {
            let current = RwSignal::new(t);
            let token = token.get_untracked();
            follow_queue(current, token.clone());
            view! { {move || view! { <TicketCard ticket=current.get() token=token.clone() current /> }} }.into_any()
        }
    }
}

/// How often a ticket waiting at the office reads its place again.
const QUEUE_REFRESH: std::time::Duration = std::time::Duration::from_secs(20);

/// While the ticket waits at the office (checked in or called), its place
/// in the queue is read again every [`QUEUE_REFRESH`].
fn follow_queue(current: RwSignal<TicketView>, token: String) {
    let tick = move || {
        let t = current.get_untracked();
        if !matches!(t.status, TicketStatus::CheckedIn | TicketStatus::Called) {
            return;
        }
        let req = TicketRequest {
            id: t.id,
            token: token.clone(),
        };
        leptos::task::spawn_local(async move {
            if let Ok(fresh) = ticket(req).await {
                current.set(fresh);
            }
        });
    };
    if let Ok(handle) = set_interval_with_handle(tick, QUEUE_REFRESH) {
        on_cleanup(move || handle.clear());
    }
}

/// The ticket link as a QR code (SVG), for another phone or a printout.
fn qr_svg(link: &str) -> String {
    QrCode::new(link.as_bytes())
        .map(|code| {
            code.render::<svg::Color<'_>>()
                .min_dimensions(176, 176)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}

/// The ticket as shown; `current` takes the ticket as a cancel or a move
/// answers it.
#[component]
fn TicketCard(ticket: TicketView, token: String, current: RwSignal<TicketView>) -> impl IntoView {
    let lang = use_lang();
    let pay_token = token.clone();
    let link = format!(
        "{}{}",
        browser::origin(),
        saved::href(&ticket.id, "", &token)
    );
    let moved = use_location()
        .query
        .with_untracked(|q| q.get("moved").is_some());
    let status = ticket.status;
    let active = status.is_active();
    let qr = qr_svg(&link);
    let when = {
        let ticket = ticket.clone();
        move || {
            format!(
                "{}, {}–{}",
                date_long(ticket.date, lang.get()),
                time(ticket.start),
                time(ticket.end)
            )
        }
    };
    let ics_href = {
        let ticket = ticket.clone();
        move || {
            format!(
                "data:text/calendar;charset=utf-8,{}",
                browser::encode_uri_component(&ics::event(&ticket, lang.get()))
            )
        }
    };
    let file = format!("cherga-{}.ics", ticket.number);
    let office = ticket.office.clone();
    let address = move || {
        format!(
            "{}, {}, {}",
            office.name.get(lang.get()),
            office.city.get(lang.get()),
            office.address.get(lang.get())
        )
    };
    let service = ticket.service_name.clone();
    let entries = Signal::derive({
        let c = ticket.checklist.clone();
        move || c.clone()
    });
    let ready = ticket.ready_date;
    let ended = move || {
        let w = tw(lang.get());
        match status {
            TicketStatus::Cancelled => w.cancelled_note.as_str(),
            TicketStatus::Served => w.served.as_str(),
            TicketStatus::Annulled => w.annulled.as_str(),
            _ => w.past_visit.as_str(),
        }
    };
    let again = format!("/services/{}", ticket.service.0);
    let place = ticket.queue.map(|q| {
        let estimate = domain::office::Estimate { ahead: q.ahead, minutes: q.minutes };
        view! { <p class="notice queue-place" role="status">{move || estimate.message(lang.get())}</p> }
    });
    let called = ticket.called_to.clone().map(|window| {
        view! { <p class="notice called" role="alert">{ttr(|w| &w.called_to)} " " <strong>{window}</strong></p> }
    });
    let disrupted = ticket.disrupted.clone().map(|why| {
        view! {
            <p class="notice disrupted" role="alert">
                {ttr(|w| &w.disrupted_note)} " " <strong>{move || why.get(lang.get()).to_string()}</strong> ". "
                {ttr(|w| &w.disrupted_choose)}
            </p>
        }
    });
    let usable = view! {
        {disrupted}
        {called}
        {place}
        {moved.then(|| view! { <p class="notice moved" role="status">{ttr(|w| &w.moved_note)}</p> })}
        <p class="warning">{tr(|w| w.no_lateness)}</p>
        <p class="actions no-print">
            <button type="button" class="button" on:click=|_| browser::print()>{tr(|w| w.print)}</button>
            <a class="button button-light" href=ics_href download=file>{ttr(|w| &w.add_calendar)}</a>
        </p>
        <figure class="qr">
            <div class="qr-code" inner_html=qr></div>
            <figcaption>{ttr(|w| &w.qr_caption)}</figcaption>
        </figure>
        {ticket.checkin_code.clone().map(|code| {
            let grouped = format!("{} {}", code.get(..3).unwrap_or_default(), code.get(3..).unwrap_or_default());
            view! { <p class="checkin-code">{ttr(|w| &w.checkin_code)} ": " <strong data-code=code>{grouped}</strong></p> }
        })}
        <TicketActions ticket=ticket.clone() token current />
        <p class="hint no-print">{ttr(|w| &w.keep_link)}</p>
    };
    view! {
        <article class="ticket" class:ended=!active data-status=status.as_str()>
            <h1>{ttr(|w| &w.ticket_title)}</h1>
            <p class="ticket-number"><span>{ttr(|w| &w.ticket_number)}</span> <strong data-number=ticket.number.clone()>{ticket.number.clone()}</strong></p>
            <p class="ticket-service">{move || service.get(lang.get()).to_string()}</p>
            <dl class="review">
                <div class="row"><dt>{tr(|w| w.when_label)}</dt><dd>{when}</dd></div>
                <div class="row"><dt>{tr(|w| w.address)}</dt><dd>{address}</dd></div>
            </dl>
            {if active {
                usable.into_any()
            } else {
                view! {
                    <p class="off ticket-ended" id="ticket-status" tabindex="-1" role="status">{ended}</p>
                    {ticket.erased.then(|| view! { <p class="hint ticket-erased">{ttr(|w| &w.erased_note)}</p> })}
                    {(status == TicketStatus::Cancelled).then(|| view! { <p><A href=again attr:class="button">{ttr(|w| &w.book_again)}</A></p> })}
                }
                .into_any()
            }}
            <h2>{tr(|w| w.checklist_title)}</h2>
            <ChecklistView entries />
            {ticket.quote.clone().map(|q| view! { <h2>{tr(|w| w.fee_title)}</h2> <QuoteTable quote=q /> })}
            {(!ticket.payments.is_empty()).then(|| view! { <TicketPayments ticket=ticket.clone() token=pay_token /> })}
            {ready.map(|d| view! { <p class="ready">{ttr(|w| &w.ready_ticket)} ": " <strong>{move || date_long(d, lang.get())}</strong></p> })}
        </article>
    }
}
