//! "Your data" on "My tickets", signed in: a copy of everything the service
//! holds about the contact (a JSON file), and the personal data of its past
//! tickets erased at once (`server`'s retention erases it in time anyway).

use crate::api::{erase_my_past, SignInFailure};
use crate::browser;
use crate::components::lang::use_lang;
use crate::i18n::tickets::{ttr, tw};
use domain::Localized;
use leptos::prelude::*;

/// Where the erasure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Erasing {
    /// Not asked.
    Idle,
    /// Asking the applicant to be sure.
    Asking,
    /// Done: this many tickets erased.
    Done(u32),
}

/// The answer of `my_data` as the server wrote it: saved as it is, never
/// read here, so the tickets' part carries no reader of its types.
#[cfg(feature = "csr")]
async fn my_data_text() -> Result<String, SignInFailure> {
    use leptos::server_fn::client::{browser::BrowserClient, Client};
    use leptos::server_fn::error::FromServerFnError;
    use leptos::server_fn::request::ClientReq;
    use leptos::server_fn::response::ClientRes;
    use leptos::server_fn::ServerFn;
    type Request = <BrowserClient as Client<SignInFailure>>::Request;
    let json = "application/json";
    let req = <Request as ClientReq<SignInFailure>>::try_new_post(
        crate::api::MyData::PATH,
        json,
        json,
        "{}".into(),
    )?;
    let res = <BrowserClient as Client<SignInFailure>>::send(req).await?;
    let ok = (200..300).contains(&ClientRes::<SignInFailure>::status(&res));
    let text = ClientRes::<SignInFailure>::try_into_string(res).await?;
    if ok {
        Ok(text)
    } else {
        Err(SignInFailure::de(text.into()))
    }
}

/// Off the browser (pre-rendering, native tests): through the typed call.
#[cfg(not(feature = "csr"))]
async fn my_data_text() -> Result<String, SignInFailure> {
    let data = crate::api::my_data().await?;
    serde_json::to_string(&data).map_err(|_| SignInFailure::Api(crate::api::ApiError::Internal))
}

/// The panel; `on_erased` runs after an erasure (the list is read again).
#[component]
pub fn MyDataPanel(on_erased: Callback<()>) -> impl IntoView {
    let lang = use_lang();
    let file = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let erasing = RwSignal::new(Erasing::Idle);
    let copy = Action::new_local(move |_: &()| async move {
        match my_data_text().await {
            Ok(text) => {
                let href = format!(
                    "data:application/json;charset=utf-8,{}",
                    browser::encode_uri_component(&text)
                );
                file.set(Some(href));
                error.set(None);
            }
            Err(e) => error.set(Some(e.message(lang.get_untracked()))),
        }
    });
    let erase = Action::new_local(move |_: &()| async move {
        match erase_my_past().await {
            Ok(done) => {
                erasing.set(Erasing::Done(done.tickets));
                // A copy made before no longer says what is held.
                file.set(None);
                error.set(None);
                on_erased.run(());
            }
            Err(e) => {
                erasing.set(Erasing::Idle);
                error.set(Some(e.message(lang.get_untracked())));
            }
        }
    });
    let copy_button = move || {
        match file.get() {
        Some(href) => view! {
            <a class="button data-save" href=href download="cherga-my-data.json">{ttr(|w| &w.data_save)}</a>
        }
        .into_any(),
        None => view! {
            <button type="button" class="button button-light data-copy" disabled=move || copy.pending().get()
                on:click=move |_| { copy.dispatch(()); }>
                {ttr(|w| &w.data_copy)}
            </button>
        }
        .into_any(),
    }
    };
    let confirm = move || {
        (erasing.get() == Erasing::Asking).then(|| view! {
            <div class="confirm-cancel" role="alertdialog" aria-labelledby="erase-question">
                <p id="erase-question">{ttr(|w| &w.data_erase_question)}</p>
                <p class="actions">
                    <button type="button" class="button button-danger data-erase-yes" disabled=move || erase.pending().get()
                        on:click=move |_| { erase.dispatch(()); }>
                        {ttr(|w| &w.data_erase_yes)}
                    </button>
                    <button type="button" class="button button-light" on:click=move |_| erasing.set(Erasing::Idle)>
                        {ttr(|w| &w.data_erase_no)}
                    </button>
                </p>
            </div>
        })
    };
    let done = move || match erasing.get() {
        Erasing::Done(n) => Some(view! {
            <p class="hint data-erased" role="status">
                {move || tw(lang.get()).data_erased.replace("{n}", &n.to_string())}
            </p>
        }),
        _ => None,
    };
    view! {
        <section class="my-data" aria-labelledby="my-data-title">
            <h2 id="my-data-title">{ttr(|w| &w.data_title)}</h2>
            <p class="hint">{ttr(|w| &w.data_lead)}</p>
            <p class="actions">
                {copy_button}
                {move || (erasing.get() != Erasing::Asking).then(|| view! {
                    <button type="button" class="button button-light data-erase" on:click=move |_| erasing.set(Erasing::Asking)>
                        {ttr(|w| &w.data_erase)}
                    </button>
                })}
            </p>
            {confirm}
            {done}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e}</p> })}
        </section>
    }
}
