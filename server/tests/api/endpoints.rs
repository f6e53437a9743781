//! The real server over HTTP, on SQLite and on PostgreSQL: health, the catalog
//! reads, holds and confirms, the typed errors, the shell and the asset cache rules.

use crate::common::{confirm_body, error_kind, spawn_app, Db};
use serde_json::json;

const SEED: &str = "passport-lost-stolen";
const PODIL: &str = "kyiv-podilskyi";

async fn health_answers(db: Db) {
    let app = spawn_app(db).await;
    let r = app
        .client
        .get(format!("{}/healthz", app.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

async fn the_catalog_lists_every_service_by_category(db: Db) {
    let app = spawn_app(db).await;
    let (status, body) = app.call("catalog", json!({})).await;
    assert_eq!(status, 200);
    let list: app::api::CatalogList = serde_json::from_value(body).unwrap();
    assert_eq!(list.services.len(), 7);
    let seed = list.services.iter().find(|s| s.id.0 == SEED).unwrap();
    assert!(seed.bookable && !seed.demo);
    assert!(
        list.services.iter().any(|s| !s.bookable),
        "one service needs no booking"
    );
    assert!(list.notices.iter().any(|n| n.uk.contains("карантину")));
}

async fn the_words_of_the_tickets_screens_in_both_languages(db: Db) {
    let app = spawn_app(db).await;
    let (status, body) = app.call("words", json!({})).await;
    assert_eq!(status, 200);
    let words: app::i18n::tickets::TicketWordsBoth = serde_json::from_value(body).unwrap();
    assert_eq!(
        (words.uk.sign_out.as_str(), words.en.sign_out.as_str()),
        ("Вийти", "Sign out")
    );
    assert!(words.uk.code_sent.contains("{m}") && words.en.code_sent.contains("{m}"));
}

async fn a_service_card_and_its_offices(db: Db) {
    let app = spawn_app(db).await;
    let (status, body) = app.call("service", json!({ "service": SEED })).await;
    assert_eq!(status, 200);
    let details: app::api::ServiceDetails = serde_json::from_value(body).unwrap();
    assert_eq!(details.service.card.documents.len(), 11);
    assert!(details.calendar.years().any(|y| y == 2026));
    let (_, body) = app.call("offices", json!({ "service": SEED })).await;
    let offices: Vec<app::api::OfficeView> = serde_json::from_value(body).unwrap();
    let status_of = |id: &str| offices.iter().find(|o| o.id.0 == id).map(|o| o.online);
    assert_eq!(status_of(PODIL), Some(app::api::OnlineStatus::Open));
    assert_eq!(
        status_of("dnipro-tsentralnyi"),
        Some(app::api::OnlineStatus::OfficeOff),
        "shown as off, not hidden"
    );
    assert_eq!(offices.len(), 5);
    let (status, _) = app
        .call("offices", json!({ "service": "no-such-service" }))
        .await;
    assert_eq!(status, 404);
}

async fn days_and_times_of_the_horizon(db: Db) {
    let app = spawn_app(db).await;
    let (status, body) = app
        .call("days", json!({ "service": SEED, "office": PODIL }))
        .await;
    assert_eq!(status, 200);
    let days: Vec<app::api::DayView> = serde_json::from_value(body).unwrap();
    assert_eq!(
        days.first().map(|d| d.date.to_string()),
        Some("2026-11-24".into())
    );
    assert_eq!(
        days.last().map(|d| d.date.to_string()),
        Some("2026-12-11".into())
    );
    let closure = days
        .iter()
        .find(|d| d.date.to_string() == "2026-12-04")
        .unwrap();
    assert_eq!(closure.free, 0);
    assert_eq!(
        closure.closed.as_ref().map(|t| t.uk.as_str()),
        Some("Санітарний день")
    );
    let (status, body) = app
        .call(
            "times",
            json!({ "service": SEED, "office": PODIL, "date": "2026-11-24" }),
        )
        .await;
    assert_eq!(status, 200);
    let times: Vec<app::api::TimeView> = serde_json::from_value(body).unwrap();
    assert_eq!(
        times.first().map(|t| (t.start.to_string(), t.free)),
        Some(("09:00:00".into(), 2))
    );
}

async fn hold_confirm_and_retry_give_one_ticket(db: Db) {
    let app = spawn_app(db).await;
    let (status, hold) = app
        .call(
            "hold",
            json!({ "service": SEED, "office": PODIL, "date": "2026-11-24", "time": "09:00" }),
        )
        .await;
    assert_eq!(status, 200, "{hold}");
    let mut body = confirm_body(1, &hold["hold_id"]);
    body["answers"]["loss"] = json!("stolen");
    let (status, ticket) = app.call("confirm", body.clone()).await;
    assert_eq!(status, 200, "{ticket}");
    assert_eq!(ticket["number"], "P-001");
    assert_eq!(
        ticket["quote"]["total"], 34500,
        "stolen: 345 UAH, no state duty"
    );
    assert_eq!(ticket["ready_date"], "2026-12-22");
    let token = ticket["access_token"].as_str().unwrap().to_string();
    assert_eq!(token.len(), 64);
    assert!(ticket["checklist"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["id"] == "investigation-extract"));
    // The same request again: the same ticket and token, no second ticket.
    let (status, again) = app.call("confirm", body).await;
    assert_eq!(status, 200);
    assert_eq!(again["id"], ticket["id"]);
    assert_eq!(again["access_token"], json!(token));
    let (_, times) = app
        .call(
            "times",
            json!({ "service": SEED, "office": PODIL, "date": "2026-11-24" }),
        )
        .await;
    assert_eq!(times[0]["free"], 1, "one of two places taken");
}

async fn a_full_time_is_taken_with_alternatives(db: Db) {
    let app = spawn_app(db).await;
    let slot = json!({ "service": SEED, "office": PODIL, "date": "2026-11-24", "time": "09:00" });
    for _ in 0..2 {
        assert_eq!(app.call("hold", slot.clone()).await.0, 200);
    }
    let (status, err) = app.call("hold", slot).await;
    assert_eq!(status, 409);
    assert_eq!(error_kind(&err), "taken");
    let alternatives = err["taken"]["alternatives"].as_array().unwrap();
    assert_eq!(alternatives.len(), 4);
    assert_eq!(
        alternatives[0],
        json!({ "date": "2026-11-24", "time": "09:20:00" })
    );
}

async fn one_person_one_active_ticket_per_service(db: Db) {
    let app = spawn_app(db).await;
    for (i, time) in ["09:00", "09:20"].iter().enumerate() {
        let (_, hold) = app
            .call(
                "hold",
                json!({ "service": SEED, "office": PODIL, "date": "2026-11-24", "time": time }),
            )
            .await;
        let (status, answer) = app.call("confirm", confirm_body(7, &hold["hold_id"])).await;
        if i == 0 {
            assert_eq!(status, 200, "{answer}");
        } else {
            assert_eq!(status, 409);
            assert_eq!(answer, json!({ "booking": { "cause": "already_booked" } }));
        }
    }
}

async fn reimporting_the_catalog_keeps_tickets(db: Db) {
    let app = spawn_app(db).await;
    let (_, hold) = app
        .call(
            "hold",
            json!({ "service": SEED, "office": PODIL, "date": "2026-11-24", "time": "09:00" }),
        )
        .await;
    let body = confirm_body(9, &hold["hold_id"]);
    let (status, ticket) = app.call("confirm", body.clone()).await;
    assert_eq!(status, 200, "{ticket}");
    // An edited catalog: the seed service renamed.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate::common::repo_data().join("catalog.toml")).unwrap();
    let edited = text.replacen(
        "замість втраченого або викраденого",
        "замість втраченого чи викраденого",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(dir.path().join("catalog.toml"), edited).unwrap();
    let args = server::cli::ImportArgs {
        file: dir.path().join("catalog.toml"),
        holidays: Some(crate::common::repo_data().join("holidays")),
        db: server::cli::DbArgs {
            db: app.db_url.clone(),
            db_pool: 2,
            ..Default::default()
        },
    };
    // Twice: importing is idempotent.
    for _ in 0..2 {
        server::import_catalog(&args).await.expect("import");
    }
    let (file, years, _) = app.services.store().load_catalog().await.unwrap().unwrap();
    assert!(file.services[0]
        .name
        .uk
        .contains("втраченого чи викраденого"));
    assert_eq!(years.len(), 2);
    // The ticket is still there: the retry answers it.
    let (status, again) = app.call("confirm", body).await;
    assert_eq!(status, 200);
    assert_eq!(again["id"], ticket["id"]);
}

on_both!(
    reimporting_the_catalog_keeps_tickets,
    health_answers,
    the_catalog_lists_every_service_by_category,
    the_words_of_the_tickets_screens_in_both_languages,
    a_service_card_and_its_offices,
    days_and_times_of_the_horizon,
    hold_confirm_and_retry_give_one_ticket,
    a_full_time_is_taken_with_alternatives,
    one_person_one_active_ticket_per_service,
);
