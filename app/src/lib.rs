//! The Cherga web app. Built for the browser with `csr`; the server links it with
//! `ssr` so that the server functions declared in [`api`] run there.

pub mod api;
pub mod browser;
pub mod cache;
pub mod components;
pub mod draft;
pub mod i18n;
pub mod ics;
pub mod pages;
pub mod saved;

pub use components::app::App;

/// The WASM entry point: mounts the app on `<body>`.
#[cfg(feature = "csr")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
