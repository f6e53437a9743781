//! How the app takes over from the copy the server pre-rendered.
//!
//! The app is mounted into a root of its own that stays hidden while the copy
//! shows (`browser::mount_root`). The page of the address renders there, its
//! [`Later`] parts each in a task of their own, so that a long page (a card)
//! is built in several short tasks instead of one long one that keeps a slow
//! phone from answering a tap. Once the page and all its parts are in the
//! document, the copy goes and the root shows, in one task ([`Rendered`]): the
//! reader never sees a page without its content, nor two pages.

use crate::browser;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// Whether the app renders hidden behind the copy (until the hand-over).
static HIDDEN: AtomicBool = AtomicBool::new(false);
/// Whether the page of the first address has rendered.
static PAGE: AtomicBool = AtomicBool::new(false);
/// [`Later`] parts created but not rendered yet.
static PENDING: AtomicUsize = AtomicUsize::new(0);

/// Called once as the app is mounted: `hidden` if its root waits behind the copy.
pub fn start(hidden: bool) {
    HIDDEN.store(hidden, Ordering::Relaxed);
}

/// Shows the app instead of the copy once the page and its parts have rendered.
fn settle() {
    if PAGE.load(Ordering::Relaxed)
        && PENDING.load(Ordering::Relaxed) == 0
        && HIDDEN.swap(false, Ordering::Relaxed)
    {
        browser::hand_over(crate::PRERENDER_ID);
    }
}

/// Placed after a page's content: once that content is in the document, the
/// page counts as rendered.
#[component]
pub fn Rendered() -> impl IntoView {
    // An effect's first run comes after the render it belongs to is in the
    // document, in the same task.
    Effect::new(move |_| {
        PAGE.store(true, Ordering::Relaxed);
        settle();
    });
}

/// Renders `children` in a task of its own after the current one while the
/// app renders behind the copy; at once otherwise (after the hand-over, with no
/// copy, and on the server, whose copy holds the whole page).
#[component]
pub fn Later(children: Children) -> impl IntoView {
    // Never set on the server (only the browser's `start` hides the app).
    let deferred = HIDDEN.load(Ordering::Relaxed);
    let ready = RwSignal::new(!deferred);
    if deferred {
        PENDING.fetch_add(1, Ordering::Relaxed);
        browser::next_task(move || {
            // Nothing to do if the page went meanwhile.
            let _ = ready.try_set(true);
        });
    }
    let children = Arc::new(Mutex::new(Some(children)));
    move || {
        if !ready.get() {
            return None;
        }
        // Untracked: what the children read is theirs to follow; this part
        // renders once.
        let view = untrack(|| children.lock().ok()?.take().map(|c| c()))?;
        if deferred {
            // After this render is in the document (a microtask of this task).
            Effect::new(move |_| {
                PENDING.fetch_sub(1, Ordering::Relaxed);
                settle();
            });
        }
        Some(view)
    }
}
