//! The office's screens in the browser: one WASM for the console, the kiosk
//! and the board, chosen by the page's address (`Screen::at`).

mod admin;
mod admin_calendar;
mod admin_form;
mod admin_help;
mod admin_lists;
mod audit;
mod board;
mod console;
mod console_parts;
mod console_pay;
mod js;
mod kiosk;
mod reports;
mod walk_in;

use crate::show::Screen;
use crate::words::{words, Words};
use domain::{Lang, Localized};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// Where the language is remembered: the applicant's app's key and cookie,
/// so that a kiosk set to English stays English.
const LANG_KEY: &str = "cherga.lang";

/// The WASM entry point: the screen of the page's address.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let screen = Screen::at(&path);
    // Signals and effects inside: mounting starts the executor they run on.
    leptos::mount::mount_to_body(move || {
        // Made here, by the root: it lives as long as the page.
        let lang = lang();
        Effect::new(move |_| remember(lang.get()));
        match screen.clone() {
            Some(Screen::Console) => console::Console().into_any(),
            Some(Screen::Audit) => audit::page().into_any(),
            Some(Screen::Reports) => reports::page().into_any(),
            Some(Screen::Admin) => admin::page().into_any(),
            Some(Screen::Kiosk(office)) => view! { <kiosk::Kiosk office /> }.into_any(),
            Some(Screen::Board(office)) => view! { <board::Board office /> }.into_any(),
            None => view! { <p class="office-error">{move || w().none}</p> }.into_any(),
        }
    });
}

/// The language remembered in this browser, else the page's (the server's
/// choice from the cookie).
fn first_lang() -> Lang {
    let window = web_sys::window();
    let stored = window
        .as_ref()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(LANG_KEY).ok().flatten());
    let page = window
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"));
    stored
        .or(page)
        .and_then(|tag| Lang::from_tag(&tag))
        .unwrap_or_default()
}

/// Keeps `lang` in the browser's storage, its cookie and `<html lang>`.
fn remember(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(LANG_KEY, lang.tag());
    }
    if let Some(document) = window.document() {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.tag());
        }
        let cookie = format!(
            "{LANG_KEY}={}; path=/; max-age=31536000; SameSite=Lax",
            lang.tag()
        );
        let _ = js_sys::Reflect::set(&document, &"cookie".into(), &cookie.into());
    }
}

thread_local! {
    static LANG: std::cell::OnceCell<RwSignal<Lang>> = const { std::cell::OnceCell::new() };
}

/// The current language: one signal for the page, reachable from event
/// handlers and tasks too (which run outside the components' context).
fn lang() -> RwSignal<Lang> {
    LANG.with(|l| *l.get_or_init(|| RwSignal::new(first_lang())))
}

/// The words in the current language (reactive where read in a closure).
fn w() -> &'static Words {
    words(lang().get())
}

/// An error as the current language says it.
fn say(error: &impl Localized) -> String {
    error.message(lang().get())
}

/// The staff member signed in (asked of the server once), and whether the
/// answer came.
fn signed_in() -> (RwSignal<Option<crate::api::StaffView>>, RwSignal<bool>) {
    let me = RwSignal::new(None);
    let checked = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        let asked = js::post("staff_me", &crate::api::NoArguments {}).await;
        if let Ok(view) = asked {
            me.set(Some(view));
        }
        checked.set(true);
    });
    (me, checked)
}

/// An administrator's page (`class`): its title, who is signed in, the way
/// to the console, the languages; the sign-in form until signed in, then
/// `body` for the staff member.
fn admin_page(
    class: &'static str,
    title: fn() -> &'static str,
    body: fn(crate::api::StaffView) -> AnyView,
) -> impl IntoView {
    let (me, checked) = signed_in();
    view! {
        <main class=class>
            <header class="console-head">
                <h1>{title}</h1>
                {move || me.get().map(|m| view! {
                    <span class="console-who">{m.login}</span>
                    <a class="console-plain" href="/staff/console">{move || w().console_title}</a>
                })}
                <LangSwitch />
            </header>
            {move || match (checked.get(), me.get()) {
                (false, _) => view! { <p>{move || w().loading}</p> }.into_any(),
                (true, None) => view! { <console_parts::SignIn me /> }.into_any(),
                (true, Some(staff)) => body(staff),
            }}
        </main>
    }
}

/// УКР and ENG; the current one pressed.
#[component]
fn LangSwitch() -> impl IntoView {
    let lang = lang();
    let button = move |l: Lang, label: &'static str| {
        view! {
            <button
                type="button"
                class="lang-button"
                lang=l.tag()
                aria-pressed=move || (lang.get() == l).to_string()
                on:click=move |_| lang.set(l)
            >
                {label}
            </button>
        }
    };
    view! {
        <nav class="lang-switch" aria-label=move || w().lang_switch>
            {button(Lang::Uk, "УКР")}
            {button(Lang::En, "ENG")}
        </nav>
    }
}

/// Today in Kyiv.
fn today() -> chrono::NaiveDate {
    let now =
        chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    domain::slots::kyiv_today(now)
}
