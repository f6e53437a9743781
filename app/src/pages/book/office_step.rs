use super::draft_for;
use crate::api::{offices, OfficeView, OnlineStatus, ServiceRequest};
use crate::components::error_view::fetched;
use crate::components::lang::use_lang;
use crate::components::wizard::WizardStep;
use crate::i18n::t;
use crate::pages::service_page::service_param;
use leptos::prelude::*;
use leptos_router::components::A;

/// Step 2: the offices that serve the service, with a region filter; offices
/// where online booking is off are shown as such, not hidden.
#[component]
pub fn OfficeStep() -> impl IntoView {
    let lang = use_lang();
    let id = service_param();
    let draft = draft_for(id.get_untracked().as_ref());
    let offices = LocalResource::new(move || {
        let service = id.get();
        async move {
            match service {
                Some(service) => offices(ServiceRequest { service }).await,
                None => Err(crate::api::ApiError::not_found("service")),
            }
        }
    });
    let region = RwSignal::new(String::new());
    let sid = move || id.get().map(|s| s.0).unwrap_or_default();
    let back = Signal::derive(move || format!("/book/{}", sid()));
    view! {
        <WizardStep step=2 title=|w| w.office_title back>
            {fetched(offices, move |list| {
                    let l = lang.get();
                    let mut regions: Vec<String> = list.iter().map(|o| o.region.get(l).to_string()).collect();
                    regions.dedup();
                    let chosen = draft.with_untracked(|d| d.office.clone());
                    view! {
                        <div class="field">
                            <label for="region">{t(l).region}</label>
                            <select id="region" on:change=move |ev| region.set(event_target_value(&ev))>
                                <option value="">{t(l).all_regions}</option>
                                {regions.into_iter().map(|r| view! { <option value=r.clone()>{r.clone()}</option> }).collect_view()}
                            </select>
                        </div>
                        <ul class="offices">
                            {list
                                .into_iter()
                                .map(|o| {
                                    let shown = o.region.get(l).to_string();
                                    let current = chosen.as_ref() == Some(&o.id);
                                    view! {
                                        <li class="office" class:current=current hidden=move || { let r = region.get(); !r.is_empty() && r != shown }>
                                            <OfficeCard office=o service=sid() />
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                    }
                    })}
        </WizardStep>
    }
}

#[component]
fn OfficeCard(office: OfficeView, service: String) -> impl IntoView {
    let lang = use_lang();
    let draft = crate::draft::use_draft();
    let chosen = office.clone();
    let l = lang.get_untracked();
    let w = t(l);
    let action = match office.online {
        OnlineStatus::Open => {
            let href = format!("/book/{service}/office/{}", office.id.0);
            view! { <A href=href attr:class="button" attr:data-office=office.id.0.clone() on:click=move |_| draft.update(|d| d.office_view = Some(chosen.clone()))>{w.choose}</A> }.into_any()
        }
        OnlineStatus::OfficeOff => view! { <p class="off">{w.office_off}</p> }.into_any(),
        OnlineStatus::ServiceOff => view! { <p class="off">{w.service_off}</p> }.into_any(),
    };
    view! {
        <h2>{office.name.get(l).to_string()}</h2>
        <p class="address">{format!("{}, {}", office.city.get(l), office.address.get(l))}</p>
        {office.notices.iter().map(|n| view! { <p class="notice">{n.get(l).to_string()}</p> }).collect_view()}
        {action}
    }
}
