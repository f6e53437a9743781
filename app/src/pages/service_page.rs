use crate::api::ServiceDetails;
use crate::cache::use_service;
use crate::components::card::{CardFacts, CardSections};
use crate::components::checklist_view::ChecklistView;
use crate::components::error_view::kept_or_fetched;
use crate::components::fee_preview::FeePreview;
use crate::components::hand_over::Later;
use crate::components::lang::{tr, use_lang};
use crate::components::questionnaire::Questionnaire;
use crate::draft::use_draft;
use domain::catalog::{BookingMode, ServiceId};
use domain::checklist::{checklist, Answers};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

/// The service id in the address.
pub fn service_param() -> Memo<Option<ServiceId>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("service").map(ServiceId)))
}

/// A service card: every field of the card, and the questionnaire that rebuilds
/// the document checklist and the fee preview in the browser.
#[component]
pub fn ServicePage() -> impl IntoView {
    let id = service_param();
    let details = use_service(move || id.get());
    // The card's answer is read here; the card is built from the next task on.
    kept_or_fetched(
        details,
        |d| view! { <Later><ServiceCardView details=d /></Later> },
    )
}

#[component]
fn ServiceCardView(details: ServiceDetails) -> impl IntoView {
    let lang = use_lang();
    let draft = use_draft();
    let service = details.service.clone();
    // Answers given earlier for this service (in the wizard) are picked up.
    let start = draft
        .with_untracked(|d| (d.service.as_ref() == Some(&service.id)).then(|| d.answers.clone()));
    let answers = RwSignal::new(start.unwrap_or_else(Answers::typical));
    let documents = service.card.documents.clone();
    let entries = Signal::derive(move || answers.with(|a| checklist(&documents, a)));
    let navigate = use_navigate();
    let book_id = service.id.clone();
    let book_href = format!("/book/{book_id}");
    // A link, so that it leads on even before the app starts (in the
    // pre-rendered copy); in the app, a plain click keeps the answers for the
    // wizard first. The handler sits on the link itself (this build does not
    // delegate events), so it runs before the router's listener on the window,
    // which leaves a click whose default was prevented alone.
    let book = move |ev: leptos::ev::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        draft.update(|d| {
            d.for_service(&book_id);
            d.answers = answers.get_untracked();
        });
        navigate(&format!("/book/{book_id}"), Default::default());
    };
    let mode = service.booking.clone();
    let booking = move || match &mode {
        BookingMode::Required { .. } => {
            let book = book.clone();
            view! {
                <a class="button button-big" href=book_href.clone() on:click=book>
                    {tr(|w| w.book)}
                </a>
            }
            .into_any()
        }
        BookingMode::NotNeeded { note } => {
            let note = note.clone();
            view! { <p class="notice">{move || note.get(lang.get()).to_string()}</p> }.into_any()
        }
    };
    let name = service.name.clone();
    let summary = service.summary.clone();
    let urgencies = service.fees.urgencies(details.today);
    let questions = details.questions.clone();
    let card = service.card.clone();
    view! {
        <p><A href="/" attr:class="back">"← " {tr(|w| w.to_catalog)}</A></p>
        <h1>{move || name.get(lang.get()).to_string()}</h1>
        <p class="lead">{move || summary.get(lang.get()).to_string()}</p>
        {service.demo.then(|| view! { <p class="badges"><span class="badge">{tr(|w| w.demo)}</span></p> })}
        <CardFacts card=service.card.clone() />
        {booking.clone()()}
        // A long page: its parts are built in tasks of their own (see `Later`).
        <Later>
            <section class="situation" aria-labelledby="situation-title">
                <h2 id="situation-title">{tr(|w| w.situation_title)}</h2>
                <p class="hint">{tr(|w| w.situation_lead)}</p>
                <Questionnaire questions urgencies answers />
            </section>
        </Later>
        <Later>
            <section class="documents" aria-labelledby="docs-title">
                <h2 id="docs-title">{tr(|w| w.checklist_title)}</h2>
                <ChecklistView entries />
            </section>
        </Later>
        <Later>
            <FeePreview details=details.clone() answers />
            {booking()}
        </Later>
        <Later>
            <CardSections card />
        </Later>
    }
}
