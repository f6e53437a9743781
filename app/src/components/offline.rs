use super::lang::use_lang;
use crate::browser;
use crate::i18n::t;
use leptos::prelude::*;

/// A banner while the browser says the network is down (checked on the
/// browser's online/offline events).
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let lang = use_lang();
    let online = RwSignal::new(browser::online());
    let _ = window_event_listener(leptos::ev::online, move |_| online.set(true));
    let _ = window_event_listener(leptos::ev::offline, move |_| online.set(false));
    move || {
        (!online.get()).then(|| {
            view! { <p class="offline" role="status">{t(lang.get()).offline}</p> }
        })
    }
}
