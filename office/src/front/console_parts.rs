//! The console's parts: the sign-in, the ticket at the window with its
//! actions, the lists (waiting, not here, expected), the transfer.

use super::console::Desk;
use super::js;
use super::{say, w};
use crate::api::{Action, ConsoleView, QueueTicket, ServiceRef, StaffSignInRequest, StaffView};
use crate::show::clock;
use crate::words::Words;
use domain::ticket::TicketStatus;
use leptos::prelude::*;

#[component]
pub fn SignIn(me: RwSignal<Option<StaffView>>) -> impl IntoView {
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        busy.set(true);
        let req = StaffSignInRequest {
            login: login.get_untracked(),
            password: password.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            let answer = js::post::<_, StaffView>("staff_signin", &req).await;
            busy.set(false);
            match answer {
                Ok(view) => me.set(Some(view)),
                Err(e) => {
                    password.set(String::new());
                    error.set(Some(say(&e)));
                }
            }
        });
    };
    view! {
        <form class="console-signin" on:submit=submit>
            <label for="staff-login">{move || w().signin_login}</label>
            <input id="staff-login" name="username" autocomplete="username" required
                prop:value=login on:input=move |ev| login.set(event_target_value(&ev)) />
            <label for="staff-password">{move || w().signin_password}</label>
            <input id="staff-password" name="password" type="password" autocomplete="current-password" required
                prop:value=password on:input=move |ev| password.set(event_target_value(&ev)) />
            <p class="console-error" role="alert">{move || error.get()}</p>
            <button type="submit" disabled=busy>{move || w().signin_submit}</button>
        </form>
    }
}

/// The applicant (none for a walk-in) and the service.
fn who(desk: Desk, t: &QueueTicket) -> impl Fn() -> String + Send + Sync + 'static {
    let (name, service) = (t.name.clone(), t.service.clone());
    move || {
        let service = desk.service_name(&service);
        match name.as_str() {
            "" => service,
            name => format!("{name} · {service}"),
        }
    }
}

/// The booked time, walk-in, priority, the window, as there are.
fn meta(t: &QueueTicket) -> impl Fn() -> String + Send + Sync + 'static {
    let t = t.clone();
    move || {
        let w = w();
        let window = t.window.as_ref().map(|x| format!("{} {x}", w.window));
        let parts = [
            t.starts.clone(),
            t.walk_in.then(|| w.walk_in.to_string()),
            t.priority.then(|| w.priority.to_string()),
            window,
        ];
        parts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
    }
}

/// Seconds left of `t`'s grace time, counted down since the view was read.
fn left(desk: Desk, t: &QueueTicket) -> Option<u32> {
    let gone = (desk.age_ms.get() / 1000.0) as u32;
    t.annul_in_seconds.map(|s| s.saturating_sub(gone))
}

/// The ticket at the window: its number, state and the actions it allows.
#[component]
pub fn CurrentTicket(desk: Desk) -> impl IntoView {
    move || {
        let Some(view) = desk.view.get() else {
            return view! { <p>{move || w().loading}</p> }.into_any();
        };
        let Some(t) = view.current.clone() else {
            return view! { <p class="console-idle">{move || w().nobody_waiting}</p> }.into_any();
        };
        let serving = t.status == TicketStatus::Serving;
        let id = StoredValue::new(t.id.clone());
        let button = move |label: fn(&Words) -> &'static str, key: &'static str, action: Action| {
            view! {
                <button type="button" aria-keyshortcuts=key disabled=move || desk.busy.get()
                    data-action=format!("{action:?}").to_lowercase()
                    on:click=move |_| desk.act(id.get_value(), action, (None, None))>
                    {move || label(w())} " " <kbd>{key}</kbd>
                </button>
            }
        };
        let calls = format!("{}/{}", t.calls, view.max_calls);
        view! {
            <article class="console-current" data-number=t.number.clone() data-status=format!("{:?}", t.status).to_lowercase()>
                <p class="console-number">{t.number.clone()}</p>
                <p class="console-name">{who(desk, &t)}</p>
                <p class="console-state">
                    {move || if serving { w().serving } else { w().called }}
                    " · " {move || w().called_times} " " {calls.clone()}
                </p>
                <div class="console-actions">
                    {(!serving).then(|| view! {
                        {button(|w| w.recall, "R", Action::Recall)}
                        {button(|w| w.start, "S", Action::Start)}
                        {button(|w| w.not_here, "A", Action::NotHere)}
                    })}
                    {button(|w| w.serve, "D", Action::Serve)}
                    {button(|w| w.put_back, "B", Action::PutBack)}
                    <button type="button" aria-keyshortcuts="T" on:click=move |_| desk.transferring.set(Some(id.get_value()))>
                        {move || w().transfer} " " <kbd>"T"</kbd>
                    </button>
                </div>
            </article>
        }
        .into_any()
    }
}

