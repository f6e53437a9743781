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

/// The class the page's head script sets on `<html>` where the copy would
/// mislead (the stylesheet hides the copy; the app then shows at once).
pub const PRERENDER_OFF: &str = "prerender-off";

/// The WASM entry point: mounts the app into a root of its own at the end of
/// `<body>`, hidden while the server's copy shows; the copy gives way once the
/// app's page has rendered (`components::hand_over`).
#[cfg(feature = "csr")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    // In a task of its own: the module's instantiation and the app's first
    // render are two shorter tasks instead of one long one.
    browser::next_task(|| {
        if let Some((root, hidden)) = browser::mount_root(PRERENDER_ID) {
            components::hand_over::start(hidden);
            leptos::mount::mount_to(root, App).forget();
        }
    });
}
