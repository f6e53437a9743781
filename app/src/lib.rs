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

/// Room in the WASM's constants for the build's split. The splitter
/// (`cargo xtask site`) lays each part's constants out anew, each part
/// aligned, and if that comes out longer than the linker's own layout, even
/// by a few bytes (396 B on 5 Dec), it leaves every constant in the main
/// file: 87 KB raw, 27 KB brotli more on the first visit. These bytes
/// lengthen the linker's layout only: nothing refers to them, so no output
/// file carries them.
#[cfg(feature = "csr")]
#[used]
static SPLIT_ROOM: [u8; 4096] = [0xA5; 4096];

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
