//! The reports (`/staff/reports`): an office's days counted, a bar chart
//! of them drawn as SVG here (no chart library, nothing from outside), the
//! waiting and the time at the window, and the CSV of the days.

use super::{js, say};
use crate::api::{ReportRequest, ReportView, StaffView};
use crate::report_words::{minutes, percent, report_csv, report_words, ReportWords};
use leptos::prelude::*;

fn rw() -> &'static ReportWords {
    report_words(super::lang().get())
}

/// The page.
pub fn page() -> impl IntoView {
    super::admin_page(
        "console reports",
        || rw().title,
        |staff| view! { <Ask staff /> }.into_any(),
    )
}

#[component]
fn Ask(staff: StaffView) -> impl IntoView {
    use chrono::Datelike;
    let everywhere = staff.office.is_none();
    let day = super::today();
    let from = RwSignal::new(day.with_day(1).unwrap_or(day).to_string());
    let to = RwSignal::new(day.to_string());
    let office = RwSignal::new(String::new());
    let report = RwSignal::new(None::<ReportView>);
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(f), Ok(t)) = (from.get_untracked().parse(), to.get_untracked().parse()) else {
            return;
        };
        let req = ReportRequest {
            office: Some(office.get_untracked().trim().to_string()).filter(|o| !o.is_empty()),
            from: f,
            to: t,
        };
        leptos::task::spawn_local(async move {
            match js::post::<_, ReportView>("report", &req).await {
                Ok(r) => {
                    error.set(None);
                    report.set(Some(r));
                }
                Err(e) => error.set(Some(say(&e))),
            }
        });
    };
    let date = move |id: &'static str,
                     name: fn(&ReportWords) -> &'static str,
                     value: RwSignal<String>| {
        view! {
            <label for=id>{move || name(rw())}</label>
            <input id=id type="date" required prop:value=value on:input=move |ev| value.set(event_target_value(&ev)) />
        }
    };
    view! {
        <p class="audit-lead">{move || rw().lead}</p>
        <form class="audit-search" on:submit=submit>
            {date("report-from", |w| w.from, from)}
            {date("report-to", |w| w.to, to)}
            {everywhere.then(|| view! {
                <label for="report-office">{move || rw().office}</label>
                <input id="report-office" required prop:value=office on:input=move |ev| office.set(event_target_value(&ev)) />
            })}
            <button type="submit">{move || rw().show}</button>
        </form>
        <p class="console-error" role="alert">{move || error.get()}</p>
        {move || report.get().map(|r| view! { <Figures report=r /> })}
    }
}

/// One bar per day: all its tickets, the served darker, on a scale of the
/// busiest day.
fn chart(report: &ReportView) -> impl IntoView {
    let top = report
        .days
        .iter()
        .map(|d| d.counts.online + d.counts.walk_in)
        .max()
        .unwrap_or(1)
        .max(1);
    let n = report.days.len().max(1);
    let (w, h) = (640.0_f64, 200.0_f64);
    let step = w / n as f64;
    let bar = (step * 0.7).clamp(1.0, 28.0);
    let height = |v: u32| f64::from(v) / f64::from(top) * (h - 20.0);
    let bars = report
        .days
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let x = i as f64 * step + (step - bar) / 2.0;
            let all = height(d.counts.online + d.counts.walk_in);
            let served = height(d.counts.served);
            let label = format!(
                "{}: {}",
                d.day.format("%d.%m"),
                d.counts.online + d.counts.walk_in
            );
            view! {
                <g>
                    <title>{label}</title>
                    <rect class="bar-all" x=x y={h - all} width=bar height=all />
                    <rect class="bar-served" x=x y={h - served} width=bar height=served />
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="report-chart">
            <svg viewBox={format!("0 0 {w} {h}")} role="img" preserveAspectRatio="none">
                <text x="2" y="12" class="chart-top">{top}</text>
                <line x1="0" y1=h x2=w y2=h class="chart-axis" />
                {bars}
            </svg>
            <figcaption>{move || rw().chart}</figcaption>
        </figure>
    }
}

#[component]
fn Figures(report: ReportView) -> impl IntoView {
    let lang = super::lang();
    if report.days.is_empty() {
        return view! { <p class="audit-nothing">{move || rw().nothing}</p> }.into_any();
    }
    let csv = {
        let report = report.clone();
        move || {
            format!(
                "data:text/csv;charset=utf-8,{}",
                String::from(js_sys::encode_uri_component(&report_csv(
                    &report,
                    lang.get()
                )))
            )
        }
    };
    let file = format!("cherga-{}-{}-{}.csv", report.office, report.from, report.to);
    let spread = |s: Option<domain::reports::Spread>| {
        (
            s.map(|s| minutes(s.median)).unwrap_or_default(),
            s.map(|s| minutes(s.p90)).unwrap_or_default(),
        )
    };
    let row = move |day: String,
                    c: crate::api::Counts,
                    wait: Option<domain::reports::Spread>,
                    full: Option<u32>| {
        let (median, p90) = spread(wait);
        view! {
            <tr>
                <td>{day}</td><td>{c.online}</td><td>{c.walk_in}</td><td>{c.served}</td>
                <td>{c.cancelled}</td><td>{c.annulled}</td><td>{percent(c.no_show_permille)}</td>
                <td>{median}</td><td>{p90}</td><td class="report-full">{percent(full)}</td>
            </tr>
        }
    };
    let days = report
        .days
        .iter()
        .map(|d| {
            let day = d.day.format("%d.%m.%Y").to_string();
            row(day, d.counts, d.waiting, d.full_permille)
        })
        .collect_view();
    let total = row(rw().total.to_string(), report.total, report.waiting, None);
    let services = report
        .services
        .iter()
        .map(|s| {
            let name = s.name.clone();
            view! {
                <tr>
                    <td>{move || name.get(lang.get()).to_string()}</td><td>{s.time.count}</td>
                    <td>{minutes(s.time.median)}</td><td>{minutes(s.time.p90)}</td>
                </tr>
            }
        })
        .collect_view();
    let head = |names: &[fn(&ReportWords) -> &'static str]| {
        names
            .iter()
            .map(|n| {
                let n = *n;
                view! { <th>{move || n(rw())}</th> }
            })
            .collect_view()
    };
    view! {
        {chart(&report)}
        <p><a class="console-plain report-csv" href=csv download=file>{move || rw().csv}</a></p>
        <table class="audit-table report-days">
            <thead><tr>{head(&[|w| w.day, |w| w.online, |w| w.walk_in, |w| w.served, |w| w.cancelled, |w| w.annulled, |w| w.no_show, |w| w.wait_median, |w| w.wait_p90, |w| w.full])}</tr></thead>
            <tbody>{days}</tbody>
            <tfoot>{total}</tfoot>
        </table>
        <table class="audit-table report-services">
            <thead><tr>{head(&[|w| w.service, |w| w.served, |w| w.time_median, |w| w.time_p90])}</tr></thead>
            <tbody>{services}</tbody>
        </table>
    }
    .into_any()
}
