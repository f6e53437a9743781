//! The payments of the ticket at the window: what each recipient is due and
//! whether it is paid (online, or at a bank with its code); for a payment
//! not made, the receipt the applicant brings from a bank is recorded here
//! (its code, bank and amount) once the officer has checked it in «check».

use super::console::Desk;
use super::{js, lang, w};
use crate::api::{BankReceiptRequest, TicketPayment};
use domain::money::Money;
use domain::pay::PayState;
use leptos::prelude::*;

impl Desk {
    /// Records the bank's receipt `code` of `bank` for the `recipient` of
    /// `ticket`, for `amount`.
    pub fn bank_receipt(
        self,
        ticket: String,
        recipient: String,
        code: String,
        bank: String,
        amount: Money,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        let req = BankReceiptRequest {
            office: None,
            window: self.window.get_value(),
            ticket,
            recipient,
            code,
            bank,
            amount,
        };
        leptos::task::spawn_local(async move {
            self.answer(js::post("console_bank_receipt", &req).await);
        });
    }
}

/// The ticket at the window's payments; drawn again only when they change,
/// so the queue's refresh never clears what is being typed.
#[component]
pub fn CurrentPayments(desk: Desk) -> impl IntoView {
    let shown = Memo::new(move |_| {
        desk.view.with(|v| {
            let v = v.as_ref()?;
            let t = v.current.as_ref()?;
            (!v.payments.is_empty()).then(|| (t.id.clone(), v.payments.clone()))
        })
    });
    move || {
        shown.get().map(|(ticket, list)| {
            let rows = list
                .into_iter()
                .map(|p| view! { <PaymentRow desk ticket=ticket.clone() p /> })
                .collect_view();
            view! {
                <section class="console-payments">
                    <h3>{move || w().payments}</h3>
                    <ul>{rows}</ul>
                </section>
            }
        })
    }
}

#[component]
fn PaymentRow(desk: Desk, ticket: String, p: TicketPayment) -> impl IntoView {
    let state = p.state;
    let word = move || match state {
        PayState::Paid => w().paid,
        PayState::Refunded => w().refunded,
        PayState::Unpaid | PayState::Pending => w().unpaid,
    };
    let name = p.recipient_name.clone();
    let amount = p.amount;
    let how = match (&p.code, &p.bank) {
        (Some(code), Some(bank)) => format!("{bank}, {code}"),
        (Some(code), None) => format!("LiqPay, {code}"),
        _ => String::new(),
    };
    let form = (state != PayState::Paid).then(|| {
        let code = RwSignal::new(String::new());
        let bank = RwSignal::new(String::new());
        let (ticket, recipient) = (ticket.clone(), p.recipient.clone());
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            desk.bank_receipt(
                ticket.clone(),
                recipient.clone(),
                code.get_untracked(),
                bank.get_untracked(),
                amount,
            );
        };
        view! {
            <form class="bank-receipt" on:submit=submit>
                <label>{move || w().receipt_code} <input name="code" required autocomplete="off"
                    on:input=move |ev| code.set(event_target_value(&ev)) /></label>
                <label>{move || w().bank} <input name="bank" required autocomplete="off"
                    on:input=move |ev| bank.set(event_target_value(&ev)) /></label>
                <button type="submit" disabled=move || desk.busy.get()>{move || w().record_bank}</button>
            </form>
        }
    });
    view! {
        <li data-recipient=p.recipient.clone() data-state=format!("{state:?}").to_lowercase()>
            <span class="payment-to">{move || name.get(lang().get()).to_string()}</span> " "
            <strong>{move || amount.format(lang().get())}</strong> " · "
            <span class="payment-state">{word}</span>
            {(!how.is_empty()).then(|| view! { " · " <span class="payment-how">{how.clone()}</span> })}
            {form}
        </li>
    }
}
