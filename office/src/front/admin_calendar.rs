//! The holiday calendar's editor on the administrator's page, for the
//! system administrator: a year's days off (with their names) and weekends
//! declared working, previewed with the tickets they leave without their
//! time, then saved. Values are reactive properties written on `change`,
//! as in the office's form.

use super::admin::EffectView;
use super::{js, say};
use crate::admin_words::{admin_words, AdminWords};
use crate::api::{AdminEffect, CalendarChangeRequest, CalendarView, NoArguments};
use domain::calendar::{Holiday, YearCalendar};
use domain::Text;
use leptos::prelude::*;

fn aw() -> &'static AdminWords {
    admin_words(super::lang().get())
}

/// The editor.
#[component]
pub fn CalendarEditor() -> impl IntoView {
    let loaded = RwSignal::new(None::<CalendarView>);
    let error = RwSignal::new(None::<String>);
    leptos::task::spawn_local(async move {
        match js::post::<_, CalendarView>("admin_calendar", &NoArguments {}).await {
            Ok(v) => loaded.set(Some(v)),
            Err(e) => error.set(Some(say(&e))),
        }
    });
    view! {
        <section class="admin-part admin-calendar">
            <h2>{move || aw().calendar_title}</h2>
            <p class="audit-lead">{move || aw().calendar_lead}</p>
            <p class="console-error" role="alert">{move || error.get()}</p>
            {move || loaded.get().map(|view| view! { <Years view /> })}
        </section>
    }
}

#[component]
fn Years(view: CalendarView) -> impl IntoView {
    let years = view.years.clone();
    let first = years.iter().map(|y| y.year).max().unwrap_or(2026);
    let chosen = RwSignal::new(first);
    let version = RwSignal::new(view.version);
    let all = RwSignal::new(years);
    let options = view
        .years
        .iter()
        .map(|y| {
            let year = y.year;
            view! { <option value=year.to_string() selected=year == first>{year}</option> }
        })
        .collect_view();
    view! {
        <label>{move || aw().year}
            <select id="calendar-year" on:change=move |ev| {
                if let Ok(y) = event_target_value(&ev).parse() { chosen.set(y) }
            }>{options}</select>
        </label>
        {move || {
            let year = chosen.get();
            all.with_untracked(|a| a.iter().find(|y| y.year == year).cloned())
                .map(|y| view! { <Year year=y version all /> })
        }}
    }
}

#[component]
fn Year(
    year: YearCalendar,
    version: RwSignal<i64>,
    all: RwSignal<Vec<YearCalendar>>,
) -> impl IntoView {
    let edited = RwSignal::new(year);
    let effect = RwSignal::new(None::<AdminEffect>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    Effect::new(move |_| {
        edited.track();
        effect.set(None);
    });
    let send = move |save: bool| {
        let req = CalendarChangeRequest {
            version: version.get_untracked(),
            year: edited.get_untracked(),
        };
        busy.set(true);
        leptos::task::spawn_local(async move {
            let name = if save {
                "admin_calendar_save"
            } else {
                "admin_calendar_preview"
            };
            match js::post::<_, AdminEffect>(name, &req).await {
                Ok(e) => {
                    error.set(None);
                    version.set(e.version);
                    if e.saved {
                        let year = req.year.clone();
                        all.update(|a| {
                            if let Some(y) = a.iter_mut().find(|y| y.year == year.year) {
                                *y = year;
                            }
                        });
                    }
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
    let holidays = Memo::new(move |_| edited.with(|y| y.holidays.len()));
    let weekends = Memo::new(move |_| edited.with(|y| y.working_weekends.len()));
    let holiday_rows = move || {
        (0..holidays.get())
            .map(|i| {
                let get = move |f: fn(&Holiday) -> String| {
                    move || edited.with(|y| y.holidays.get(i).map(f).unwrap_or_default())
                };
                let put = move |f: fn(&mut Holiday, &str)| {
                    move |ev: leptos::ev::Event| {
                        let v = event_target_value(&ev);
                        edited.update(|y| if let Some(h) = y.holidays.get_mut(i) { f(h, v.trim()) })
                    }
                };
                view! {
                    <fieldset class="admin-row admin-holiday">
                        <label>{move || aw().date}
                            <input type="date" prop:value=get(|h| h.date.to_string())
                                on:change=put(|h, v| if let Ok(d) = v.parse() { h.date = d }) />
                        </label>
                        <label>{move || aw().name_uk}
                            <input type="text" prop:value=get(|h| h.name.uk.clone())
                                on:change=put(|h, v| h.name.uk = v.to_string()) />
                        </label>
                        <label>{move || aw().name_en}
                            <input type="text" prop:value=get(|h| h.name.en.clone().unwrap_or_default())
                                on:change=put(|h, v| h.name.en = (!v.is_empty()).then(|| v.to_string())) />
                        </label>
                        <button type="button" class="console-plain" on:click=move |_| edited.update(|y| { if i < y.holidays.len() { y.holidays.remove(i); } })>{move || aw().remove}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let weekend_rows = move || {
        (0..weekends.get())
            .map(|i| {
                view! {
                    <fieldset class="admin-row admin-working">
                        <label>{move || aw().date}
                            <input type="date"
                                prop:value=move || edited.with(|y| y.working_weekends.get(i).map(|d| d.to_string()).unwrap_or_default())
                                on:change=move |ev| {
                                    if let Ok(d) = event_target_value(&ev).parse() {
                                        edited.update(|y| if let Some(w) = y.working_weekends.get_mut(i) { *w = d })
                                    }
                                } />
                        </label>
                        <button type="button" class="console-plain" on:click=move |_| edited.update(|y| { if i < y.working_weekends.len() { y.working_weekends.remove(i); } })>{move || aw().remove}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let first_day =
        move || edited.with(|y| chrono::NaiveDate::from_ymd_opt(y.year, 1, 1).unwrap_or_default());
    let (preview, save) = (send, send);
    view! {
        <form class="admin-form" on:submit=move |ev| { ev.prevent_default(); preview(false); }>
            <h3>{move || aw().holidays}</h3>
            {holiday_rows}
            <button type="button" class="admin-add-holiday" on:click=move |_| {
                let date = first_day();
                edited.update(|y| y.holidays.push(Holiday { date, name: Text::new("", "") }))
            }>{move || aw().add_holiday}</button>
            <h3>{move || aw().working_weekends}</h3>
            {weekend_rows}
            <button type="button" on:click=move |_| {
                let date = first_day();
                edited.update(|y| y.working_weekends.push(date))
            }>{move || aw().add_working}</button>
            <p class="admin-actions">
                <button type="submit" class="admin-preview" disabled=busy>{move || aw().preview}</button>
            </p>
        </form>
        <p class="console-error" role="alert">{move || error.get()}</p>
        {move || effect.get().map(|e| {
            view! { <EffectView effect=e busy on_save=Callback::new(move |()| save(true)) /> }
        })}
    }
}
