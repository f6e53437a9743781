//! The audit trail (`/staff/audit`): an administrator signs in and searches
//! what happened on a day, a ticket's whole history, or what a staff member
//! did. The server decides what each may read (`Staff::audit_scope`).

use super::{js, say};
use crate::api::{AuditEntry, AuditList, AuditRequest, StaffView};
use crate::audit_words::{audit_words, label, AuditWords};
use domain::Lang;
use leptos::prelude::*;

fn aw() -> &'static AuditWords {
    audit_words(super::lang().get())
}

/// The page.
pub fn page() -> impl IntoView {
    super::admin_page(
        "console audit",
        || aw().title,
        |staff| view! { <Search staff /> }.into_any(),
    )
}

/// Today in Kyiv, `YYYY-MM-DD` (the day field's first value).
fn today() -> String {
    let now =
        chrono::DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    domain::slots::kyiv_today(now)
        .format("%Y-%m-%d")
        .to_string()
}

#[component]
fn Search(staff: StaffView) -> impl IntoView {
    let everywhere = staff.office.is_none();
    let day = RwSignal::new(today());
    let number = RwSignal::new(String::new());
    let login = RwSignal::new(String::new());
    let office = RwSignal::new(String::new());
    let found = RwSignal::new(None::<AuditList>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = |s: RwSignal<String>| {
            Some(s.get_untracked().trim().to_string()).filter(|t| !t.is_empty())
        };
        let req = AuditRequest {
            office: text(office),
            day: text(day).and_then(|d| d.parse().ok()),
            number: text(number),
            staff: text(login),
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer = js::post::<_, AuditList>("audit", &req).await;
            busy.set(false);
            match answer {
                Ok(list) => {
                    error.set(None);
                    found.set(Some(list));
                }
                Err(e) => error.set(Some(say(&e))),
            }
        });
    };
    let field = move |id: &'static str,
                      name: fn(&AuditWords) -> &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        view! {
            <label for=id>{move || name(aw())}</label>
            <input id=id type=kind prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
        }
    };
    view! {
        <p class="audit-lead">{move || aw().lead}</p>
        <form class="audit-search" on:submit=submit>
            {field("audit-day", |w| w.day, "date", day)}
            {field("audit-number", |w| w.number, "text", number)}
            {field("audit-staff", |w| w.staff, "text", login)}
            {everywhere.then(|| view! {
                <label for="audit-office">{move || aw().office}</label>
                <input id="audit-office" prop:value=office placeholder=move || aw().office_all
                    on:input=move |ev| office.set(event_target_value(&ev)) />
            })}
            <button type="submit" disabled=busy>{move || aw().search}</button>
        </form>
        <p class="audit-hint">{move || aw().number_hint}</p>
        <p class="console-error" role="alert">{move || error.get()}</p>
        {move || found.get().map(|list| view! { <Entries list /> })}
    }
}

/// `dd.mm HH:MM:SS` in Kyiv.
fn when(at: i64) -> String {
    let t = chrono::DateTime::from_timestamp(at, 0).unwrap_or_default();
    format!(
        "{} {}",
        domain::slots::kyiv_today(t).format("%d.%m"),
        domain::slots::kyiv_time(t).format("%H:%M:%S")
    )
}

fn row(e: AuditEntry, lang: Lang) -> impl IntoView {
    let by = match e.by.as_str() {
        "unknown" => audit_words(lang).unknown.to_string(),
        by => label(by, lang).to_string(),
    };
    let ticket = e.number.as_ref().map(|n| match e.visit {
        Some(d) => format!("{n} · {}", d.format("%d.%m")),
        None => n.clone(),
    });
    let change = match (&e.from, &e.to) {
        (Some(f), Some(t)) if f != t => format!(" ({} → {})", label(f, lang), label(t, lang)),
        _ => String::new(),
    };
    view! {
        <tr data-event=e.event.clone()>
            <td>{when(e.at)}</td>
            <td>{label(&e.event, lang).to_string()}{change}</td>
            <td>{by}</td>
            <td>{ticket}</td>
            <td class="audit-node">{e.node}</td>
        </tr>
    }
}

#[component]
fn Entries(list: AuditList) -> impl IntoView {
    let lang = super::lang();
    if list.entries.is_empty() {
        return view! { <p class="audit-nothing">{move || aw().nothing}</p> }.into_any();
    }
    let more = list.more;
    view! {
        <table class="audit-table">
            <thead>
                <tr>
                    <th>{move || aw().when}</th>
                    <th>{move || aw().what}</th>
                    <th>{move || aw().who}</th>
                    <th>{move || aw().ticket}</th>
                    <th class="audit-node">{move || aw().node}</th>
                </tr>
            </thead>
            <tbody>
                {move || list.entries.clone().into_iter().map(|e| row(e, lang.get())).collect_view()}
            </tbody>
        </table>
        {more.then(|| view! { <p class="audit-more">{move || aw().more}</p> })}
    }
    .into_any()
}
