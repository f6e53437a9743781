//! The administrator's form, its lists of rows: the days closed and the
//! notices (as `admin_form`: values are reactive properties, written on
//! `change`).

use crate::admin_words::{admin_words, AdminWords};
use chrono::NaiveDate;
use domain::catalog::{Closure, Notice, OfficeSettings};
use domain::Text;
use leptos::prelude::*;

fn aw() -> &'static AdminWords {
    admin_words(super::lang().get())
}

type Settings = RwSignal<OfficeSettings>;

/// A field of row `i` of a list: its label, type, value and how it is
/// written (on change).
fn field(
    settings: Settings,
    label: fn(&AdminWords) -> &'static str,
    kind: &'static str,
    read: fn(&OfficeSettings, usize) -> String,
    write: fn(&mut OfficeSettings, usize, &str),
    i: usize,
) -> impl IntoView {
    view! {
        <label>{move || label(aw())}
            <input type=kind prop:value=move || settings.with(|s| read(s, i))
                on:change=move |ev| { let v = event_target_value(&ev); settings.update(|s| write(s, i, v.trim())) } />
        </label>
    }
}

fn day_text(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn with_text(t: &mut Text, uk: Option<&str>, en: Option<&str>) {
    if let Some(uk) = uk {
        t.uk = uk.to_string();
    }
    if let Some(en) = en {
        t.en = (!en.is_empty()).then(|| en.to_string());
    }
}

/// The days closed besides holidays, with the reason applicants see.
#[component]
pub fn Closures(settings: Settings) -> impl IntoView {
    let count = Memo::new(move |_| settings.with(|s| s.closures.len()));
    let rows = move || {
        (0..count.get())
            .map(|i| {
                view! {
                    <fieldset class="admin-row admin-closure">
                        {field(settings, |w| w.from, "date", |s, i| day_text(s.closures.get(i).map(|c| c.from)),
                            |s, i, v| if let (Some(c), Ok(d)) = (s.closures.get_mut(i), v.parse()) { c.from = d }, i)}
                        {field(settings, |w| w.to, "date", |s, i| day_text(s.closures.get(i).map(|c| c.to)),
                            |s, i, v| if let (Some(c), Ok(d)) = (s.closures.get_mut(i), v.parse()) { c.to = d }, i)}
                        {field(settings, |w| w.reason_uk, "text", |s, i| s.closures.get(i).map(|c| c.reason.uk.clone()).unwrap_or_default(),
                            |s, i, v| if let Some(c) = s.closures.get_mut(i) { with_text(&mut c.reason, Some(v), None) }, i)}
                        {field(settings, |w| w.reason_en, "text", |s, i| s.closures.get(i).and_then(|c| c.reason.en.clone()).unwrap_or_default(),
                            |s, i, v| if let Some(c) = s.closures.get_mut(i) { with_text(&mut c.reason, None, Some(v)) }, i)}
                        <button type="button" class="console-plain" on:click=move |_| settings.update(|s| { if i < s.closures.len() { s.closures.remove(i); } })>{move || aw().remove}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        let today = super::today();
        settings.update(|s| {
            s.closures.push(Closure {
                from: today,
                to: today,
                reason: Text::new("", ""),
            })
        })
    };
    view! {
        <section class="admin-part">
            <h2>{move || aw().closures}</h2>
            {rows}
            <button type="button" class="admin-add-closure" on:click=add>{move || aw().add_closure}</button>
        </section>
    }
}

/// The office's notices, each shown until its day.
#[component]
pub fn Notices(settings: Settings) -> impl IntoView {
    let count = Memo::new(move |_| settings.with(|s| s.notices.len()));
    let rows = move || {
        (0..count.get())
            .map(|i| {
                view! {
                    <fieldset class="admin-row">
                        {field(settings, |w| w.text_uk, "text", |s, i| s.notices.get(i).map(|n| n.text.uk.clone()).unwrap_or_default(),
                            |s, i, v| if let Some(n) = s.notices.get_mut(i) { with_text(&mut n.text, Some(v), None) }, i)}
                        {field(settings, |w| w.text_en, "text", |s, i| s.notices.get(i).and_then(|n| n.text.en.clone()).unwrap_or_default(),
                            |s, i, v| if let Some(n) = s.notices.get_mut(i) { with_text(&mut n.text, None, Some(v)) }, i)}
                        {field(settings, |w| w.until, "date", |s, i| day_text(s.notices.get(i).and_then(|n| n.until)),
                            |s, i, v| if let Some(n) = s.notices.get_mut(i) { n.until = v.parse().ok() }, i)}
                        <button type="button" class="console-plain" on:click=move |_| settings.update(|s| { if i < s.notices.len() { s.notices.remove(i); } })>{move || aw().remove}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        settings.update(|s| {
            s.notices.push(Notice {
                text: Text::new("", ""),
                until: None,
            })
        })
    };
    view! {
        <section class="admin-part">
            <h2>{move || aw().notices}</h2>
            {rows}
            <button type="button" on:click=add>{move || aw().add_notice}</button>
        </section>
    }
}
