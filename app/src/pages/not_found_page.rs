use crate::components::lang::use_lang;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::A;

/// An address that names no page.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    let w = move || t(lang.get());
    view! {
        <h1>{move || w().not_found_title}</h1>
        <p>{move || w().not_found_text}</p>
        <p><A href="/" attr:class="button">{move || w().to_catalog}</A></p>
    }
}
