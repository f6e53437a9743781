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
    browser::on_online_change(move |now| online.set(now));
    move || {
        (!online.get()).then(|| {
            view! { <p class="offline" role="status">{t(lang.get()).offline}</p> }
        })
    }
}
