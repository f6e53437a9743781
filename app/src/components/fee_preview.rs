use super::lang::{tr, use_lang};
use crate::api::ServiceDetails;
use crate::i18n::{date_long, t};
use domain::catalog::Estimate;
use domain::checklist::Answers;
use domain::fees::Quote;
use domain::Localized;
use leptos::prelude::*;

/// The fees for `answers` if the documents were handed in today, itemised,
/// with exemptions explained, and the expected ready date: computed here by
/// `domain`, with no server round trip (so it works offline).
#[component]
pub fn FeePreview(details: ServiceDetails, answers: RwSignal<Answers>) -> impl IntoView {
    let lang = use_lang();
    let today = details.today;
    let estimate =
        Memo::new(move |_| answers.with(|a| details.service.estimate(today, a, &details.calendar)));
    view! {
        <section class="fees" aria-labelledby="fee-title" aria-live="polite">
            <h2 id="fee-title">{tr(|w| w.fee_title)}</h2>
            {move || match estimate.get() {
                Err(e) => view! { <p class="error">{e.message(lang.get())}</p> }.into_any(),
                Ok(Estimate { quote: None, .. }) => view! { <p>{t(lang.get()).fee_none}</p> }.into_any(),
                Ok(Estimate { quote: Some(q), .. }) => view! { <QuoteTable quote=q /> }.into_any(),
            }}
            {move || estimate.get().ok().and_then(|e| e.ready_date).map(|d| view! {
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
                    <th scope="row">{tr(|w| w.fee_total)}</th>
                    <td data-total=total.kopiykas().to_string()>{move || total.format(lang.get())}</td>
                </tr>
            </tfoot>
        </table>
    }
}
