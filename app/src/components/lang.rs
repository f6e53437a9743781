use crate::i18n::{tr, Key};
use domain::Lang;
use leptos::prelude::*;

/// Where the choice is remembered in this browser.
#[cfg(feature = "csr")]
const STORAGE_KEY: &str = "cherga.lang";

/// Provides the current language to every component, starting from the one
/// remembered in this browser (Ukrainian by default).
pub fn provide_lang() {
    let lang = RwSignal::new(remembered().unwrap_or_default());
    Effect::new(move |_| remember(lang.get()));
    provide_context(lang);
}

/// The current language.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::Uk))
}

#[cfg(feature = "csr")]
fn remembered() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    Lang::from_tag(&storage.get_item(STORAGE_KEY).ok()??)
}

#[cfg(not(feature = "csr"))]
fn remembered() -> Option<Lang> {
    None
}

/// Stores the choice and sets `<html lang>` so screen readers switch voice.
#[cfg(feature = "csr")]
fn remember(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(STORAGE_KEY, lang.tag());
    }
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.tag());
    }
}

#[cfg(not(feature = "csr"))]
fn remember(_lang: Lang) {}

/// Two buttons, УКР and ENG; the current one is pressed.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let lang = use_lang();
    let button = move |l: Lang, label: &'static str, full: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                lang=l.tag()
                aria-label=full
                aria-pressed=move || (lang.get() == l).to_string()
                on:click=move |_| lang.set(l)
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="lang-switch" aria-label=move || tr(lang.get(), Key::LanguageSwitch)>
            {button(Lang::Uk, "УКР", "Українська")}
            {button(Lang::En, "ENG", "English")}
        </nav>
    }
}
