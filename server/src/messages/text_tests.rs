//! What the messages say.

use super::*;
use app::api::{OfficeView, OnlineStatus};
use chrono::{NaiveDate, NaiveTime};
use domain::catalog::{OfficeId, ServiceId};
use domain::ticket::TicketStatus;
use domain::Text;

/// Ticket `P-007` on 14 December 2026, 9:20–9:40 at Kyiv Podilskyi.
fn ticket() -> TicketView {
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default();
    TicketView {
        id: "abc".into(),
        number: "P-007".into(),
        status: TicketStatus::Booked,
        service: ServiceId("passport-lost-stolen".into()),
        service_name: Text::new("Паспорт громадянина України", "Passport"),
        office: OfficeView {
            id: OfficeId("kyiv-podilskyi".into()),
            name: Text::new("Подільський відділ", "Podilskyi office"),
            region: Text::new("Київ", "Kyiv"),
            city: Text::new("Київ", "Kyiv"),
            address: Text::new("вул. Кирилівська, 1", "1 Kyrylivska St"),
            notices: vec![],
            online: OnlineStatus::Open,
        },
        date: NaiveDate::from_ymd_opt(2026, 12, 14).unwrap_or_default(),
        start: at(9, 20),
        end: at(9, 40),
        checklist: vec![],
        quote: None,
        ready_date: None,
        access_token: None,
        checkin_code: None,
        queue: None,
        called_to: None,
        payments: Vec::new(),
        erased: false,
        disrupted: None,
    }
}

#[test]
fn an_email_says_the_visit_and_links_to_my_tickets_without_the_token() {
    let mut v = ticket();
    v.access_token = Some("secret-token-value".into());
    let m = email(MessageKind::Booked, &v, Lang::Uk, "https://cherga.example/");
    assert!(
        m.subject.starts_with(&format!("Талон {}", v.number)),
        "{}",
        m.subject
    );
    assert!(
        m.text.contains("https://cherga.example/tickets\n"),
        "{}",
        m.text
    );
    assert!(m.text.contains(v.service_name.get(Lang::Uk)));
    assert!(m.text.contains(&time(v.start)));
    assert!(!m.text.contains("secret-token-value") && !m.html.contains("secret-token-value"));
    let (name, ics) = m.ics.as_ref().expect("a booking has its .ics");
    assert!(name.ends_with(".ics") && ics.contains("BEGIN:VEVENT"));
    assert!(m
        .html
        .contains("<a href=\"https://cherga.example/tickets\">"));
}

#[test]
fn a_cancel_has_no_calendar_file_and_no_lateness_rule() {
    let v = ticket();
    let m = email(MessageKind::Cancelled, &v, Lang::En, "http://x");
    assert!(m.ics.is_none());
    assert!(m.subject.contains("cancelled"), "{}", m.subject);
    assert!(!m.text.contains(t(Lang::En).no_lateness));
}

#[test]
fn html_is_escaped() {
    let mut v = ticket();
    v.office.address = domain::Text::new("<b>&</b>", "<b>&</b>");
    let m = email(MessageKind::Reminder, &v, Lang::En, "http://x");
    assert!(m.html.contains("&lt;b&gt;&amp;&lt;/b&gt;"), "{}", m.html);
}

#[test]
fn an_sms_is_short_and_has_no_token() {
    let mut v = ticket();
    v.access_token = Some("secret-token-value".into());
    for kind in [
        MessageKind::Booked,
        MessageKind::Moved,
        MessageKind::Cancelled,
        MessageKind::Reminder,
    ] {
        for lang in [Lang::Uk, Lang::En] {
            let s = sms(kind, &v, lang, "https://cherga.example");
            assert!(s.contains(&v.number));
            assert!(!s.contains("secret-token-value"));
            // Two parts of a Cyrillic SMS at most (2 × 67 characters).
            assert!(s.chars().count() <= 134, "{} chars: {s}", s.chars().count());
        }
    }
}