/// A list of tickets taken from the view by `pick`; `action` (check-in, for
/// the expected) as a button on each.
#[component]
pub fn TicketList(
    desk: Desk,
    title: fn() -> &'static str,
    pick: fn(&ConsoleView) -> Vec<QueueTicket>,
    action: Option<Action>,
) -> impl IntoView {
    let rows = move || {
        desk.view
            .with(|v| v.as_ref().map(pick).unwrap_or_default())
            .into_iter()
            .map(|t| {
                let id = t.id.clone();
                let waited = (t.waited_seconds > 0).then(|| format!("{} {} {}", w().waited, t.waited_seconds / 60, w().min));
                let countdown = {
                    let t = t.clone();
                    move || left(desk, &t).map(|s| format!("{} {}", w().annulled_in, clock(s)))
                };
                view! {
                    <li class="console-ticket" data-number=t.number.clone()>
                        <strong>{t.number.clone()}</strong>
                        <span>{who(desk, &t)}</span>
                        <span class="console-meta">{meta(&t)}</span>
                        <span class="console-wait">{waited}</span>
                        <span class="console-countdown">{countdown}</span>
                        {action.map(|a| view! {
                            <button type="button" data-action="check_in" disabled=move || desk.busy.get()
                                on:click=move |_| desk.act(id.clone(), a, (None, None))>
                                {move || w().check_in}
                            </button>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    let count = move || desk.view.with(|v| v.as_ref().map_or(0, |v| pick(v).len()));
    view! {
        <section class="console-list">
            <h3>{title} " (" {count} ")"</h3>
            <ul>{rows}</ul>
        </section>
    }
}

/// Transfer `ticket` to another window or another service of the office.
#[component]
pub fn Transfer(desk: Desk, ticket: String, staff: StaffView) -> impl IntoView {
    let lang = super::lang();
    let here = desk.window.get_value();
    let to_window = RwSignal::new(String::new());
    let to_service = RwSignal::new(String::new());
    let services = office_services(&staff);
    let windows: Vec<String> = staff
        .windows
        .iter()
        .map(|x| x.id.clone())
        .filter(|x| *x != here)
        .collect();
    let ticket = StoredValue::new(ticket);
    let go = move |_| {
        let pick = |s: String| (!s.is_empty()).then_some(s);
        let to = (
            pick(to_window.get_untracked()),
            pick(to_service.get_untracked()),
        );
        if to.0.is_some() || to.1.is_some() {
            desk.act(ticket.get_value(), Action::Transfer, to);
        }
    };
    view! {
        <div class="console-transfer" role="dialog" aria-label=move || w().transfer>
            <label>{move || w().transfer_to_window}
                <select on:change=move |ev| to_window.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {windows.into_iter().map(|x| view! { <option value=x.clone()>{x.clone()}</option> }).collect_view()}
                </select>
            </label>
            <label>{move || w().transfer_to_service}
                <select on:change=move |ev| to_service.set(event_target_value(&ev))>
                    <option value="">"—"</option>
                    {services.into_iter().map(|s| {
                        let name = s.name.clone();
                        view! { <option value=s.id.clone()>{move || name.get(lang.get()).to_string()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button type="button" on:click=go>{move || w().transfer}</button>
            <button type="button" class="console-plain" on:click=move |_| desk.transferring.set(None)>{move || w().cancel}</button>
        </div>
    }
}

/// The services of the office's windows, each once.
pub fn office_services(staff: &StaffView) -> Vec<ServiceRef> {
    let mut all: Vec<ServiceRef> = staff
        .windows
        .iter()
        .flat_map(|x| x.services.clone())
        .collect();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    all.dedup_by(|a, b| a.id == b.id);
    all
}
