use crate::api::{list_catalog, CatalogList, ServiceSummary};
use crate::components::error_view::ErrorView;
use crate::components::lang::use_lang;
use crate::i18n::{tr, Key};
use domain::Lang;
use leptos::prelude::*;

/// The catalog: notices, how it works, and the services by category.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let lang = use_lang();
    let catalog = LocalResource::new(list_catalog);
    let retry = Callback::new(move |_| catalog.refetch());
    view! {
        <h1>{move || tr(lang.get(), Key::CatalogTitle)}</h1>
        <p class="lead">{move || tr(lang.get(), Key::CatalogLead)}</p>
        {move || match catalog.get() {
            None => view! { <p class="loading" aria-busy="true">{tr(lang.get(), Key::Loading)}</p> }.into_any(),
            Some(Err(e)) => view! { <ErrorView error=e on_retry=retry /> }.into_any(),
            Some(Ok(list)) => view! { <CatalogList list lang=lang.get() /> }.into_any(),
        }}
        <section class="how" aria-labelledby="how-title">
            <h2 id="how-title">{move || tr(lang.get(), Key::HowTitle)}</h2>
            <ol>
                <li>{move || tr(lang.get(), Key::HowStep1)}</li>
                <li>{move || tr(lang.get(), Key::HowStep2)}</li>
                <li>{move || tr(lang.get(), Key::HowStep3)}</li>
                <li>{move || tr(lang.get(), Key::HowStep4)}</li>
            </ol>
            <p class="warning">{move || tr(lang.get(), Key::NoLateness)}</p>
        </section>
    }
}

#[component]
fn CatalogList(list: CatalogList, lang: Lang) -> impl IntoView {
    let notices = (!list.notices.is_empty()).then(|| {
        view! {
            <section class="notices" aria-label=tr(lang, Key::Notices)>
                {list.notices.iter().map(|n| view! { <p class="notice">{n.get(lang).to_string()}</p> }).collect_view()}
            </section>
        }
    });
    let groups = list
        .categories
        .iter()
        .map(|c| {
            let services: Vec<&ServiceSummary> = list.services.iter().filter(|s| s.category == c.id).collect();
            view! {
                <section class="category">
                    <h2>{c.name.get(lang).to_string()}</h2>
                    <ul class="services">
                        {services.into_iter().map(|s| view! { <ServiceItem service=s.clone() lang /> }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! { {notices} {groups} }
}

#[component]
fn ServiceItem(service: ServiceSummary, lang: Lang) -> impl IntoView {
    view! {
        <li class="service" data-service=service.id.0.clone()>
            <h3 class="service-name">{service.name.get(lang).to_string()}</h3>
            <p class="service-summary">{service.summary.get(lang).to_string()}</p>
            <p class="badges">
                {(!service.bookable).then(|| view! { <span class="badge badge-info">{tr(lang, Key::NoBooking)}</span> })}
                {service.demo.then(|| view! { <span class="badge">{tr(lang, Key::Demo)}</span> })}
            </p>
        </li>
    }
}
