//! The words of the reports' screen (`/staff/reports`), and its CSV.

use crate::api::ReportView;
use domain::Lang;

/// The screen's fixed texts.
#[derive(Debug)]
pub struct ReportWords {
    pub title: &'static str,
    pub lead: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub office: &'static str,
    pub show: &'static str,
    pub day: &'static str,
    pub online: &'static str,
    pub walk_in: &'static str,
    pub served: &'static str,
    pub cancelled: &'static str,
    pub annulled: &'static str,
    pub no_show: &'static str,
    pub wait_median: &'static str,
    pub wait_p90: &'static str,
    pub full: &'static str,
    pub total: &'static str,
    pub service: &'static str,
    pub time_median: &'static str,
    pub time_p90: &'static str,
    pub chart: &'static str,
    pub csv: &'static str,
    pub nothing: &'static str,
}

static UK: ReportWords = ReportWords {
    title: "Звіти",
    lead: "Талони підрозділу за дні: записані онлайн і в кіоску, обслуговані, скасовані, анульовані за неявку; очікування від реєстрації до виклику та час прийому (медіана і 90-й процентиль).",
    from: "З",
    to: "По",
    office: "Підрозділ",
    show: "Показати",
    day: "День",
    online: "Онлайн",
    walk_in: "У кіоску",
    served: "Обслуговано",
    cancelled: "Скасовано",
    annulled: "Неявки",
    no_show: "Частка неявок",
    wait_median: "Очікування (медіана), хв",
    wait_p90: "Очікування (90%), хв",
    full: "Заповненість",
    total: "Разом",
    service: "Послуга",
    time_median: "Прийом (медіана), хв",
    time_p90: "Прийом (90%), хв",
    chart: "Талони за днями: обслуговані темніші",
    csv: "Завантажити CSV",
    nothing: "За ці дні талонів немає.",
};

static EN: ReportWords = ReportWords {
    title: "Reports",
    lead: "The office's tickets by day: booked online and at the kiosk, served, cancelled, annulled as no-shows; the waiting from check-in to call and the time at the window (median and 90th percentile).",
    from: "From",
    to: "To",
    office: "Office",
    show: "Show",
    day: "Day",
    online: "Online",
    walk_in: "At the kiosk",
    served: "Served",
    cancelled: "Cancelled",
    annulled: "No-shows",
    no_show: "No-show rate",
    wait_median: "Waiting (median), min",
    wait_p90: "Waiting (90%), min",
    full: "How full",
    total: "Total",
    service: "Service",
    time_median: "At the window (median), min",
    time_p90: "At the window (90%), min",
    chart: "Tickets by day: the served darker",
    csv: "Download CSV",
    nothing: "No tickets on these days.",
};

/// The screen's words in `lang`.
pub fn report_words(lang: Lang) -> &'static ReportWords {
    match lang {
        Lang::Uk => &UK,
        Lang::En => &EN,
    }
}

/// Seconds as minutes with one decimal (`7.5`).
pub fn minutes(seconds: u32) -> String {
    format!("{:.1}", f64::from(seconds) / 60.0)
}

/// Tenths of a percent as a percent (`12.5%`).
pub fn percent(permille: Option<u32>) -> String {
    permille.map_or_else(String::new, |p| format!("{}.{}%", p / 10, p % 10))
}

/// The report's days as CSV (`domain::reports::csv`), headed in `lang`, with
/// the total last.
pub fn report_csv(report: &ReportView, lang: Lang) -> String {
    let w = report_words(lang);
    let mut lines = vec![[
        w.day,
        w.online,
        w.walk_in,
        w.served,
        w.cancelled,
        w.annulled,
        w.no_show,
        w.wait_median,
        w.wait_p90,
        w.full,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect::<Vec<_>>()];
    let line = |day: String,
                c: &crate::api::Counts,
                wait: Option<&domain::reports::Spread>,
                full: Option<u32>| {
        vec![
            day,
            c.online.to_string(),
            c.walk_in.to_string(),
            c.served.to_string(),
            c.cancelled.to_string(),
            c.annulled.to_string(),
            percent(c.no_show_permille),
            wait.map_or_else(String::new, |s| minutes(s.median)),
            wait.map_or_else(String::new, |s| minutes(s.p90)),
            percent(full),
        ]
    };
    for d in &report.days {
        lines.push(line(
            d.day.to_string(),
            &d.counts,
            d.waiting.as_ref(),
            d.full_permille,
        ));
    }
    lines.push(line(
        w.total.to_string(),
        &report.total,
        report.waiting.as_ref(),
        None,
    ));
    domain::reports::csv(&lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Counts, DayFigures};

    #[test]
    fn a_report_as_csv() {
        let counts = Counts {
            online: 4,
            walk_in: 1,
            served: 2,
            cancelled: 1,
            annulled: 2,
            no_show_permille: Some(500),
        };
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let waiting = Some(domain::reports::Spread {
            count: 3,
            median: 300,
            p90: 720,
        });
        let report = ReportView {
            office: "kyiv-podilskyi".into(),
            from: day,
            to: day,
            days: vec![DayFigures {
                day,
                counts,
                waiting,
                full_permille: Some(125),
            }],
            total: counts,
            waiting,
            services: Vec::new(),
        };
        let csv = report_csv(&report, Lang::Uk);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "День,Онлайн,У кіоску,Обслуговано,Скасовано,Неявки,Частка неявок,\"Очікування (медіана), хв\",\"Очікування (90%), хв\",Заповненість");
        assert_eq!(lines[1], "2026-11-24,4,1,2,1,2,50.0%,5.0,12.0,12.5%");
        assert_eq!(lines[2], "Разом,4,1,2,1,2,50.0%,5.0,12.0,");
        assert_eq!(percent(Some(125)), "12.5%");
        assert_eq!(minutes(90), "1.5");
    }
}
