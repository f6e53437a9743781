use crate::browser::{self, Store};
use crate::i18n::{t, Pick};
use domain::Lang;
use leptos::prelude::*;

/// Where the choice is remembered in this browser: local storage for the app,
/// and a cookie of the same name so the server renders its pages' content in
/// that language (a page also checks the storage, to hide a copy in the other).
pub const STORAGE_KEY: &str = "cherga.lang";

/// The language a render starts in where the browser remembers none (the
/// server's pre-rendering provides it from the request's cookie).
#[derive(Debug, Clone, Copy)]
pub struct StartLang(pub Lang);

/// The language a `Cookie` header remembers, if any.
pub fn lang_in_cookies(cookies: &str) -> Option<Lang> {
    cookies
        .split(';')
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == STORAGE_KEY)
        .and_then(|(_, value)| Lang::from_tag(value.trim()))
}

/// Provides the current language to every component, starting from the one
/// remembered in this browser's storage, else the page's own (`<html lang>`,
/// which the server set from the cookie), and keeps `<html lang>`, the page's
/// title and the cookie in step (screen readers switch voice).
pub fn provide_lang() {
    let start = browser::get(Store::Local, STORAGE_KEY)
        .and_then(|tag| Lang::from_tag(&tag))
        .or_else(|| Lang::from_tag(&browser::html_lang()?))
        .or_else(|| use_context::<StartLang>().map(|s| s.0));
    let lang = RwSignal::new(start.unwrap_or_default());
    Effect::new(move |_| {
        let l = lang.get();
        browser::set(Store::Local, STORAGE_KEY, l.tag());
        browser::set_cookie(STORAGE_KEY, l.tag());
        browser::set_page_lang(l.tag(), t(l).page_title);
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

#[cfg(test)]
mod tests {
    use super::lang_in_cookies;
    use domain::Lang;

    #[test]
    fn the_language_comes_from_its_own_cookie_only() {
        assert_eq!(lang_in_cookies("cherga.lang=en"), Some(Lang::En));
        assert_eq!(lang_in_cookies("a=1; cherga.lang=en; b=2"), Some(Lang::En));
        assert_eq!(lang_in_cookies("cherga.lang=uk"), Some(Lang::Uk));
        for other in [
            "",
            "cherga.lang=fr",
            "cherga.lang",
            "xcherga.lang=en",
            "lang=en",
            ";;=",
        ] {
            assert_eq!(lang_in_cookies(other), None, "{other}");
        }
    }
}
