use super::lang::{tr, use_lang};
use crate::draft::{use_draft, Moving};
use crate::i18n::t;
use crate::i18n::tickets::{ttr, WithTicketWords};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

/// How many screens the booking wizard has (before the ticket).
pub const STEPS: u8 = 6;

/// One screen of the booking wizard: where the applicant is ("Step 3 of 6"),
/// one heading, a way back, and the step itself; while a ticket is being
/// moved, a banner says which, with the way out of the move.
#[component]
pub fn WizardStep(
    step: u8,
    title: crate::i18n::Pick,
    /// Where "Back" leads.
    #[prop(into)]
    back: Signal<String>,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let w = move || t(lang.get());
    let draft = use_draft();
    let moving = move || draft.with(|d| d.moving.clone());
    view! {
        {move || moving().map(|m| view! { <WithTicketWords><MovingBanner moving=m.clone() /></WithTicketWords> })}
        <nav class="wizard-nav">
            <A href=move || back.get() attr:class="back">"← " {tr(|w| w.back)}</A>
            <span class="step-count">{move || format!("{} {step} {} {STEPS}", w().step, w().of)}</span>
        </nav>
        <progress class="steps" max=STEPS value=step aria-hidden="true"></progress>
        <h1 id="step-title">{tr(title)}</h1>
        {children()}
    }
}

/// "You are moving ticket P-007 · Keep the current time".
#[component]
fn MovingBanner(moving: Moving) -> impl IntoView {
    let draft = use_draft();
    let navigate = use_navigate();
    let href = moving.href();
    let stop = move |_| {
        draft.update(|d| d.moving = None);
        navigate(&href, Default::default());
    };
    view! {
        <p class="notice moving" role="status">
            {ttr(|w| &w.moving_banner)} " " <strong>{moving.was.number.clone()}</strong> " "
            <button type="button" class="button button-light stop-moving" on:click=stop>{ttr(|w| &w.stop_moving)}</button>
        </p>
    }
}
