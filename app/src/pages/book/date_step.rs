use super::draft_for;
use crate::api::{days, ApiError, DayView, OfficeServiceRequest};
use crate::components::error_view::fetched;
use crate::components::lang::use_lang;
use crate::components::wizard::WizardStep;
use crate::i18n::{date_short, plural, t, weekday_short};
use crate::pages::service_page::service_param;
use domain::catalog::OfficeId;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The office id in the address.
pub(super) fn office_param() -> Memo<Option<OfficeId>> {
    let params = use_params_map();
    Memo::new(move |_| params.with(|p| p.get("office").map(OfficeId)))
}

/// Step 3: the days of the booking horizon, each with its free places or why
/// the office is closed.
#[component]
pub fn DateStep() -> impl IntoView {
    let id = service_param();
    let office = office_param();
    let draft = draft_for(id.get_untracked().as_ref());
    Effect::new(move |_| {
        let o = office.get();
        draft.update(|d| d.office = o);
    });
    let days = LocalResource::new(move || {
        let (service, office) = (id.get(), office.get());
        async move {
            match (service, office) {
                (Some(service), Some(office)) => {
                    days(OfficeServiceRequest { service, office }).await
                }
                _ => Err(ApiError::not_found("office")),
            }
        }
    });
    let sid = move || id.get().map(|s| s.0).unwrap_or_default();
    let oid = move || office.get().map(|s| s.0).unwrap_or_default();
    let back = Signal::derive(move || format!("/book/{}/office", sid()));
    view! {
        <WizardStep step=3 title=|w| w.date_title back>
            {fetched(days, move |list| {
                    let base = format!("/book/{}/office/{}", sid(), oid());
                    view! {
                        <ul class="days">
                            {list.into_iter().map(|d| view! { <Day day=d base=base.clone() /> }).collect_view()}
                        </ul>
                    }
                    })}
        </WizardStep>
    }
}

#[component]
fn Day(day: DayView, base: String) -> impl IntoView {
    let lang = use_lang();
    let date = day.date;
    let head = move || {
        let l = lang.get();
        view! {
            <span class="weekday">{weekday_short(date, l)}</span>
            <span class="date">{date_short(date, l)}</span>
        }
    };
    let free = day.free;
    let status = move || {
        let l = lang.get();
        match (&day.closed, free) {
            (Some(why), _) => why.get(l).to_string(),
            (None, 0) => t(l).no_places.to_string(),
            (None, n) => format!("{n} {}", plural(l, n, t(l).free_places)),
        }
    };
    if free > 0 {
        let href = format!("{base}/{date}");
        view! {
            <li><A href=href attr:class="day open" attr:data-date=date.to_string()>{head} <span class="free">{status}</span></A></li>
        }
        .into_any()
    } else {
        view! {
            <li><span class="day closed" aria-disabled="true" data-date=date.to_string()>{head} <span class="free">{status}</span></span></li>
        }
        .into_any()
    }
}
