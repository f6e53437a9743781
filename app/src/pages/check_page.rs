//! `/check`: anyone holding a receipt code sees whether it is a real, paid
//! receipt of this system, and what it paid. The code may come in the
//! address's fragment (`/check#CODE`, the receipt's QR code), which no
//! server sees; it is looked up at once then.

use crate::api::{check_receipt, ApiError, CheckRequest, ReceiptCheck};
use crate::components::error_view::ErrorView;
use crate::components::lang::use_lang;
use crate::i18n::date_long;
use crate::i18n::tickets::{ttr, tw};
use domain::pay::PayState;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// The check page.
#[component]
pub fn CheckPage() -> impl IntoView {
    let lang = use_lang();
    let typed = location_code();
    let code = RwSignal::new(typed.clone());
    let checking = Action::new_local(move |code: &String| {
        let req = CheckRequest { code: code.clone() };
        async move { check_receipt(req).await }
    });
    if !typed.is_empty() {
        checking.dispatch(typed);
    }
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        checking.dispatch(code.get_untracked());
    };
    let answer = move || {
        match checking.value().get() {
        None => None,
        Some(Ok(r)) => Some(view! { <ReceiptFound r /> }.into_any()),
        Some(Err(ApiError::NotFound { .. })) => Some(
            view! { <p class="error" role="alert" id="check-answer">{ttr(|w| &w.check_unknown)}</p> }
                .into_any(),
        ),
        Some(Err(e)) => Some(view! { <ErrorView error=e /> }.into_any()),
    }
    };
    view! {
        <h1>{ttr(|w| &w.check_title)}</h1>
        <p class="lead">{ttr(|w| &w.check_lead)}</p>
        <form class="check-form" on:submit=submit>
            <label for="receipt-code">{ttr(|w| &w.receipt_code)}</label>
            <input id="receipt-code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false"
                maxlength="32" placeholder="XXXX-XXXX-XXXX-XXXX" prop:value=move || code.get()
                on:input=move |ev| code.set(event_target_value(&ev)) />
            <button type="submit" class="button" disabled=move || checking.pending().get()>
                {move || tw(lang.get()).check_button.clone()}
            </button>
        </form>
        {answer}
    }
}

fn location_code() -> String {
    use_location()
        .hash
        .get_untracked()
        .trim_start_matches('#')
        .to_string()
}

#[component]
fn ReceiptFound(r: ReceiptCheck) -> impl IntoView {
    let lang = use_lang();
    let paid = r.state == PayState::Paid;
    let demo = r.demo;
    let verdict = move || {
        let w = tw(lang.get());
        match (paid, demo) {
            (true, false) => w.check_paid.clone(),
            (true, true) => w.check_demo.clone(),
            (false, _) => w.check_refunded.clone(),
        }
    };
    let labels = r.labels.clone();
    let (service, recipient, office) = (
        r.service_name.clone(),
        r.recipient_name.clone(),
        r.office_name.clone(),
    );
    let day = r.paid_on;
    view! {
        <section class="receipt-check" id="check-answer" data-state=if paid { "paid" } else { "refunded" } data-demo=demo.to_string()>
            <p class=if paid && !demo { "notice" } else { "error" } role="status"><strong>{verdict}</strong></p>
            <dl class="review">
                <div class="row"><dt>{ttr(|w| &w.receipt_code)}</dt><dd>{r.code.clone()}</dd></div>
                <div class="row"><dt>{ttr(|w| &w.check_amount)}</dt><dd data-amount=r.amount.kopiykas()>{move || r.amount.format(lang.get())}</dd></div>
                <div class="row"><dt>{ttr(|w| &w.check_purpose)}</dt><dd>{move || {
                    let l = lang.get();
                    let lines: Vec<&str> = labels.iter().map(|t| t.get(l)).collect();
                    format!("{}: {}", service.get(l), lines.join(", "))
                }}</dd></div>
                <div class="row"><dt>{ttr(|w| &w.check_recipient)}</dt><dd>{move || recipient.get(lang.get()).to_string()}</dd></div>
                <div class="row"><dt>{ttr(|w| &w.check_date)}</dt><dd>{move || date_long(day, lang.get())}</dd></div>
                <div class="row"><dt>{ttr(|w| &w.check_ticket)}</dt><dd>{move || format!("{}, {}", r.number, office.get(lang.get()))}</dd></div>
                <div class="row"><dt>{ttr(|w| &w.check_payer)}</dt><dd>{r.initials.clone()}</dd></div>
            </dl>
        </section>
    }
}
