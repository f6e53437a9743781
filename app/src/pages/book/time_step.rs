use super::date_step::office_param;
use super::draft_for;
use super::hold::{take, HoldProblem};
use crate::api::{times, ApiError, SlotRef, TimeView, TimesRequest};
use crate::components::error_view::fetched;
use crate::components::lang::use_lang;
use crate::components::wizard::WizardStep;
use crate::i18n::{date_long, plural, t, time};
use crate::pages::service_page::service_param;
use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// Step 4: the times of the day with their free places. Choosing one holds it
/// for ten minutes while the applicant types their details.
#[component]
pub fn TimeStep() -> impl IntoView {
    let lang = use_lang();
    let id = service_param();
    let office = office_param();
    let params = use_params_map();
    let date = Memo::new(move |_| {
        params.with(|p| p.get("date").and_then(|d| d.parse::<NaiveDate>().ok()))
    });
    let draft = draft_for(id.get_untracked().as_ref());
    Effect::new(move |_| {
        let (o, d) = (office.get(), date.get());
        draft.update(|x| {
            x.office = o;
            x.date = d;
        });
    });
    let times = LocalResource::new(move || {
        let (service, office, date) = (id.get(), office.get(), date.get());
        async move {
            match (service, office, date) {
                (Some(service), Some(office), Some(date)) => {
                    times(TimesRequest {
                        service,
                        office,
                        date,
                    })
                    .await
                }
                _ => Err(ApiError::not_found("office")),
            }
        }
    });
    let sid = move || id.get().map(|s| s.0).unwrap_or_default();
    let back = Signal::derive(move || {
        format!(
            "/book/{}/office/{}",
            sid(),
            office.get().map(|o| o.0).unwrap_or_default()
        )
    });
    let navigate = use_navigate();
    // A move needs no contact: the ticket keeps its own.
    let to_contact = Callback::new(move |_| {
        let next = if draft.with_untracked(|d| d.moving.is_some()) {
            "review"
        } else {
            "contact"
        };
        navigate(&format!("/book/{}/{next}", sid()), Default::default())
    });
    let error = RwSignal::new(None::<ApiError>);
    let holding = Action::new_local(move |slot: &SlotRef| {
        let slot = slot.clone();
        async move {
            error.set(None);
            match take(draft, slot).await {
                Ok(()) => to_contact.run(()),
                Err(e) => {
                    times.refetch();
                    error.set(Some(e));
                }
            }
        }
    });
    view! {
        <WizardStep step=4 title=|w| w.time_title back>
            <p class="lead">{move || date.get().map(|d| date_long(d, lang.get()))}</p>
            {move || holding.pending().get().then(|| view! { <p class="loading" role="status">{t(lang.get()).holding}</p> })}
            <HoldProblem draft error on_held=to_contact />
            {fetched(times, move |list| view! {
                    <ul class="times">
                        {list.into_iter().map(|tv| view! { <Time tv date=date.get() holding /> }).collect_view()}
                    </ul>
                })}
        </WizardStep>
    }
}

#[component]
fn Time(tv: TimeView, date: Option<NaiveDate>, holding: Action<SlotRef, ()>) -> impl IntoView {
    let lang = use_lang();
    let free = u32::from(tv.free);
    let label = move || {
        let l = lang.get();
        if free == 0 {
            t(l).no_places.to_string()
        } else {
            format!("{free} {}", plural(l, free, t(l).free_places))
        }
    };
    let start = tv.start;
    view! {
        <li>
            <button
                type="button"
                class="button slot"
                data-time=time(start)
                disabled=move || free == 0 || holding.pending().get()
                on:click=move |_| {
                    if let Some(date) = date {
                        holding.dispatch(SlotRef { date, time: start });
                    }
                }
            >
                <strong>{time(start)}</strong>
                <span class="free">{label}</span>
            </button>
        </li>
    }
}
