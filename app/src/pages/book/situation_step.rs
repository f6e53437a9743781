use super::draft_for;
use crate::cache::use_service;
use crate::components::error_view::kept_or_fetched;
use crate::components::hand_over::Later;
use crate::components::lang::{tr, use_lang};
use crate::components::questionnaire::Questionnaire;
use crate::components::wizard::WizardStep;
use crate::pages::service_page::service_param;
use domain::catalog::BookingMode;
use domain::Text;
use leptos::prelude::*;
use leptos_router::components::A;

/// Step 1: the questionnaire (already answered if the applicant came from the
/// card). A service that needs no booking says so here, with its note and the
/// way back to its card, instead of starting a wizard that would be refused.
#[component]
pub fn SituationStep() -> impl IntoView {
    let id = service_param();
    let draft = draft_for(id.get_untracked().as_ref());
    // The questionnaire starts a booking: a move left unfinished ends here.
    if draft.with_untracked(|d| d.moving.is_some()) {
        draft.update(|d| d.moving = None);
    }
    let details = use_service(move || id.get());
    let answers = RwSignal::new(draft.with_untracked(|d| d.answers.clone()));
    Effect::new(move |_| {
        let a = answers.get();
        draft.update(|d| d.answers = a);
    });
    let back =
        Signal::derive(move || format!("/services/{}", id.get().map(|s| s.0).unwrap_or_default()));
    let next = move || format!("/book/{}/office", id.get().map(|s| s.0).unwrap_or_default());
    kept_or_fetched(details, move |d| match d.service.booking {
        BookingMode::Required { .. } => {
            let urgencies = d.service.fees.urgencies(d.today);
            // The card's answer is read in this task, the step built in the next two.
            view! {
                <Later>
                    <WizardStep step=1 title=|w| w.situation_title back>
                        <p class="hint">{tr(|w| w.situation_lead)}</p>
                        <Later>
                            <Questionnaire questions=d.questions urgencies answers />
                            <p class="actions">
                                <A href=next attr:class="button button-big">{tr(|w| w.next)}</A>
                            </p>
                        </Later>
                    </WizardStep>
                </Later>
            }
            .into_any()
        }
        BookingMode::NotNeeded { note } => view! { <NoBooking note card=back /> }.into_any(),
    })
}

/// What the first step shows for a service that needs no booking: the
/// service's own note and the way back to its card.
#[component]
fn NoBooking(note: Text, card: Signal<String>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1 id="step-title">{tr(|w| w.no_booking)}</h1>
        <p class="notice">{move || note.get(lang.get()).to_string()}</p>
        <p class="actions">
            <A href=move || card.get() attr:class="button button-big">{tr(|w| w.to_card)}</A>
        </p>
    }
}
