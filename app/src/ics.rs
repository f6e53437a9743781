//! The ticket as an iCalendar event (RFC 5545), for "add to calendar".

use crate::api::TicketView;
use crate::i18n::t;
use chrono::{Datelike, Timelike};
use domain::slots::kyiv_instant;
use domain::Lang;

/// Escapes a text value (backslash, comma, semicolon, newline).
fn text(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// The `.ics` file of `ticket`, times in UTC (no time-zone table needed).
pub fn event(ticket: &TicketView, lang: Lang) -> String {
    let stamp = |time| {
        kyiv_instant(ticket.date, time)
            .map(|i| {
                // Written out rather than with `format`: chrono's format
                // strings would bring their reader into the WASM bundle.
                format!(
                    "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
                    i.year(),
                    i.month(),
                    i.day(),
                    i.hour(),
                    i.minute(),
                    i.second()
                )
            })
            .unwrap_or_default()
    };
    let o = &ticket.office;
    let location = format!(
        "{}, {}, {}",
        o.name.get(lang),
        o.city.get(lang),
        o.address.get(lang)
    );
    let summary = format!(
        "{}: {} ({})",
        t(lang).visit,
        ticket.service_name.get(lang),
        ticket.number
    );
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Cherga//UK".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}@cherga", ticket.id),
        format!("DTSTAMP:{}", stamp(ticket.start)),
        format!("DTSTART:{}", stamp(ticket.start)),
        format!("DTEND:{}", stamp(ticket.end)),
        format!("SUMMARY:{}", text(&summary)),
        format!("LOCATION:{}", text(&location)),
        format!("DESCRIPTION:{}", text(t(lang).no_lateness)),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    lines.join("\r\n") + "\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::sample::ticket;
    use chrono::NaiveDate;

    #[test]
    fn kyiv_times_become_utc_across_daylight_saving() {
        let winter = event(
            &ticket(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default()),
            Lang::Uk,
        );
        assert!(winter.contains("DTSTART:20261204T072000Z\r\n"), "{winter}");
        assert!(winter.contains("DTEND:20261204T074000Z\r\n"));
        let summer = event(
            &ticket(NaiveDate::from_ymd_opt(2027, 6, 1).unwrap_or_default()),
            Lang::En,
        );
        assert!(summer.contains("DTSTART:20270601T062000Z\r\n"), "{summer}");
    }

    #[test]
    fn text_values_are_escaped() {
        let ics = event(
            &ticket(NaiveDate::from_ymd_opt(2026, 12, 4).unwrap_or_default()),
            Lang::Uk,
        );
        assert!(ics.contains("Паспорт\\; картка (P-007)"));
        assert!(ics.contains("LOCATION:Подільський\\, Київ\\, вул. Кирилівська\\, 1"));
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
    }
}
