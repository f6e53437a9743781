use super::contact_step::problems;
use super::draft_for;
use super::hold::{HoldProblem, HoldTimer};
use super::move_review::MoveReview;
use super::{chosen_office, held_time, review_row, show_ticket};
use crate::api::{confirm, ApiError, ConfirmRequest, TicketView};
use crate::cache::use_service;
use crate::components::fee_preview::QuoteTable;
use crate::components::lang::{tr, use_lang};
use crate::components::wizard::WizardStep;
use crate::draft::{use_last_ticket, Draft};
use crate::i18n::t;
use crate::i18n::tickets::WithTicketWords;
use crate::pages::service_page::service_param;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

async fn send(draft: RwSignal<Draft>, lang: domain::Lang) -> Result<TicketView, ApiError> {
    let mut d = draft.get_untracked();
    let hold = d.hold.clone().ok_or_else(|| ApiError::not_found("hold"))?;
    let key = d.idempotency_key();
    draft.update(|x| x.idempotency_key = key.clone());
    super::proof::with_proof(|proof| {
        confirm(ConfirmRequest {
            hold_id: hold.hold_id.clone(),
            idempotency_key: key.clone(),
            answers: d.answers.clone(),
            person: d.person.clone(),
            contact: d.contact.clone(),
            lang,
            proof,
        })
    })
    .await
}

/// Step 6: everything at a glance, then the confirm (or, for a ticket being
/// moved, the move).
#[component]
pub fn ReviewStep() -> impl IntoView {
    let id = service_param();
    let draft = draft_for(id.get_untracked().as_ref());
    if draft.with_untracked(|d| d.moving.is_some()) {
        let back = Signal::derive(move || {
            draft.with(|d| match (&d.office, d.date) {
                (Some(o), Some(day)) => format!("/book/{}/office/{}/{day}", sid_of(d), o.0),
                _ => format!("/book/{}/office", sid_of(d)),
            })
        });
        return view! { <WithTicketWords><MoveReview draft back /></WithTicketWords> }.into_any();
    }
    booking_review(id, draft).into_any()
}

fn sid_of(d: &Draft) -> String {
    d.service.as_ref().map(|s| s.0.clone()).unwrap_or_default()
}

fn booking_review(
    id: Memo<Option<domain::catalog::ServiceId>>,
    draft: RwSignal<Draft>,
) -> impl IntoView {
    let lang = use_lang();
    let details = use_service(move || id.get());
    let sid = move || id.get().map(|s| s.0).unwrap_or_default();
    let back = Signal::derive(move || format!("/book/{}/contact", sid()));
    let last = use_last_ticket();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<ApiError>);
    let confirming = Action::new_local(move |_: &()| {
        let navigate = navigate.clone();
        async move {
            error.set(None);
            match send(draft, lang.get_untracked()).await {
                Ok(ticket) => {
                    let token = ticket.access_token.clone().unwrap_or_default();
                    let url = crate::saved::href(&ticket.id, "", &token);
                    show_ticket(ticket, &token, &url, last, draft, &navigate);
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let retry = Callback::new(move |_| {
        confirming.dispatch(());
    });
    let w = move || t(lang.get());
    let summary = move || {
        let l = lang.get();
        let d = draft.get();
        let service = details.get().and_then(Result::ok);
        let name = service
            .as_ref()
            .map(|s| s.service.name.get(l).to_string())
            .unwrap_or_default();
        let office = chosen_office(&d, l);
        let when = held_time(&d, l);
        let person = [
            &d.person.surname,
            &d.person.given_name,
            &d.person.patronymic,
        ]
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
        let person = format!("{person}, {}", d.person.birth_date.trim());
        let contact = [d.contact.phone.trim(), d.contact.email.trim()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        let quote = match (service, d.hold.as_ref()) {
            (Some(s), Some(h)) => s
                .service
                .estimate(h.date, &d.answers, &s.calendar)
                .ok()
                .and_then(|e| e.quote),
            _ => None,
        };
        let w = t(l);
        view! {
            <dl class="review">
                {review_row(w.service_label, name)}
                {review_row(w.office_label, office)}
                {review_row(w.when_label, when)}
                {review_row(w.person_label, person)}
                {review_row(w.contact_label, contact)}
            </dl>
            {quote.map(|q| view! { <h2>{w.fee_title}</h2> <QuoteTable quote=q /> })}
        }
    };
    let missing = move || draft.with(|d| d.hold.is_none() || !problems(d).is_empty());
    view! {
        <WizardStep step=6 title=|w| w.review_title back>
            <HoldTimer draft />
            {summary}
            <p><A href=move || back.get()>{tr(|w| w.change)}</A></p>
            <p class="warning">{tr(|w| w.no_lateness)}</p>
            <HoldProblem draft error on_held=Callback::new(|_| ()) on_retry=retry />
            <p class="actions">
                <button
                    type="button"
                    class="button button-big"
                    disabled=move || missing() || confirming.pending().get()
                    on:click=move |_| { confirming.dispatch(()); }
                >
                    {move || if confirming.pending().get() { w().confirming } else { w().confirm }}
                </button>
            </p>
        </WizardStep>
    }
}
