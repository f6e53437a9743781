//! The sections of the administrator's form, each editing one part of an
//! office's settings held in one signal. A page's structure follows only
//! what adds or removes fields (a day opened, a row added); every value is
//! a reactive property, so an edit never rebuilds the field being typed in.
//! Fields write on `change` (when left), never on each key. The lists of
//! rows (days closed, notices) are `admin_lists`.

use crate::admin_words::{admin_words, read_breaks, show_breaks, AdminWords};
use crate::api::AdminService;
use chrono::NaiveTime;
use domain::catalog::{DayHours, OfficeSettings, ServiceId, WeeklyHours, Window};
use leptos::prelude::*;

fn aw() -> &'static AdminWords {
    admin_words(super::lang().get())
}

type Settings = RwSignal<OfficeSettings>;

fn day_mut(h: &mut WeeklyHours, i: usize) -> &mut Option<DayHours> {
    match i {
        0 => &mut h.mon,
        1 => &mut h.tue,
        2 => &mut h.wed,
        3 => &mut h.thu,
        4 => &mut h.fri,
        5 => &mut h.sat,
        _ => &mut h.sun,
    }
}

fn day_of(s: &OfficeSettings, i: usize) -> Option<DayHours> {
    let mut h = s.hours.clone();
    day_mut(&mut h, i).take()
}

fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

fn time_of(ev: &leptos::ev::Event) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(&event_target_value(ev), "%H:%M").ok()
}

/// The weekly hours: a day open or not, its hours and breaks.
#[component]
pub fn Hours(settings: Settings) -> impl IntoView {
    let days = (0..7usize)
        .map(|i| {
            let open = Memo::new(move |_| settings.with(|s| day_of(s, i).is_some()));
            let bad = RwSignal::new(false);
            let set = move |f: &dyn Fn(&mut DayHours)| {
                settings.update(|s| {
                    if let Some(d) = day_mut(&mut s.hours, i) {
                        f(d);
                    }
                })
            };
            let value = move |f: fn(&DayHours) -> String| {
                move || settings.with(|s| day_of(s, i).map(|d| f(&d)).unwrap_or_default())
            };
            let id = format!("admin-day-{i}");
            view! {
                <fieldset class="admin-day">
                    <legend>{move || aw().days[i]}</legend>
                    <label class="admin-check">
                        <input type="checkbox" id=id prop:checked=open on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            settings.update(|s| {
                                *day_mut(&mut s.hours, i) = on.then(|| DayHours {
                                    open: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
                                    close: NaiveTime::from_hms_opt(18, 0, 0).unwrap_or_default(),
                                    breaks: Vec::new(),
                                });
                            });
                        } />
                        {move || aw().open_day}
                    </label>
                    <Show when=move || open.get()>
                        <label>{move || aw().opens}
                            <input type="time" prop:value=value(|d| hm(d.open)) on:change=move |ev| {
                                if let Some(t) = time_of(&ev) { set(&|d| d.open = t) }
                            } />
                        </label>
                        <label>{move || aw().closes}
                            <input type="time" prop:value=value(|d| hm(d.close)) on:change=move |ev| {
                                if let Some(t) = time_of(&ev) { set(&|d| d.close = t) }
                            } />
                        </label>
                        <label>{move || aw().breaks}
                            <input type="text" class:invalid=bad placeholder=move || aw().breaks_hint
                                prop:value=value(|d| show_breaks(&d.breaks)) on:change=move |ev| {
                                    match read_breaks(&event_target_value(&ev)) {
                                        Some(b) => { bad.set(false); set(&|d| d.breaks = b.clone()) }
                                        None => bad.set(true),
                                    }
                                } />
                        </label>
                        <Show when=move || bad.get()><span class="console-error">{move || aw().bad_breaks}</span></Show>
                    </Show>
                </fieldset>
            }
        })
        .collect_view();
    view! { <section class="admin-part"><h2>{move || aw().hours}</h2>{days}</section> }
}

