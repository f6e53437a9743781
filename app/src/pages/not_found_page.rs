use crate::components::lang::tr;
use leptos::prelude::*;
use leptos_router::components::A;

/// An address that names no page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <h1>{tr(|w| w.not_found_title)}</h1>
        <p>{tr(|w| w.not_found_text)}</p>
        <p><A href="/" attr:class="button">{tr(|w| w.to_catalog)}</A></p>
    }
}
