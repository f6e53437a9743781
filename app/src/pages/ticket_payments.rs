//! A ticket's payments: one per recipient of its fees, each with what it
//! covers, its amount and where it stands; a button that goes to the
//! provider's checkout while the ticket lives and the payment is not made;
//! the receipt's code once paid.

use crate::api::{pay, ApiError, PayRequest, PaymentView, TicketView};
use crate::browser;
use crate::components::error_view::ErrorView;
use crate::components::lang::use_lang;
use crate::i18n::date_long;
use crate::i18n::tickets::{ttr, tw};
use domain::pay::PayState;
use leptos::prelude::*;

fn state_name(s: PayState) -> &'static str {
    match s {
        PayState::Unpaid => "unpaid",
        PayState::Pending => "pending",
        PayState::Paid => "paid",
        PayState::Refunded => "refunded",
    }
}

/// The ticket's payments, opened with `token` (empty: by the session).
#[component]
pub fn TicketPayments(ticket: TicketView, token: String) -> impl IntoView {
    let lang = use_lang();
    let error = RwSignal::new(None::<ApiError>);
    let going = Action::new_local(move |req: &PayRequest| {
        let req = req.clone();
        async move {
            error.set(None);
            match pay(req).await {
                Ok(start) => browser::go(&start.url),
                Err(e) => error.set(Some(e)),
            }
        }
    });
    let active = ticket.status.is_active();
    let rows = ticket
        .payments
        .iter()
        .cloned()
        .map(|p: PaymentView| {
            let may_pay = active && matches!(p.state, PayState::Unpaid | PayState::Pending);
            let req = PayRequest {
                id: ticket.id.clone(),
                token: token.clone(),
                recipient: p.recipient.clone(),
                lang: lang.get_untracked(),
            };
            let name = p.recipient_name.clone();
            let labels = p.labels.clone();
            let state = p.state;
            let word = move || {
                let w = tw(lang.get());
                match state {
                    PayState::Unpaid => w.pay_unpaid.clone(),
                    PayState::Pending => w.pay_pending.clone(),
                    PayState::Paid => w.pay_paid.clone(),
                    PayState::Refunded => w.pay_refunded.clone(),
                }
            };
            let (id, holder, to) = (ticket.id.clone(), token.clone(), p.recipient.clone());
            let download = move |layout: &'static str| {
                let (id, holder, to) = (id.clone(), holder.clone(), to.clone());
                view! {
                    // A form post: the token goes in the body, never an address.
                    <form method="post" action="/pay/receipt" class="receipt-form no-print">
                        <input type="hidden" name="id" value=id />
                        <input type="hidden" name="token" value=holder />
                        <input type="hidden" name="recipient" value=to />
                        <input type="hidden" name="layout" value=layout />
                        <input type="hidden" name="lang" value=move || lang.get().tag() />
                        <button type="submit" class="button button-light" data-layout=layout>
                            {move || { let w = tw(lang.get()); if layout == "a4" { w.receipt_pdf.clone() } else { w.receipt_narrow.clone() } }}
                        </button>
                    </form>
                }
            };
            let receipt = p.receipt_code.clone().map(|code| {
                let on = p.paid_on;
                let shown = code.clone();
                let check = format!("/check#{code}");
                view! {
                    <p class="receipt">{ttr(|w| &w.receipt_code)} ": " <strong data-receipt=code>{shown}</strong>
                        {on.map(|d| view! { ", " {move || date_long(d, lang.get())} })}
                        " · " <a href=check class="no-print">{ttr(|w| &w.check_title)}</a></p>
                    <div class="receipt-downloads">{download("a4")} {download("narrow")}</div>
                }
            });
            view! {
                <section class="payment" data-recipient=p.recipient.clone() data-state=state_name(state)>
                    <h3>{move || name.get(lang.get()).to_string()}</h3>
                    <p class="payment-lines">{move || labels.iter().map(|l| l.get(lang.get())).collect::<Vec<_>>().join(", ")}</p>
                    <p class="payment-sum"><strong>{move || p.amount.format(lang.get())}</strong> " · " <span class="pay-state">{word}</span></p>
                    {receipt}
                    {may_pay.then(|| view! {
                        <button type="button" class="button pay no-print" disabled=move || going.pending().get()
                            on:click=move |_| { going.dispatch(PayRequest { lang: lang.get_untracked(), ..req.clone() }); }>
                            {move || if going.pending().get() { tw(lang.get()).paying.clone() } else { tw(lang.get()).pay_button.clone() }}
                        </button>
                    })}
                </section>
            }
        })
        .collect_view();
    // Not on the printed ticket (one page): the receipts print as their own PDFs.
    view! {
        <div class="ticket-payments no-print">
            <h2>{ttr(|w| &w.pay_title)}</h2>
            {active.then(|| view! { <p class="hint">{ttr(|w| &w.pay_lead)}</p> })}
            {rows}
            {move || error.get().map(|e| view! { <ErrorView error=e /> })}
        </div>
    }
}
