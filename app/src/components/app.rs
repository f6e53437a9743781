use super::lang::{provide_lang, use_lang, LanguageSwitch};
use crate::i18n::{tr, Key, SUPPORT_PHONES};
use crate::pages::catalog_page::CatalogPage;
use leptos::prelude::*;

/// The whole app: header, the page, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    let lang = use_lang();
    view! {
        <header class="site-header">
            <div class="wrap header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{move || tr(lang.get(), Key::Brand)}</span>
                    <span class="brand-tagline">{move || tr(lang.get(), Key::Tagline)}</span>
                </a>
                <LanguageSwitch />
            </div>
        </header>
        <main id="main" class="wrap">
            <CatalogPage />
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <h2 class="footer-title">{move || tr(lang.get(), Key::Support)}</h2>
                <ul class="phones">
                    {SUPPORT_PHONES
                        .iter()
                        .map(|p| {
                            let href = format!("tel:+38{}", p.chars().filter(char::is_ascii_digit).collect::<String>());
                            view! { <li><a href=href>{*p}</a></li> }
                        })
                        .collect_view()}
                </ul>
                <p class="legal">{move || tr(lang.get(), Key::LegalBasis)}</p>
            </div>
        </footer>
    }
}
