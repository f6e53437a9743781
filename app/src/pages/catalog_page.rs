use crate::api::{CatalogList, ServiceSummary};
use crate::cache::use_catalog;
use crate::components::error_view::kept_or_fetched;
use crate::components::lang::{tr, use_lang};
use crate::i18n::t;
use domain::Lang;
use leptos::prelude::*;
use leptos_router::components::A;

/// The catalog: notices, a search box, the services by category, and how it works.
#[component]
pub fn CatalogPage() -> impl IntoView {
    let catalog = use_catalog();
    let query = RwSignal::new(String::new());
    view! {
        <h1>{tr(|w| w.catalog_title)}</h1>
        <p class="lead">{tr(|w| w.catalog_lead)}</p>
        <div class="search">
            <label for="search">{tr(|w| w.search_label)}</label>
            <input
                id="search"
                type="search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
        <div class="catalog">
            {kept_or_fetched(catalog, move |list| view! { <CatalogList list query /> })}
        </div>
        <section class="how" aria-labelledby="how-title">
            <h2 id="how-title">{tr(|w| w.how_title)}</h2>
            <ol>
                <li>{tr(|w| w.how_step1)}</li>
                <li>{tr(|w| w.how_step2)}</li>
                <li>{tr(|w| w.how_step3)}</li>
                <li>{tr(|w| w.how_step4)}</li>
            </ol>
            <p class="warning">{tr(|w| w.no_lateness)}</p>
        </section>
    }
}

/// True when every word of `query` is in the service's name or summary, in
/// either language (applicants search in the language they think in).
fn matches(s: &ServiceSummary, query: &str) -> bool {
    let hay = format!(
        "{} {} {} {}",
        s.name.get(Lang::Uk),
        s.name.get(Lang::En),
        s.summary.get(Lang::Uk),
        s.summary.get(Lang::En)
    )
    .to_lowercase();
    query
        .to_lowercase()
        .split_whitespace()
        .all(|word| hay.contains(word))
}

#[component]
fn CatalogList(list: CatalogList, query: RwSignal<String>) -> impl IntoView {
    let lang = use_lang();
    let notices = (!list.notices.is_empty()).then(|| {
        let items = list.notices.clone();
        view! {
            <section class="notices" aria-label=tr(|w| w.notices)>
                {items.into_iter().map(|n| view! { <p class="notice">{move || n.get(lang.get()).to_string()}</p> }).collect_view()}
            </section>
        }
    });
    let groups = move || {
        let q = query.get();
        let l = lang.get();
        let mut any = false;
        let sections = list
            .categories
            .iter()
            .filter_map(|c| {
                let services: Vec<ServiceSummary> = list
                    .services
                    .iter()
                    .filter(|s| s.category == c.id && matches(s, &q))
                    .cloned()
                    .collect();
                any |= !services.is_empty();
                (!services.is_empty()).then(|| view! {
                    <section class="category">
                        <h2>{c.name.get(l).to_string()}</h2>
                        <ul class="services">
                            {services.into_iter().map(|s| view! { <ServiceItem service=s lang=l /> }).collect_view()}
                        </ul>
                    </section>
                })
            })
            .collect_view();
        view! {
            {sections}
            {(!any).then(|| view! { <p class="nothing" role="status">{t(l).nothing_found}</p> })}
        }
    };
    view! { {notices} {groups} }
}

#[component]
fn ServiceItem(service: ServiceSummary, lang: Lang) -> impl IntoView {
    let href = format!("/services/{}", service.id);
    view! {
        <li class="service" data-service=service.id.0.clone()>
            <h3 class="service-name"><A href=href>{service.name.get(lang).to_string()}</A></h3>
            <p class="service-summary">{service.summary.get(lang).to_string()}</p>
            <p class="badges">
                {(!service.bookable).then(|| view! { <span class="badge badge-info">{t(lang).no_booking}</span> })}
                {service.demo.then(|| view! { <span class="badge">{t(lang).demo}</span> })}
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::catalog::ServiceId;
    use domain::Text;

    fn summary() -> ServiceSummary {
        ServiceSummary {
            id: ServiceId("passport-lost-stolen".into()),
            category: "passport".into(),
            name: Text::new("Паспорт замість втраченого", "Passport after loss"),
            summary: Text::new("Новий паспорт-картка", "A new ID card"),
            bookable: true,
            demo: false,
        }
    }

    #[test]
    fn search_matches_every_word_in_either_language() {
        let s = summary();
        assert!(matches(&s, ""));
        assert!(matches(&s, "ВТРАЧЕНОГО паспорт"));
        assert!(matches(&s, "passport loss"));
        assert!(matches(&s, "id card"));
        assert!(!matches(&s, "passport visa"));
    }
}
