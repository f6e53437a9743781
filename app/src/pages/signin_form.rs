use crate::api::{signin_start, signin_verify, CodeRequest, SignInFailure, SignInRequest};
use crate::api::{SignInStarted, TicketList};
use crate::browser;
use crate::components::lang::use_lang;
use crate::i18n::tickets::{ttr, tw};
use domain::Localized;
use leptos::prelude::*;
use std::time::Duration;

/// A code asked for: where it went and when.
#[derive(Debug, Clone)]
struct Asked {
    started: SignInStarted,
    at_ms: f64,
}

/// Sign-in to "My tickets" by a one-time code: the phone or e-mail the
/// tickets were booked with, then the six digits sent to it. Signed in,
/// `on_signed_in` gets the contact's tickets.
#[component]
pub fn SignInForm(on_signed_in: Callback<TicketList>) -> impl IntoView {
    let lang = use_lang();
    let contact = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let asked = RwSignal::new(None::<Asked>);
    let error = RwSignal::new(None::<SignInFailure>);
    let now = RwSignal::new(browser::now_ms());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(browser::now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    let start = Action::new_local(move |_: &()| async move {
        error.set(None);
        let req = SignInRequest {
            contact: contact.get_untracked(),
            lang: lang.get_untracked(),
        };
        match signin_start(req).await {
            Ok(started) => {
                code.set(String::new());
                let at_ms = browser::now_ms();
                now.set(at_ms);
                asked.set(Some(Asked { started, at_ms }));
            }
            Err(e) => error.set(Some(e)),
        }
    });
    let verify = Action::new_local(move |_: &()| async move {
        error.set(None);
        let Some(a) = asked.get_untracked() else {
            return;
        };
        let req = CodeRequest {
            attempt: a.started.attempt,
            code: code.get_untracked(),
        };
        match signin_verify(req).await {
            Ok(list) => {
                asked.set(None);
                on_signed_in.run(list);
            }
            Err(e) => error.set(Some(e)),
        }
    });
    // Seconds before another code may be asked for.
    let wait = move || {
        asked.with(|a| {
            a.as_ref().map_or(0, |a| {
                let due = a.at_ms + f64::from(a.started.resend_after) * 1000.0;
                ((due - now.get()) / 1000.0).ceil().max(0.0) as u32
            })
        })
    };
    let contact_step = move || {
        view! {
            <p class="hint">{ttr(|w| &w.signin_lead)}</p>
            <form class="signin-contact" on:submit=move |ev| { ev.prevent_default(); start.dispatch(()); }>
                <div class="field">
                    <label for="signin-contact">{ttr(|w| &w.contact_field)}</label>
                    <input id="signin-contact" name="contact" type="text" autocomplete="username" required
                        prop:value=contact on:input=move |ev| contact.set(event_target_value(&ev)) />
                </div>
                <p class="actions">
                    <button type="submit" class="button" disabled=move || start.pending().get()>
                        {move || if start.pending().get() { tw(lang.get()).sending.as_str() } else { tw(lang.get()).send_code.as_str() }}
                    </button>
                </p>
            </form>
        }
    };
    let code_step = move |a: Asked| {
        let minutes = a.started.expires_in.div_ceil(60).to_string();
        let sent = move || tw(lang.get()).code_sent.as_str().replace("{m}", &minutes);
        let resend_label = move || match wait() {
            0 => tw(lang.get()).resend.as_str().to_string(),
            s => tw(lang.get())
                .resend_in
                .as_str()
                .replace("{s}", &s.to_string()),
        };
        view! {
            <p class="hint" role="status">{sent}</p>
            <form class="signin-code" on:submit=move |ev| { ev.prevent_default(); verify.dispatch(()); }>
                <div class="field">
                    <label for="signin-code">{ttr(|w| &w.code_field)}</label>
                    <input id="signin-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                        maxlength="12" required
                        prop:value=code on:input=move |ev| code.set(event_target_value(&ev)) />
                </div>
                <p class="actions">
                    <button type="submit" class="button" disabled=move || verify.pending().get()>
                        {move || if verify.pending().get() { tw(lang.get()).signing_in.as_str() } else { tw(lang.get()).sign_in.as_str() }}
                    </button>
                    <button type="button" class="button button-light resend"
                        disabled=move || { wait() > 0 || start.pending().get() }
                        on:click=move |_| { start.dispatch(()); }>
                        {resend_label}
                    </button>
                    <button type="button" class="button button-light"
                        on:click=move |_| { error.set(None); asked.set(None); }>
                        {ttr(|w| &w.other_contact)}
                    </button>
                </p>
            </form>
        }
    };
    view! {
        <section class="signin" aria-labelledby="signin-title">
            <h2 id="signin-title">{ttr(|w| &w.signin_title)}</h2>
            {move || match asked.get() {
                None => contact_step().into_any(),
                Some(a) => code_step(a).into_any(),
            }}
            {move || error.get().map(|e| view! { <p class="error" role="alert">{e.message(lang.get())}</p> })}
        </section>
    }
}
