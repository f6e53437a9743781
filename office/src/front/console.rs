//! The officer's console (`/staff/console`): sign in, pick a window, and
//! work its queue: call next, call again, start, served, not here (with the
//! grace time counting down), put back, transfer; the keyboard does each.
//! Every action is checked by the server; the queue is read again every
//! few seconds and after every action.

use super::console_parts::{CurrentTicket, SignIn, TicketList, Transfer};
use super::console_pay::CurrentPayments;
use super::js;
use super::{say, w, LangSwitch};
use crate::api::{
    ActRequest, Action, ConsoleView, NoArguments, ServiceRef, StaffError, StaffView, WindowRequest,
};
use leptos::prelude::*;
use std::time::Duration;

/// The queue is read again this often.
const REFRESH: Duration = Duration::from_secs(4);
/// Where this browser remembers its window.
const WINDOW_KEY: &str = "cherga.window";

/// What the console does to its window's queue; shared by its parts.
#[derive(Debug, Clone, Copy)]
pub struct Desk {
    pub window: StoredValue<String>,
    pub view: RwSignal<Option<ConsoleView>>,
    pub error: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
    /// Milliseconds since the view was read (for countdowns).
    pub age_ms: RwSignal<f64>,
    read_at: StoredValue<f64>,
    pub transferring: RwSignal<Option<String>>,
    /// The office's services, for their names.
    pub services: StoredValue<Vec<ServiceRef>>,
}

impl Desk {
    /// The name of service `id` in the current language (its id if unknown).
    pub fn service_name(self, id: &str) -> String {
        let lang = super::lang().get();
        self.services.with_value(|all| {
            all.iter()
                .find(|s| s.id == id)
                .map_or(id.to_string(), |s| s.name.get(lang).to_string())
        })
    }
}

impl Desk {
    pub(super) fn answer(self, answer: Result<ConsoleView, StaffError>) {
        self.busy.set(false);
        match answer {
            Ok(view) => {
                self.read_at.set_value(js_sys::Date::now());
                self.age_ms.set(0.0);
                self.error.set(None);
                self.view.set(Some(view));
            }
            Err(StaffError::NotSignedIn) => {
                let _ = web_sys::window().map(|w| w.location().reload());
            }
            Err(e) => self.error.set(Some(say(&e))),
        }
    }

    fn request(self) -> WindowRequest {
        WindowRequest {
            office: None,
            window: self.window.get_value(),
        }
    }

    pub fn refresh(self) {
        leptos::task::spawn_local(async move {
            self.answer(js::post("console", &self.request()).await);
        });
    }

    pub fn call_next(self) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        leptos::task::spawn_local(async move {
            self.answer(js::post("console_call_next", &self.request()).await);
        });
    }

    pub fn act(self, ticket: String, action: Action, to: (Option<String>, Option<String>)) {
        if self.busy.get_untracked() {
            return;
        }
        self.busy.set(true);
        self.transferring.set(None);
        let req = ActRequest {
            office: None,
            window: self.window.get_value(),
            ticket,
            action,
            to_window: to.0,
            to_service: to.1,
        };
        leptos::task::spawn_local(async move {
            self.answer(js::post("console_act", &req).await);
        });
    }

    /// The ticket at the window, if any.
    pub fn current(self) -> Option<String> {
        self.view
            .with_untracked(|v| v.as_ref()?.current.as_ref().map(|t| t.id.clone()))
    }
}

#[component]
pub fn Console() -> impl IntoView {
    let (me, checked) = super::signed_in();
    let window = RwSignal::new(stored_window());
    let sign_out = move |_| {
        leptos::task::spawn_local(async move {
            let _ = js::post::<_, serde_json::Value>("staff_signout", &NoArguments {}).await;
            me.set(None);
        });
    };
    view! {
        <main class="console">
            <header class="console-head">
                <h1>{move || w().console_title}</h1>
                {move || me.get().map(|m| view! {
                    <span class="console-who">
                        {m.login} " · "
                        {move || m.office_name.as_ref().map(|n| n.get(super::lang().get()).to_string())}
                    </span>
                    <Show when=move || window.get().is_some()>
                        <button type="button" class="console-plain" on:click=move |_| remember(window, None)>
                            {move || w().other_window}
                        </button>
                    </Show>
                    {(m.role != "officer").then(|| view! {
                        <a class="console-plain" href="/staff/audit">{move || crate::audit_words::audit_words(super::lang().get()).title}</a>
                        <a class="console-plain" href="/staff/reports">{move || crate::report_words::report_words(super::lang().get()).title}</a>
                    })}
                    <button type="button" class="console-plain" on:click=sign_out>{move || w().signout}</button>
                })}
                <LangSwitch />
            </header>
            {move || match (checked.get(), me.get()) {
                (false, _) => view! { <p>{move || w().loading}</p> }.into_any(),
                (true, None) => view! { <SignIn me /> }.into_any(),
                (true, Some(staff)) => match window.get().filter(|id| staff.windows.iter().any(|x| &x.id == id)) {
                    None => view! { <PickWindow staff window /> }.into_any(),
                    Some(id) => view! { <WindowDesk staff id /> }.into_any(),
                },
            }}
        </main>
    }
}

