//! The page as the app first renders it, rendered on the server so that the
//! page the server sends shows its content before the app's code arrives (a
//! phone on a slow link sees the catalog or the card at once). The app is still
//! rendered in the browser: when it starts it replaces this copy (see
//! [`crate::PRERENDER_ID`]).

use crate::api::{CatalogList, ServiceDetails};
use crate::cache::provide_kept;
use crate::components::lang::StartLang;
use crate::App;
use domain::Lang;
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use leptos_router::location::RequestUrl;

/// The HTML of the app at `path` (an address inside the app, such as `/` or
/// `/services/<id>`) in `lang`, as its first render shows it with `catalog`
/// and `service` already fetched.
pub fn page(
    path: &str,
    lang: Lang,
    catalog: Option<CatalogList>,
    service: Option<ServiceDetails>,
) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RequestUrl::new(path));
        provide_context(StartLang(lang));
        provide_kept(catalog, service);
        view! { <App /> }.to_html()
    })
}
