use crate::browser::{self, Store};
use crate::i18n::{t, Pick};
use domain::Lang;
use leptos::prelude::*;

/// Where the choice is remembered in this browser (local storage; the
/// server's pages read it too, to hide their Ukrainian copy).
pub const STORAGE_KEY: &str = "cherga.lang";

/// Provides the current language to every component, starting from the one
/// remembered in this browser (Ukrainian by default), and keeps `<html lang>`
/// in step so screen readers switch voice.
pub fn provide_lang() {
    let remembered = browser::get(Store::Local, STORAGE_KEY).and_then(|tag| Lang::from_tag(&tag));
    let lang = RwSignal::new(remembered.unwrap_or_default());
    Effect::new(move |_| {
        let l = lang.get();
        browser::set(Store::Local, STORAGE_KEY, l.tag());
        browser::set_html_lang(l.tag());
    });
    provide_context(lang);
}

/// The current language.
pub fn use_lang() -> RwSignal<Lang> {
    use_context::<RwSignal<Lang>>().unwrap_or_else(|| RwSignal::new(Lang::Uk))
}

/// The words `pick` chooses, in the current language, as reactive text for a
/// child or an attribute. Every such text has this one type, so the renderer's
/// generic code for it is compiled once rather than once per place: a smaller
/// bundle than a closure of its own at each place.
pub fn tr(pick: Pick) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || pick(t(lang.get()))
}

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
                title=full
                aria-pressed=move || (lang.get() == l).to_string()
                on:click=move |_| lang.set(l)
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="lang-switch" aria-label=tr(|w| w.language_switch)>
            {button(Lang::Uk, "УКР", "Українська")}
            {button(Lang::En, "ENG", "English")}
        </nav>
    }
}
