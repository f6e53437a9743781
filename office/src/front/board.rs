//! The display board (`/office/ID/board`) for a TV in the waiting room: the
//! latest calls, newest first and highlighted, pushed by the server as
//! server-sent events (each a whole snapshot, so a reconnect shows the
//! truth at once); a chime and a spoken announcement for each new call,
//! one after another, never overlapping. Numbers and windows only.

use super::js::{self, EventSource};
use super::w;
use crate::api::{BoardCall, BoardView};
use crate::show::{new_calls, spoken};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;

/// Silence between two announcements, and from the chime to the voice.
const GAP: Duration = Duration::from_millis(700);

/// The announcements still to make, one at a time.
#[derive(Debug, Default)]
struct Announcer {
    queue: VecDeque<String>,
    busy: bool,
}

type Shared = Rc<RefCell<Announcer>>;

fn announce(announcer: &Shared, text: String) {
    announcer.borrow_mut().queue.push_back(text);
    next(announcer.clone());
}

/// Starts the next announcement unless one is under way: a chime, then the
/// voice; the one after it once the voice is done.
fn next(announcer: Shared) {
    let text = {
        let mut a = announcer.borrow_mut();
        if a.busy {
            return;
        }
        let Some(text) = a.queue.pop_front() else {
            return;
        };
        a.busy = true;
        text
    };
    js::chime();
    set_timeout(
        move || {
            let again = announcer.clone();
            let done = Closure::once_into_js(move || {
                again.borrow_mut().busy = false;
                set_timeout(move || next(again), GAP);
            });
            js::speak_uk(&text, done.unchecked_into());
        },
        GAP,
    );
}

#[component]
pub fn Board(office: String) -> impl IntoView {
    let calls = RwSignal::new(Vec::<BoardCall>::new());
    let live = RwSignal::new(false);
    let loaded = RwSignal::new(false);
    let sound = RwSignal::new(js::audio_running());
    let announcer: Shared = Rc::default();

    if let Ok(source) = EventSource::new(&format!("/api/board/{office}/events")) {
        let on_calls = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let Some(view) = js::event_data(&event)
                .and_then(|data| serde_json::from_str::<BoardView>(&data).ok())
            else {
                return;
            };
            live.set(true);
            // The first snapshot is what was called before the board came
            // on: shown, not announced.
            if loaded.get_untracked() {
                for call in new_calls(&calls.get_untracked(), &view.calls) {
                    announce(&announcer, spoken(&call));
                }
            }
            loaded.set(true);
            calls.set(view.calls);
        });
        let on_open = Closure::<dyn FnMut(JsValue)>::new(move |_| live.set(true));
        let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| live.set(false));
        source.listen("calls", on_calls.as_ref().unchecked_ref());
        source.listen("open", on_open.as_ref().unchecked_ref());
        source.listen("error", on_error.as_ref().unchecked_ref());
        // The board lives as long as the page.
        on_calls.forget();
        on_open.forget();
        on_error.forget();
    }

    let rows = move || {
        calls
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, call)| {
                let number = call.number.clone();
                view! {
                    <li
                        class=if i == 0 { "board-call latest" } else { "board-call" }
                        data-number=number
                    >
                        <span class="board-number">{call.number}</span>
                        <span class="board-arrow" aria-hidden="true">"→"</span>
                        <span class="board-window">{call.window}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <main class="board" data-live=move || live.get().to_string()>
            <header class="board-head">
                <h1>{move || w().board_title}</h1>
                <div class="board-columns" aria-hidden="true">
                    <span>{move || w().board_ticket}</span>
                    <span>{move || w().board_window}</span>
                </div>
            </header>
            <Show when=move || !live.get() && loaded.get()>
                <p class="board-status" role="status">{move || w().board_reconnecting}</p>
            </Show>
            <Show
                when=move || !calls.get().is_empty()
                fallback=move || view! { <p class="board-empty">{move || w().board_empty}</p> }
            >
                <ol class="board-calls" aria-live="polite">{rows}</ol>
            </Show>
            <Show when=move || !sound.get()>
                <button type="button" class="board-sound" on:click=move |_| {
                    js::unlock_audio();
                    sound.set(true);
                }>
                    {move || w().board_sound}
                </button>
            </Show>
        </main>
    }
}
