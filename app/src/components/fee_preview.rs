use super::lang::use_lang;
use crate::api::ServiceDetails;
use crate::i18n::{date_long, t};
use domain::checklist::Answers;
use domain::fees::{Quote, Urgency};
use domain::Localized;
use leptos::prelude::*;

/// The fees for `answers` if the documents were handed in today, itemised,
/// with exemptions explained, and the expected ready date: computed here by
/// `domain`, with no server round trip (so it works offline).
#[component]
pub fn FeePreview(details: ServiceDetails, answers: RwSignal<Answers>) -> impl IntoView {
    let lang = use_lang();
    let paid = details.service.card.paid;
    // A card kept for offline use may be days old: the later of its day and the
    // device's (a device clock that is behind cannot move the quote back).
    let today = details.today.max(crate::browser::kyiv_today());
    let quote = {
        let details = details.clone();
        Memo::new(move |_| answers.with(|a| paid.then(|| details.service.fees.quote(today, a))))
    };
    let ready = Memo::new(move |_| {
        let urgency = match quote.get() {
            Some(Ok(q)) => q.urgency,
            _ => Urgency::Standard,
        };
        let days = details.service.card.term.days(urgency);
        details.calendar.ready_date(today, days).ok()
    });
    view! {
        <section class="fees" aria-labelledby="fee-title" aria-live="polite">
            <h2 id="fee-title">{move || t(lang.get()).fee_title}</h2>
            {move || match quote.get() {
                None => view! { <p>{t(lang.get()).fee_none}</p> }.into_any(),
                Some(Err(e)) => view! { <p class="error">{e.message(lang.get())}</p> }.into_any(),
                Some(Ok(q)) => view! { <QuoteTable quote=q /> }.into_any(),
            }}
            {move || ready.get().map(|d| view! {
                <p class="ready">
                    {t(lang.get()).ready_title} ": " <strong data-ready=d.to_string()>{date_long(d, lang.get())}</strong>
                </p>
            })}
        </section>
    }
}

/// A quote's lines and total (the ticket page shows the same table).
#[component]
pub fn QuoteTable(quote: Quote) -> impl IntoView {
    let lang = use_lang();
    let lines = quote
        .lines
        .iter()
        .map(|line| {
            let line = line.clone();
            let exempt = line.exemption.clone();
            view! {
                <tr class=if exempt.is_some() { "exempt" } else { "" }>
                    <th scope="row">
                        {move || line.label.get(lang.get()).to_string()}
                        {exempt.clone().map(|why| view! { <span class="why">{move || why.get(lang.get()).to_string()}</span> })}
                    </th>
                    <td>
                        {move || {
                            let l = lang.get();
                            if line.amount == line.list_amount {
                                view! { <span>{line.amount.format(l)}</span> }.into_any()
                            } else {
                                view! { <span><s>{line.list_amount.format(l)}</s> " " {line.amount.format(l)}</span> }.into_any()
                            }
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    let total = quote.total;
    view! {
        <table class="quote">
            <tbody>{lines}</tbody>
            <tfoot>
                <tr>
                    <th scope="row">{move || t(lang.get()).fee_total}</th>
                    <td data-total=total.kopiykas().to_string()>{move || total.format(lang.get())}</td>
                </tr>
            </tfoot>
        </table>
    }
}
