//! SMS to a stand-in of TurboSMS's API that checks the provider's request
//! form, and the day-before reminder, which goes once even from two nodes.

use crate::common::{confirm_body, spawn_with, Db, Options};
use crate::messages::*;
use crate::outside::{SmsStandIn, SmtpSink, SMS_SENDER, SMS_TOKEN};
use serde_json::Value;
use server::cli::MessageArgs;

async fn sms_follow_the_providers_form(db: Db) {
    let provider = SmsStandIn::start().await;
    let app = spawn_with(
        db,
        Options {
            messages: MessageArgs {
                sms_url: provider.url.clone(),
                sms_token: Some(SMS_TOKEN.into()),
                sms_sender: SMS_SENDER.into(),
                public_url: "https://cherga.example".into(),
                outbox_poll_ms: 200,
                ..Default::default()
            },
            sender: false,
            ..Default::default()
        },
    )
    .await;
    let hold_id = hold(&app, DAY, "09:40").await;
    let (status, ticket) = app.call("confirm", confirm_body(7, &hold_id)).await;
    assert_eq!(status, 200, "{ticket}");
    let d = app.services.deliver().await.unwrap();
    assert_eq!(d.sent, 1, "{d:?} {:?}", provider.problems.lock().unwrap());
    assert!(provider.problems.lock().unwrap().is_empty());
    let (phone, sender, text) = provider.accepted.lock().unwrap()[0].clone();
    assert_eq!(
        (phone.as_str(), sender.as_str()),
        ("380670000007", SMS_SENDER)
    );
    let number = ticket["number"].as_str().unwrap();
    assert!(text.contains(number) && text.contains("09:40"), "{text}");
    assert!(text.contains("https://cherga.example/tickets"), "{text}");
    assert!(!text.contains(ticket["access_token"].as_str().unwrap()));

    // The provider's own failure (999) is tried again; a refusal (106, a
    // bad token) is given up.
    provider.refuse_first.lock().unwrap().extend([999, 106]);
    let (status, _) = app.call("cancel", opener(&ticket)).await;
    assert_eq!(status, 200);
    assert_eq!(app.services.deliver().await.unwrap().retried, 1);
    app.advance(31);
    assert_eq!(app.services.deliver().await.unwrap().failed, 1);
    let entries = app.services.store().outbox(10).await.unwrap();
    let e = entries.iter().find(|e| e.kind == "cancelled").unwrap();
    assert_eq!(
        (e.state.as_str(), e.last_error.as_deref()),
        ("failed", Some("sms-refused"))
    );
    assert_eq!(provider.accepted.lock().unwrap().len(), 1);
}

on_both!(sms_follow_the_providers_form);

/// Two nodes over one PostgreSQL database, each with several senders
/// running at once: every reminder of tomorrow's visits reaches the SMTP
/// server exactly once, and a cancelled ticket gets none.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_reminder_goes_once_from_two_nodes() {
    let smtp = SmtpSink::start(None);
    let quiet = || Options {
        messages: with_mail(&smtp.url),
        sender: false,
        ..Default::default()
    };
    let a = spawn_with(Db::Postgres, quiet()).await;
    let b = spawn_with(
        Db::Postgres,
        Options {
            db_url: Some(a.db_url.clone()),
            ..quiet()
        },
    )
    .await;
    let times = [
        "09:00", "09:20", "09:40", "10:00", "10:20", "10:40", "11:00", "11:20",
    ];
    let mut tickets = Vec::new();
    for (n, time) in times.iter().enumerate() {
        let node = if n % 2 == 0 { &a } else { &b };
        tickets.push(book_by_mail(node, 100 + n as u32, TOMORROW, time, "uk").await);
    }
    // A ticket of a later day gets no reminder tomorrow.
    book_by_mail(&a, 200, DAY, "09:00", "uk").await;
    let cancelled = &tickets[3];
    let (status, _) = a.call("cancel", opener(cancelled)).await;
    assert_eq!(status, 200);
    // The confirmations first, and the cancel's message (which supersedes
    // its ticket's confirmation not sent yet).
    let d = a.services.deliver().await.unwrap();
    assert_eq!(d.sent, times.len() as u32 + 1, "{d:?}");
    let before = smtp.messages().len();
    assert_eq!(before, times.len() + 1);

    // Before 18:00 nothing is due.
    assert_eq!(a.services.queue_reminders().await.unwrap(), 0);
    a.advance(TO_EVENING);
    b.advance(TO_EVENING);
    let mut rounds = Vec::new();
    for i in 0..12 {
        let services = if i % 2 == 0 {
            a.services.clone()
        } else {
            b.services.clone()
        };
        rounds.push(tokio::spawn(async move {
            let mut sent = 0;
            for _ in 0..4 {
                services.queue_reminders().await.unwrap();
                sent += services.deliver().await.unwrap().sent;
            }
            sent
        }));
    }
    let mut sent = 0;
    for r in rounds {
        sent += r.await.unwrap();
    }
    let reminders: Vec<Value> = smtp.messages().split_off(before);
    let mut to: Vec<String> = reminders
        .iter()
        .map(|m| m["to"][0].as_str().unwrap().to_string())
        .collect();
    to.sort();
    let mut expected: Vec<String> = (0..times.len())
        .filter(|&n| n != 3)
        .map(|n| format!("olena{}@example.com", 100 + n))
        .collect();
    expected.sort();
    assert_eq!(to, expected, "one reminder per active ticket of tomorrow");
    assert_eq!(sent as usize, expected.len());
    for m in &reminders {
        assert!(
            m["subject"]
                .as_str()
                .unwrap()
                .starts_with("Нагадування: завтра о "),
            "{m}"
        );
    }
    // And later rounds send nothing more.
    assert_eq!(a.services.queue_reminders().await.unwrap(), 0);
    assert_eq!(b.services.deliver().await.unwrap().sent, 0);
}