fn stored_window() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(WINDOW_KEY)
        .ok()?
}

fn remember(window: RwSignal<Option<String>>, id: Option<String>) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = match &id {
            Some(id) => storage.set_item(WINDOW_KEY, id),
            None => storage.remove_item(WINDOW_KEY),
        };
    }
    window.set(id);
}

#[component]
fn PickWindow(staff: StaffView, window: RwSignal<Option<String>>) -> impl IntoView {
    let lang = super::lang();
    let empty = staff.windows.is_empty();
    let buttons = staff
        .windows
        .into_iter()
        .map(|x| {
            let names = x.services.clone();
            let id = x.id.clone();
            view! {
                <li>
                    <button type="button" class="console-window" data-window=id.clone()
                        on:click=move |_| remember(window, Some(id.clone()))>
                        <strong>{move || w().window} " " {x.id.clone()}</strong>
                        <span>{move || names.iter().map(|s| s.name.get(lang.get()).to_string()).collect::<Vec<_>>().join(", ")}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="console-pick">
            <h2>{move || w().pick_window}</h2>
            <Show when=move || empty><p>{move || w().no_windows}</p></Show>
            <ul class="console-windows">{buttons}</ul>
        </section>
    }
}

#[component]
fn WindowDesk(staff: StaffView, id: String) -> impl IntoView {
    let desk = Desk {
        window: StoredValue::new(id.clone()),
        view: RwSignal::new(None),
        error: RwSignal::new(None),
        busy: RwSignal::new(false),
        age_ms: RwSignal::new(0.0),
        read_at: StoredValue::new(js_sys::Date::now()),
        transferring: RwSignal::new(None),
        services: StoredValue::new(super::console_parts::office_services(&staff)),
    };
    desk.refresh();
    let refresh = set_interval_with_handle(move || desk.refresh(), REFRESH).ok();
    let tick = set_interval_with_handle(
        move || {
            desk.age_ms
                .set(js_sys::Date::now() - desk.read_at.get_value())
        },
        Duration::from_secs(1),
    )
    .ok();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| shortcut(desk, &ev));
    on_cleanup(move || {
        refresh.into_iter().chain(tick).for_each(|h| h.clear());
        keys.remove();
    });
    let staff = StoredValue::new(staff);
    view! {
        <section class="console-desk" data-window=id.clone()>
            <div class="console-main">
                <h2>{move || w().window} " " {id.clone()}</h2>
                <button type="button" class="console-next" aria-keyshortcuts="N"
                    disabled=move || desk.busy.get() on:click=move |_| desk.call_next()>
                    {move || w().call_next} " " <kbd>"N"</kbd>
                </button>
                <p class="console-error" role="alert">{move || desk.error.get()}</p>
                <CurrentTicket desk />
                <CurrentPayments desk />
                {move || desk.transferring.get().map(|ticket| view! { <Transfer desk ticket staff=staff.get_value() /> })}
                <p class="console-keys">{move || w().shortcuts}</p>
            </div>
            <div class="console-lists">
                <TicketList desk title=|| w().waiting pick=|v| v.waiting.clone() action=None />
                <TicketList desk title=|| w().absent pick=|v| v.absent.clone() action=None />
                <TicketList desk title=|| w().expected pick=|v| v.expected.clone() action=Some(Action::CheckIn) />
            </div>
        </section>
    }
}

/// The keyboard's shortcuts, unless a field has the focus.
fn shortcut(desk: Desk, ev: &leptos::ev::KeyboardEvent) {
    if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || ev.repeat() {
        return;
    }
    let typing = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "SELECT" | "TEXTAREA"));
    if typing {
        return;
    }
    // By the key's place, so that a Ukrainian layout works as well.
    let action = match ev.code().as_str() {
        "KeyN" => {
            desk.call_next();
            ev.prevent_default();
            return;
        }
        "KeyR" => Action::Recall,
        "KeyS" => Action::Start,
        "KeyD" => Action::Serve,
        "KeyA" => Action::NotHere,
        "KeyB" => Action::PutBack,
        "KeyT" => {
            desk.transferring.set(desk.current());
            return;
        }
        _ => return,
    };
    if let Some(ticket) = desk.current() {
        ev.prevent_default();
        desk.act(ticket, action, (None, None));
    }
}
