use super::hand_over::Rendered;
use super::lang::{provide_lang, tr, use_lang, LanguageSwitch};
use super::offline::OfflineBanner;
use crate::browser;
use crate::cache::provide_cache;
use crate::draft::provide_draft;
use crate::i18n::{t, SUPPORT_PHONES};
use crate::pages::lazy::{
    CheckRoute, ContactRoute, DateRoute, MyTicketsRoute, OfficeRoute, ReviewRoute, ServiceRoute,
    SituationRoute, TicketRoute, TimeRoute,
};
use crate::pages::{CatalogPage, NotFoundPage};
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::{path, Lazy};

/// The whole app: header, the page of the current address, footer. Every
/// route is declared here.
#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    provide_cache();
    provide_draft();
    let lang = use_lang();
    let w = move || t(lang.get());
    // True while the next page's code is on its way (a lazily loaded chunk).
    let (routing, set_routing) = signal(false);
    view! {
        <Router set_is_routing=set_routing>
            <FocusOnNavigate />
            <a class="skip" href="#main">{tr(|w| w.skip_to_content)}</a>
            <header class="site-header">
                <div class="wrap header-row">
                    <A href="/" attr:class="brand">
                        <span class="brand-name">{tr(|w| w.brand)}</span>
                        <span class="brand-tagline">{tr(|w| w.tagline)}</span>
                    </A>
                    <div class="header-tools">
                        <A href="/tickets" attr:class="my-tickets-link">{tr(|w| w.my_tickets)}</A>
                        <LanguageSwitch />
                    </div>
                </div>
            </header>
            <OfflineBanner />
            <p class="routing" role="status" aria-live="polite" hidden=move || !routing.get()>
                {move || routing.get().then(|| w().loading)}
            </p>
            <main id="main" class="wrap" tabindex="-1">
                <Routes fallback=|| view! { <NotFoundPage /> <Rendered /> }>
                    <Route path=path!("/") view=|| view! { <CatalogPage /> <Rendered /> } />
                    <Route path=path!("/services/:service") view={Lazy::<ServiceRoute>::new()} />
                    <Route path=path!("/book/:service") view={Lazy::<SituationRoute>::new()} />
                    <Route path=path!("/book/:service/office") view={Lazy::<OfficeRoute>::new()} />
                    <Route path=path!("/book/:service/office/:office") view={Lazy::<DateRoute>::new()} />
                    <Route path=path!("/book/:service/office/:office/:date") view={Lazy::<TimeRoute>::new()} />
                    <Route path=path!("/book/:service/contact") view={Lazy::<ContactRoute>::new()} />
                    <Route path=path!("/book/:service/review") view={Lazy::<ReviewRoute>::new()} />
                    <Route path=path!("/tickets") view={Lazy::<MyTicketsRoute>::new()} />
                    <Route path=path!("/tickets/:ticket") view={Lazy::<TicketRoute>::new()} />
                    <Route path=path!("/check") view={Lazy::<CheckRoute>::new()} />
                </Routes>
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <h2 class="footer-title">{tr(|w| w.support)}</h2>
                    <ul class="phones">
                        {SUPPORT_PHONES
                            .iter()
                            .map(|p| {
                                let href = format!("tel:+38{}", p.chars().filter(char::is_ascii_digit).collect::<String>());
                                view! { <li><a href=href>{*p}</a></li> }
                            })
                            .collect_view()}
                    </ul>
                    <p class="help-links">
                        <a href="/help" rel="external">{tr(|w| w.help_guide)}</a>
                        " · "
                        <a href="/faq" rel="external">{tr(|w| w.help_faq)}</a>
                    </p>
                    <p class="legal">{tr(|w| w.legal_basis)}</p>
                </div>
            </footer>
        </Router>
    }
}

/// After a move to another page inside the app, the page shows from its top and
/// focus goes to its main region, as after a full page load: a keyboard or screen-reader user starts
/// at the new content, not at a link that is gone. The first load is left alone
/// (the skip link stays the first stop).
#[component]
fn FocusOnNavigate() -> impl IntoView {
    let location = use_location();
    Effect::new(move |seen: Option<String>| {
        let path = location.pathname.get();
        if seen.is_some_and(|p| p != path) {
            browser::focus_at_top("main");
        }
        path
    });
}
