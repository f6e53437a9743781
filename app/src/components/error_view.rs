use super::lang::use_lang;
use crate::api::ApiError;
use crate::i18n::{tr, Key};
use domain::Localized;
use leptos::prelude::*;

/// The one way errors from the server are shown: the localised message and a
/// retry button.
#[component]
pub fn ErrorView(error: ApiError, on_retry: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="error" role="alert">
            <p>{move || error.message(lang.get())}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {move || tr(lang.get(), Key::Retry)}
            </button>
        </div>
    }
}
