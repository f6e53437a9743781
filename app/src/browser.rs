//! The few browser facilities the app uses (storage, randomness, the
//! address, the network state and its changes, the page's elements), with
//! inert fallbacks off the browser so the same components compile and render
//! on the server (which pre-renders pages) and in native tests.

/// Where a value is kept.
#[derive(Debug, Clone, Copy)]
pub enum Store {
    /// This tab only, gone when it closes (the booking draft: personal data).
    Session,
    /// This browser (the language, the ticket links).
    Local,
}

#[cfg(feature = "csr")]
mod imp {
    use super::{Store, ROOT_ID};

    fn storage(store: Store) -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        match store {
            Store::Session => window.session_storage().ok()?,
            Store::Local => window.local_storage().ok()?,
        }
    }

    pub fn get(store: Store, key: &str) -> Option<String> {
        storage(store)?.get_item(key).ok()?
    }

    pub fn set(store: Store, key: &str, value: &str) {
        if let Some(s) = storage(store) {
            // Full or disabled storage only costs the reload memory, never the booking.
            let _ = s.set_item(key, value);
        }
    }

    /// `s` in Unicode NFC, by the browser's own tables (`domain` leaves
    /// them out of the bundle).
    pub fn nfc(s: String) -> String {
        if s.is_ascii() {
            return s;
        }
        String::from(js_sys::JsString::from(s).normalize("NFC"))
    }

    pub fn random_hex(bytes: usize) -> Option<String> {
        let crypto = web_sys::window()?.crypto().ok()?;
        let mut buf = vec![0u8; bytes];
        crypto.get_random_values_with_u8_array(&mut buf).ok()?;
        Some(domain::ticket::to_hex(&buf))
    }

    pub fn origin() -> String {
        web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .unwrap_or_default()
    }

    pub fn online() -> bool {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }

    pub fn now_ms() -> f64 {
        js_sys::Date::now()
    }

    pub fn set_page_lang(tag: &str, title: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", tag);
        }
        document.set_title(title);
    }

    pub fn html_lang() -> Option<String> {
        web_sys::window()?
            .document()?
            .document_element()?
            .get_attribute("lang")
    }

    pub fn set_cookie(name: &str, value: &str) {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            let cookie = format!("{name}={value}; Path=/; Max-Age=31536000; SameSite=Lax");
            // `document.cookie` (web-sys has it on HtmlDocument only).
            let _ = js_sys::Reflect::set(&document, &"cookie".into(), &cookie.into());
        }
    }

    pub fn print() {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    }

    /// Leaves the app for `url` (a payment provider's page).
    pub fn go(url: &str) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().assign(url);
        }
    }

    pub fn encode_uri_component(s: &str) -> String {
        js_sys::encode_uri_component(s).into()
    }

    pub fn on_online_change(f: impl Fn(bool) + Clone + 'static) {
        use leptos::prelude::window_event_listener;
        let back = f.clone();
        let _ = window_event_listener(leptos::ev::online, move |_| back(true));
        let _ = window_event_listener(leptos::ev::offline, move |_| f(false));
    }

    fn element(id: &str) -> Option<web_sys::Element> {
        web_sys::window()?.document()?.get_element_by_id(id)
    }

    pub fn take_text(id: &str) -> Option<String> {
        let element = element(id)?;
        let text = element.text_content();
        element.remove();
        text
    }

    pub fn remove(id: &str) {
        if let Some(element) = element(id) {
            element.remove();
        }
    }

    pub fn mount_root(copy: &str) -> Option<(web_sys::HtmlElement, bool)> {
        use wasm_bindgen::JsCast;
        let document = web_sys::window()?.document()?;
        let root = document.create_element("div").ok()?;
        root.set_id(ROOT_ID);
        // The copy shows unless the page's head script hid it.
        let hidden_copy = document
            .document_element()
            .is_some_and(|html| html.class_list().contains(crate::PRERENDER_OFF));
        let hidden = match element(copy) {
            Some(_) if !hidden_copy => root.set_attribute("hidden", "").is_ok(),
            Some(copy) => {
                copy.remove();
                false
            }
            None => false,
        };
        document.body()?.append_child(&root).ok()?;
        Some((root.dyn_into().ok()?, hidden))
    }

    pub fn hand_over(copy: &str) {
        remove(copy);
        if let Some(root) = element(ROOT_ID) {
            let _ = root.remove_attribute("hidden");
        }
    }

    pub fn next_task(f: impl FnOnce() + 'static) {
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsCast;
        let Some(window) = web_sys::window() else {
            return;
        };
        let callback = Closure::once_into_js(f);
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
    }

    pub fn focus_at_top(id: &str) {
        use wasm_bindgen::JsCast;
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(e) = window
            .document()
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = e.focus_with_options(&options);
        }
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

#[cfg(not(feature = "csr"))]
mod imp {
    use super::Store;

    pub fn get(_: Store, _: &str) -> Option<String> {
        None
    }
    pub fn set(_: Store, _: &str, _: &str) {}
    pub fn nfc(s: String) -> String {
        s
    }
    pub fn random_hex(_: usize) -> Option<String> {
        None
    }
    pub fn origin() -> String {
        String::new()
    }
    pub fn online() -> bool {
        true
    }
    pub fn now_ms() -> f64 {
        0.0
    }
    pub fn set_page_lang(_: &str, _: &str) {}
    pub fn html_lang() -> Option<String> {
        None
    }
    pub fn set_cookie(_: &str, _: &str) {}
    pub fn print() {}
    pub fn go(_: &str) {}
    pub fn focus_at_top(_: &str) {}
    pub fn take_text(_: &str) -> Option<String> {
        None
    }
    pub fn remove(_: &str) {}
    pub fn hand_over(_: &str) {}
    pub fn next_task(_: impl FnOnce() + 'static) {}
    pub fn on_online_change(_: impl Fn(bool) + Clone + 'static) {}
    pub fn encode_uri_component(s: &str) -> String {
        s.to_string()
    }
}

pub use imp::*;

/// The element the app is mounted into (see `components::hand_over`).
pub const ROOT_ID: &str = "app";

/// Today in Kyiv by this device's clock.
pub fn kyiv_today() -> chrono::NaiveDate {
    let now = chrono::DateTime::from_timestamp_millis(now_ms() as i64).unwrap_or_default();
    domain::slots::kyiv_today(now)
}

/// Reads a JSON value kept under `key` (from bytes, as the server functions'
/// answers are read: one copy of each type's JSON reader in the bundle).
pub fn load<T: serde::de::DeserializeOwned>(store: Store, key: &str) -> Option<T> {
    serde_json::from_slice(get(store, key)?.as_bytes()).ok()
}

/// Takes the JSON value the server put into the page under the element `id`
/// (see `server`'s shell), once: the element goes with it.
pub fn take_kept<T: serde::de::DeserializeOwned>(id: &str) -> Option<T> {
    serde_json::from_slice(take_text(id)?.as_bytes()).ok()
}

/// Keeps `value` as JSON under `key`.
pub fn save<T: serde::Serialize>(store: Store, key: &str, value: &T) {
    if let Ok(text) = serde_json::to_string(value) {
        set(store, key, &text);
    }
}
