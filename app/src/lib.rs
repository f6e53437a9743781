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
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod saved;

pub use components::app::App;

/// The element of a page the server sent holding its pre-rendered copy (see
/// `prerender`), replaced by the app as it starts.
pub const PRERENDER_ID: &str = "prerender";

/// The WASM entry point: mounts the app on `<body>`, then removes the copy the
/// server pre-rendered (in the same task: the two never show together).
#[cfg(feature = "csr")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    browser::remove(PRERENDER_ID);
}
