use super::lang::{tr, use_lang};
use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// How many screens the booking wizard has (before the ticket).
pub const STEPS: u8 = 6;

/// One screen of the booking wizard: where the applicant is ("Step 3 of 6"),
/// one heading, a way back, and the step itself.
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
    view! {
        <nav class="wizard-nav">
            <A href=move || back.get() attr:class="back">"← " {tr(|w| w.back)}</A>
            <span class="step-count">{move || format!("{} {step} {} {STEPS}", w().step, w().of)}</span>
        </nav>
        <progress class="steps" max=STEPS value=step aria-hidden="true"></progress>
        <h1 id="step-title">{tr(title)}</h1>
        {children()}
    }
}
