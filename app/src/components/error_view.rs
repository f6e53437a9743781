use super::lang::use_lang;
use crate::api::ApiError;
use crate::i18n::t;
use domain::Localized;
use leptos::prelude::*;

/// The one way errors from the server are shown: the localised message and,
/// when trying again can help, a retry button. A transport error says that
/// booking needs the network.
#[component]
pub fn ErrorView(
    error: ApiError,
    #[prop(optional)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let lang = use_lang();
    let transport = matches!(error, ApiError::Transport { .. });
    view! {
        <div class="error" role="alert">
            <p>{move || if transport { t(lang.get()).needs_network.to_string() } else { error.message(lang.get()) }}</p>
            {on_retry.map(|retry| view! {
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    {move || t(lang.get()).retry}
                </button>
            })}
        </div>
    }
}

/// "Loading…", announced to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    let lang = use_lang();
    view! { <p class="loading" role="status" aria-busy="true">{move || t(lang.get()).loading}</p> }
}
