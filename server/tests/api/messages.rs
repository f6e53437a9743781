//! Messages to applicants through real transports on loopback: e-mail to an
//! SMTP server (aiosmtpd), SMS to a stand-in of TurboSMS's API that checks
//! the provider's request form. The booking is committed first and the
//! message queued in the same transaction; a failure is retried and never
//! loses the booking; the reminder goes once, even from two nodes.

use crate::common::{confirm_body, seed_slot, spawn_with, Db, Options, TestApp};
use crate::outside::SmtpSink;
use serde_json::{json, Value};
use server::cli::MessageArgs;

pub(crate) const PODIL: &str = "kyiv-podilskyi";
pub(crate) const DAY: &str = "2026-12-07";
/// The day after the tests' "now" (Monday 23.11.2026, 12:00 in Kyiv).
pub(crate) const TOMORROW: &str = "2026-11-24";
/// From 12:00 to 18:30 in Kyiv: the reminders of tomorrow's visits are due.
pub(crate) const TO_EVENING: i64 = 6 * 3600 + 1800;

pub(crate) fn with_mail(url: &str) -> MessageArgs {
    MessageArgs {
        smtp: Some(url.to_string()),
        public_url: "https://cherga.example".into(),
        outbox_poll_ms: 200,
        ..Default::default()
    }
}

/// A server mailing to `smtp`, its sender running as in `serve`.
pub(crate) async fn mailing(db: Db, smtp: &SmtpSink) -> TestApp {
    let options = Options {
        messages: with_mail(&smtp.url),
        ..Default::default()
    };
    spawn_with(db, options).await
}

/// A server mailing to `smtp` whose sender the test drives itself.
pub(crate) async fn driven_by_hand(db: Db, smtp: &SmtpSink) -> TestApp {
    let options = Options {
        messages: with_mail(&smtp.url),
        sender: false,
        ..Default::default()
    };
    spawn_with(db, options).await
}

pub(crate) async fn hold(app: &TestApp, date: &str, time: &str) -> Value {
    let (status, hold) = app.call("hold", seed_slot(PODIL, date, time)).await;
    assert_eq!(status, 200, "{hold}");
    hold["hold_id"].clone()
}

/// Books person `n` with e-mail `olena{n}@example.com` only.
pub(crate) async fn book_by_mail(
    app: &TestApp,
    n: u32,
    date: &str,
    time: &str,
    lang: &str,
) -> Value {
    let hold_id = hold(app, date, time).await;
    let mut body = confirm_body(n, &hold_id);
    body["contact"] = json!({ "phone": "", "email": format!("olena{n}@example.com") });
    body["lang"] = json!(lang);
    let (status, ticket) = app.call("confirm", body).await;
    assert_eq!(status, 200, "{ticket}");
    ticket
}

pub(crate) fn opener(ticket: &Value) -> Value {
    json!({ "id": ticket["id"], "token": ticket["access_token"] })
}

