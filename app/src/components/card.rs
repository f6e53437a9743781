use super::lang::{tr, use_lang};
use crate::i18n::{plural, t, Pick};
use domain::catalog::{LegalAct, ServiceCard};
use domain::Text;
use leptos::prelude::*;

/// The card's short facts (result, subject, term, cost), shown first.
#[component]
pub fn CardFacts(card: ServiceCard) -> impl IntoView {
    let lang = use_lang();
    let w = move || t(lang.get());
    let term = card.term;
    let term_text = move || {
        let l = lang.get();
        let days = |n: u16| format!("{n} {}", plural(l, u32::from(n), t(l).working_days));
        match term.urgent_working_days {
            Some(u) => format!(
                "{}; {} {}",
                days(term.working_days),
                t(l).urgent_term,
                days(u)
            ),
            None => days(term.working_days),
        }
    };
    let paid = card.paid;
    view! {
        <section class="card-facts">
            <Fact title=|w| w.card_result text=card.result.clone() />
            <Fact title=|w| w.card_subject text=card.subject.clone() />
            <div class="fact">
                <h2>{tr(|w| w.card_term)}</h2>
                <p data-term=term.working_days>{term_text}</p>
            </div>
            <div class="fact">
                <h2>{tr(|w| w.card_cost)}</h2>
                <p>{move || if paid { w().card_paid } else { w().card_free }}</p>
            </div>
        </section>
    }
}

/// The card's other fields, in sections: the short ones open, the long legal
/// ones folded (`<details>`), so the page is never a wall of text.
#[component]
pub fn CardSections(card: ServiceCard) -> impl IntoView {
    let mut legal = card.legal_acts.clone();
    legal.extend(card.local_legal_acts.iter().cloned());
    view! {
        <Folded title=|w| w.card_grounds items=vec![card.grounds.clone()] open=true />
        <Folded title=|w| w.card_how items=card.how_to_apply.clone() open=true />
        <Folded title=|w| w.card_payment items=card.payment.clone().into_iter().collect() />
        <Folded title=|w| w.card_delivery items=card.result_delivery.clone() />
        <Folded title=|w| w.card_refusal_accept items=card.refusal_to_accept.clone() />
        <Folded title=|w| w.card_refusal_issue items=card.refusal_to_issue.clone() />
        <Folded title=|w| w.card_legal items=legal.into_iter().map(|LegalAct { title }| title).collect() />
        <Folded title=|w| w.card_notes items=card.notes.clone() />
    }
}

#[component]
fn Fact(title: Pick, text: Text) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="fact">
            <h2>{tr(title)}</h2>
            <p>{move || text.get(lang.get()).to_string()}</p>
        </div>
    }
}

/// A section of paragraphs, folded unless `open`; nothing when empty.
#[component]
fn Folded(title: Pick, items: Vec<Text>, #[prop(optional)] open: bool) -> impl IntoView {
    let lang = use_lang();
    (!items.is_empty()).then(|| {
        let paragraphs = items
            .into_iter()
            .map(|p| view! { <p>{move || p.get(lang.get()).to_string()}</p> })
            .collect_view();
        view! {
            <details class="card-section" open=open>
                <summary><h2>{tr(title)}</h2></summary>
                {paragraphs}
            </details>
        }
    })
}
