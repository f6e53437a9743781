use super::lang::{tr, use_lang};
use crate::api::{ApiError, Transient};
use crate::cache::Fetch;
use domain::Localized;
use leptos::prelude::*;

/// The one way errors from the server are shown: the localised message and,
/// given `on_retry` and an error that trying again may mend
/// ([`Transient`]), a retry button.
#[component]
pub fn ErrorView<E: Localized + Transient + Send + Sync + 'static>(
    error: E,
    #[prop(optional_no_strip)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let lang = use_lang();
    let on_retry = on_retry.filter(|_| error.transient());
    view! {
        <div class="error" role="alert">
            <p>{move || error.message(lang.get())}</p>
            {on_retry
                .map(|retry| {
                    view! {
                        <button type="button" class="button" on:click=move |_| retry.run(())>
                            {tr(|w| w.retry)}
                        </button>
                    }
                })}
        </div>
    }
}

/// "Loading…", announced to screen readers.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status" aria-busy="true">
            {tr(|w| w.loading)}
        </p>
    }
}

/// A fetched answer as a page shows it: "Loading…" until it is there, then
/// `ok` of the value, or the error (with a button that fetches again when
/// that may help).
pub fn fetched<T, V>(
    resource: LocalResource<Result<T, ApiError>>,
    ok: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    kept_or_fetched(
        Fetch {
            kept: Signal::stored(None),
            resource,
        },
        ok,
    )
}

/// As [`fetched`], but an answer already kept shows at once (in the first
/// render of a page the server sent with its answer: no "Loading…" between).
pub fn kept_or_fetched<T, V, E>(
    fetch: Fetch<T, E>,
    ok: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    E: Localized + Transient + Clone + Send + Sync + 'static,
{
    let retry = Callback::new(move |_| fetch.resource.refetch());
    move || match fetch.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(e)) => view! { <ErrorView error=e on_retry=Some(retry) /> }.into_any(),
        Some(Ok(value)) => ok(value).into_any(),
    }
}