/// Waits until the outbox row of `kind` about `ticket` is in `state`.
pub(crate) async fn wait_state(app: &TestApp, ticket: &Value, kind: &str, state: &str) {
    let id = ticket["id"].as_str().unwrap();
    for _ in 0..200 {
        let entries = app.services.store().outbox(100).await.unwrap();
        if entries
            .iter()
            .any(|e| e.ticket_id.as_deref() == Some(id) && e.kind == kind && e.state == state)
        {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let entries = app.services.store().outbox(100).await.unwrap();
    panic!("no {kind} message {state} for {id}: {entries:?}");
}

async fn booking_cancel_and_move_arrive_by_email(db: Db) {
    let smtp = SmtpSink::start(None);
    let app = mailing(db, &smtp).await;
    let ticket = book_by_mail(&app, 1, DAY, "09:40", "uk").await;
    let number = ticket["number"].as_str().unwrap();
    let token = ticket["access_token"].as_str().unwrap();
    let mail = smtp.wait_for(1).await.remove(0);
    assert_eq!(mail["to"], json!(["olena1@example.com"]), "{mail}");
    let subject = mail["subject"].as_str().unwrap();
    assert!(
        subject.starts_with(&format!("Талон {number}:")),
        "{subject}"
    );
    let text = mail["text"].as_str().unwrap();
    assert!(text.contains("Вас записано"), "{text}");
    assert!(text.contains("09:40–10:00"), "{text}");
    assert!(text.contains("https://cherga.example/tickets"), "{text}");
    assert!(
        !text.contains("https://cherga.example/tickets/"),
        "no ticket's own link"
    );
    let html = mail["html"].as_str().unwrap();
    assert!(
        html.contains("href=\"https://cherga.example/tickets\""),
        "{html}"
    );
    // The access token never travels in a message.
    assert!(!text.contains(token) && !html.contains(token));
    let ics = &mail["attachments"][0];
    assert_eq!(ics["filename"], format!("cherga-{number}.ics"), "{mail}");
    assert_eq!(ics["content_type"], "text/calendar");
    let ics = ics["content"].as_str().unwrap();
    assert!(ics.contains("BEGIN:VEVENT"), "{ics}");
    // 09:40 in Kyiv in December is 07:40 UTC.
    assert!(ics.contains("DTSTART:20261207T074000Z"), "{ics}");
    assert!(ics.contains(&format!("UID:{}@cherga", ticket["id"].as_str().unwrap())));
    wait_state(&app, &ticket, "booked", "sent").await;

    // Moved: the new time, its calendar file.
    let hold_id = hold(&app, DAY, "11:00").await;
    let mut moved = opener(&ticket);
    moved["hold_id"] = hold_id;
    let (status, answer) = app.call("reschedule", moved).await;
    assert_eq!(status, 200, "{answer}");
    let mail = smtp.wait_for(2).await.remove(1);
    let subject = mail["subject"].as_str().unwrap();
    assert!(
        subject.contains("перенесено") && subject.contains("11:00"),
        "{subject}"
    );
    assert!(mail["attachments"][0]["content"]
        .as_str()
        .unwrap()
        .contains("DTSTART:20261207T090000Z"));

    // Cancelled: said once, no calendar file.
    let (status, _) = app.call("cancel", opener(&ticket)).await;
    assert_eq!(status, 200);
    let mail = smtp.wait_for(3).await.remove(2);
    assert!(
        mail["subject"].as_str().unwrap().contains("скасовано"),
        "{mail}"
    );
    assert_eq!(mail["attachments"], json!([]));
    let (status, _) = app.call("cancel", opener(&ticket)).await;
    assert_eq!(status, 200);
    wait_state(&app, &ticket, "cancelled", "sent").await;
    assert_eq!(
        smtp.messages().len(),
        3,
        "a second cancel tells nothing new"
    );
}

async fn english_bookings_get_english_mail(db: Db) {
    let smtp = SmtpSink::start(None);
    let app = mailing(db, &smtp).await;
    let ticket = book_by_mail(&app, 2, DAY, "10:00", "en").await;
    let mail = smtp.wait_for(1).await.remove(0);
    let subject = mail["subject"].as_str().unwrap();
    assert!(
        subject.starts_with(&format!("Ticket {}:", ticket["number"].as_str().unwrap())),
        "{subject}"
    );
    assert!(mail["text"].as_str().unwrap().contains("You are booked"));
}

/// Without a transport the message waits in the outbox (the demo's case).
async fn without_transports_messages_wait_in_the_outbox(db: Db) {
    let app = spawn_with(db, Options::default()).await;
    let hold_id = hold(&app, DAY, "09:40").await;
    let (status, ticket) = app.call("confirm", confirm_body(3, &hold_id)).await;
    assert_eq!(status, 200, "{ticket}");
    let d = app.services.deliver().await.unwrap();
    assert_eq!(d, Default::default(), "nothing can be sent");
    let entries = app.services.store().outbox(10).await.unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    assert_eq!(
        (
            entries[0].kind.as_str(),
            entries[0].channel.as_str(),
            entries[0].state.as_str()
        ),
        ("booked", "sms", "queued")
    );
    // The operator's table names no person: not the phone, not the name.
    let table = server::outbox_table(&entries);
    assert!(
        table.contains("booked") && table.contains("queued"),
        "{table}"
    );
    assert!(
        !table.contains("38067") && !table.contains("Коваль"),
        "{table}"
    );
}

async fn a_failing_mail_server_loses_no_booking(db: Db) {
    // The first recipient is answered 451 (try later).
    let smtp = SmtpSink::start(Some((1, 451)));
    let app = driven_by_hand(db, &smtp).await;
    let ticket = book_by_mail(&app, 4, DAY, "09:40", "uk").await;
    let d = app.services.deliver().await.unwrap();
    assert_eq!((d.retried, d.sent), (1, 0), "{d:?}");
    let (status, _) = app.call("ticket", opener(&ticket)).await;
    assert_eq!(status, 200, "the booking stands");
    let e = app.services.store().outbox(10).await.unwrap().remove(0);
    assert_eq!((e.state.as_str(), e.attempts), ("queued", 1));
    assert_eq!(e.last_error.as_deref(), Some("smtp-transient"));
    // Not due again before its back-off.
    assert_eq!(app.services.deliver().await.unwrap(), Default::default());
    app.advance(31);
    let d = app.services.deliver().await.unwrap();
    assert_eq!(d.sent, 1, "{d:?}");
    assert_eq!(smtp.wait_for(1).await.len(), 1);
    wait_state(&app, &ticket, "booked", "sent").await;
}

async fn a_refused_address_is_given_up(db: Db) {
    let smtp = SmtpSink::start(Some((1, 550)));
    let app = driven_by_hand(db, &smtp).await;
    let ticket = book_by_mail(&app, 5, DAY, "09:40", "uk").await;
    let d = app.services.deliver().await.unwrap();
    assert_eq!(d.failed, 1, "{d:?}");
    let e = app.services.store().outbox(10).await.unwrap().remove(0);
    assert_eq!(
        (e.state.as_str(), e.last_error.as_deref()),
        ("failed", Some("smtp-permanent"))
    );
    app.advance(3600);
    assert_eq!(app.services.deliver().await.unwrap(), Default::default());
    let (status, _) = app.call("ticket", opener(&ticket)).await;
    assert_eq!(status, 200, "the booking stands");
}

on_both!(
    booking_cancel_and_move_arrive_by_email,
    english_bookings_get_english_mail,
    without_transports_messages_wait_in_the_outbox,
    a_failing_mail_server_loses_no_booking,
    a_refused_address_is_given_up,
);