/// The windows and the services each serves.
#[component]
pub fn Windows(settings: Settings, services: Vec<AdminService>) -> impl IntoView {
    let lang = super::lang();
    let count = Memo::new(move |_| settings.with(|s| s.windows.len()));
    let rows = move || {
        let services = services.clone();
        (0..count.get())
            .map(|i| {
                let boxes = services
                    .iter()
                    .map(|svc| {
                        let id = ServiceId(svc.id.clone());
                        let name = svc.name.clone();
                        let has = {
                            let id = id.clone();
                            move || settings.with(|s| s.windows.get(i).is_some_and(|w| w.services.contains(&id)))
                        };
                        view! {
                            <label class="admin-check">
                                <input type="checkbox" prop:checked=has on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    settings.update(|s| if let Some(w) = s.windows.get_mut(i) {
                                        if on { w.services.insert(id.clone()); } else { w.services.remove(&id); }
                                    });
                                } />
                                {move || name.get(lang.get()).to_string()}
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="admin-row">
                        <legend>{move || aw().window} " "
                            <input type="text" class="admin-short" aria-label=move || aw().window
                                prop:value=move || settings.with(|s| s.windows.get(i).map(|w| w.id.clone()).unwrap_or_default())
                                on:change=move |ev| { let v = event_target_value(&ev); settings.update(|s| if let Some(w) = s.windows.get_mut(i) { w.id = v.trim().to_string() }) } />
                        </legend>
                        <div class="admin-services">{boxes}</div>
                        <button type="button" class="console-plain" on:click=move |_| settings.update(|s| { if i < s.windows.len() { s.windows.remove(i); } })>{move || aw().remove}</button>
                    </fieldset>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        settings.update(|s| {
            let id = (s.windows.len() + 1).to_string();
            s.windows.push(Window {
                id,
                services: Default::default(),
                hours: None,
            });
        })
    };
    view! {
        <section class="admin-part">
            <h2>{move || aw().windows}</h2>
            {rows}
            <button type="button" on:click=add>{move || aw().add_window}</button>
        </section>
    }
}

/// Online booking: on or off, the services booked online, the share of
/// places offered.
#[component]
pub fn Online(settings: Settings, services: Vec<AdminService>) -> impl IntoView {
    let lang = super::lang();
    let boxes = services
        .into_iter()
        .filter(|s| s.bookable)
        .map(|svc| {
            let id = ServiceId(svc.id);
            let has = {
                let id = id.clone();
                move || settings.with(|s| s.online_services.contains(&id))
            };
            let share = {
                let id = id.clone();
                move || settings.with(|s| s.online_shares.get(&id).map(u8::to_string).unwrap_or_default())
            };
            let set_share = {
                let id = id.clone();
                move |ev: leptos::ev::Event| {
                    let typed = event_target_value(&ev);
                    settings.update(|s| match typed.trim().parse::<u8>() {
                        Ok(p) => { s.online_shares.insert(id.clone(), p); }
                        Err(_) => { s.online_shares.remove(&id); }
                    })
                }
            };
            let office_share = move || settings.with(|s| s.online_share_percent.to_string());
            view! {
                <div class="admin-service-share">
                    <label class="admin-check">
                        <input type="checkbox" prop:checked=has on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            settings.update(|s| if on { s.online_services.insert(id.clone()); } else { s.online_services.remove(&id); });
                        } />
                        {move || svc.name.get(lang.get()).to_string()}
                    </label>
                    <label class="admin-check">{move || aw().own_share}
                        <input type="number" min="0" max="100" class="admin-short"
                            placeholder=office_share prop:value=share on:change=set_share />
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="admin-part">
            <h2>{move || aw().online}</h2>
            <label class="admin-check">
                <input type="checkbox" id="admin-online" prop:checked=move || settings.with(|s| s.online_booking)
                    on:change=move |ev| { let on = event_target_checked(&ev); settings.update(|s| s.online_booking = on) } />
                {move || aw().online_booking}
            </label>
            <fieldset class="admin-row">
                <legend>{move || aw().online_services}</legend>
                <div class="admin-services">{boxes}</div>
            </fieldset>
            <label>{move || aw().share}
                <input type="number" min="0" max="100" class="admin-short"
                    prop:value=move || settings.with(|s| s.online_share_percent.to_string())
                    on:change=move |ev| {
                        if let Ok(p) = event_target_value(&ev).trim().parse::<u8>() { settings.update(|s| s.online_share_percent = p) }
                    } />
            </label>
        </section>
    }
}
