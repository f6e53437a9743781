//! The administrator's page (`/staff/admin`): an office's settings edited,
//! the change's effect previewed (what it changes, the booked tickets it
//! leaves without their time), then saved: in force on every server, the
//! applicants told. An office's administrator edits their office; the
//! system administrator names one.

use super::admin_form::{Hours, Online, Windows};
use super::admin_lists::{Closures, Notices};
use super::{js, say};
use crate::admin_words::{admin_words, effect_line, AdminWords};
use crate::api::{AdminChangeRequest, AdminEffect, AdminOfficeRequest, AdminOfficeView, StaffView};
use leptos::prelude::*;

fn aw() -> &'static AdminWords {
    admin_words(super::lang().get())
}

/// The page.
pub fn page() -> impl IntoView {
    super::admin_page(
        "console admin",
        || aw().title,
        |staff| view! { <Admin staff /> }.into_any(),
    )
}

#[component]
fn Admin(staff: StaffView) -> impl IntoView {
    let everywhere = staff.office.is_none();
    let office = RwSignal::new(staff.office.clone().unwrap_or_default());
    let loaded = RwSignal::new(None::<AdminOfficeView>);
    let error = RwSignal::new(None::<String>);
    let load = move || {
        let req = AdminOfficeRequest {
            office: Some(office.get_untracked().trim().to_string()).filter(|o| !o.is_empty()),
        };
        leptos::task::spawn_local(async move {
            match js::post::<_, AdminOfficeView>("admin_office", &req).await {
                Ok(v) => {
                    error.set(None);
                    loaded.set(Some(v));
                }
                Err(e) => error.set(Some(say(&e))),
            }
        });
    };
    if !everywhere {
        load();
    }
    view! {
        <p class="audit-lead">{move || aw().lead}</p>
        {everywhere.then(|| view! {
            <form class="audit-search" on:submit=move |ev| { ev.prevent_default(); load(); }>
                <label for="admin-office">{move || aw().office}</label>
                <input id="admin-office" required prop:value=office on:input=move |ev| office.set(event_target_value(&ev)) />
                <button type="submit">{move || aw().load}</button>
            </form>
        })}
        <p class="console-error" role="alert">{move || error.get()}</p>
        {move || loaded.get().map(|view| view! { <Editor view /> })}
        {everywhere.then(|| view! {
            <super::admin_calendar::CalendarEditor />
            <super::admin_help::HelpEditor />
        })}
    }
}

#[component]
fn Editor(view: AdminOfficeView) -> impl IntoView {
    let lang = super::lang();
    let settings = RwSignal::new(view.settings.clone());
    let version = RwSignal::new(view.version);
    let effect = RwSignal::new(None::<AdminEffect>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // An edit makes the preview shown stale.
    Effect::new(move |_| {
        settings.track();
        effect.set(None);
    });
    let office = view.office.clone();
    let send = move |save: bool| {
        let req = AdminChangeRequest {
            office: Some(office.clone()),
            version: version.get_untracked(),
            settings: settings.get_untracked(),
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let name = if save { "admin_save" } else { "admin_preview" };
            match js::post::<_, AdminEffect>(name, &req).await {
                Ok(e) => {
                    error.set(None);
                    version.set(e.version);
                    effect.set(Some(e));
                }
                Err(e) => {
                    effect.set(None);
                    error.set(Some(say(&e)));
                }
            }
            busy.set(false);
        });
    };
    let (preview, save) = (send.clone(), send);
    let name = view.name.clone();
    view! {
        <h2 class="admin-office">{move || name.get(lang.get()).to_string()}</h2>
        <form class="admin-form" on:submit=move |ev| { ev.prevent_default(); preview(false); }>
            <Hours settings />
            <Windows settings services=view.services.clone() />
            <Closures settings />
            <Notices settings />
            <Online settings services=view.services.clone() />
            <p class="admin-actions">
                <button type="submit" class="admin-preview" disabled=busy>{move || aw().preview}</button>
            </p>
        </form>
        <p class="console-error" role="alert">{move || error.get()}</p>
        {move || effect.get().map(|e| {
            let save = save.clone();
            view! { <EffectView effect=e busy on_save=Callback::new(move |()| save(true)) /> }
        })}
    }
}

/// What the change does, and the button that saves it.
#[component]
pub(super) fn EffectView(
    effect: AdminEffect,
    busy: RwSignal<bool>,
    on_save: Callback<()>,
) -> impl IntoView {
    let lang = super::lang();
    let part = |p: &str| -> &'static str {
        let w = aw();
        match p {
            "hours" => w.hours,
            "windows" => w.windows,
            "closures" => w.closures,
            "notices" => w.notices,
            "calendar" => w.calendar_title,
            _ => w.online,
        }
    };
    let changed = {
        let parts = effect.changed.clone();
        move || {
            let mut names: Vec<&str> = parts.iter().map(|p| part(p)).collect();
            names.dedup();
            if names.is_empty() {
                aw().nothing_changed.to_string()
            } else {
                format!("{}: {}.", aw().changed, names.join(", "))
            }
        }
    };
    let affected = effect.affected.clone();
    let lines = move || {
        if affected.is_empty() {
            return view! { <p class="admin-no-tickets">{aw().no_tickets}</p> }.into_any();
        }
        let items = affected
            .iter()
            .map(|d| view! { <li>{effect_line(d, lang.get())}</li> })
            .collect_view();
        view! { <ul class="admin-affected">{items}</ul> }.into_any()
    };
    let can_save = !effect.saved && !effect.changed.is_empty();
    view! {
        <section class="admin-effect" role="status">
            <p>{changed}</p>
            {lines}
            {effect.saved.then(|| view! { <p class="admin-saved"><strong>{move || aw().saved}</strong></p> })}
            {can_save.then(|| view! {
                <button type="button" class="admin-save" disabled=busy on:click=move |_| on_save.run(())>{move || aw().save}</button>
            })}
        </section>
    }
}
