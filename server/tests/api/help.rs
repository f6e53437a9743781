//! The help pages, on both databases: the guide and the FAQ filled from
//! `data/help` at the first start, served as pages of their own in the
//! language asked (query, else cookie), with the footer's links; the
//! system administrator replaces a page's text (any HTML in it shown as
//! text), recorded in the audit trail; nobody else may, and a page without
//! its title is refused; a restart leaves the administrator's text alone.

use crate::audit::add;
use crate::common::{repo_data, Db, TestApp};
use crate::console::sign_in;
use domain::office::staff::Role;
use serde_json::json;

async fn page(app: &TestApp, path: &str, cookie: Option<&str>) -> (u16, String, String) {
    let mut req = app.client.get(format!("{}{path}", app.base));
    if let Some(c) = cookie {
        req = req.header("Cookie", c);
    }
    let r = req.send().await.unwrap();
    let kind = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (r.status().as_u16(), kind, r.text().await.unwrap())
}

async fn the_help_pages(db: Db) {
    let app = crate::common::spawn_app(db).await;
    let (status, kind, guide) = page(&app, "/help", None).await;
    assert_eq!(status, 200);
    assert!(kind.starts_with("text/html"), "{kind}");
    assert!(
        guide.contains("<h1>Інструкція з користування сервісом</h1>"),
        "{guide}"
    );
    assert!(
        guide.contains("<img src=\"/help-pictures/ticket.png\""),
        "{guide}"
    );
    assert!(guide.contains("<a href=\"/faq\">Відповіді на часті запитання</a>"));
    assert!(
        guide.contains("href=\"/pkg/cherga.abc123.css\""),
        "the site's stylesheet"
    );
    assert!(!guide.contains("<script"), "no script on a help page");
    let (_, _, english) = page(&app, "/help?lang=en", None).await;
    assert!(
        english.contains("<h1>How to use the service</h1>"),
        "{english}"
    );
    assert!(english.contains("<html lang=\"en\">"));
    let (_, _, by_cookie) = page(&app, "/faq", Some("cherga.lang=en")).await;
    assert!(
        by_cookie.contains("<h1>Frequently asked questions</h1>"),
        "{by_cookie}"
    );

    add(&app, "root", Role::SystemAdmin, None).await;
    add(&app, "head.podil", Role::Admin, Some("kyiv-podilskyi")).await;
    let root = sign_in(&app, "root").await;
    let head = sign_in(&app, "head.podil").await;
    let (status, faq, _) = app
        .call_in(
            "admin_help",
            json!({ "page": "faq", "lang": "uk" }),
            Some(&root),
        )
        .await;
    assert_eq!(status, 200, "{faq}");
    assert!(faq["text"]
        .as_str()
        .unwrap()
        .starts_with("# Відповіді на часті запитання"));

    let text = "# Відповіді на часті запитання\n\n## Чи працює черга в суботу?\n\nНі. <script>alert(1)</script>";
    let new = json!({ "page": "faq", "lang": "uk", "text": text });
    let (status, answer, _) = app
        .call_in("admin_help_save", new.clone(), Some(&head))
        .await;
    assert_eq!(
        (status, crate::console::refused(&answer)),
        (403, "forbidden"),
        "{answer}"
    );
    let untitled = json!({ "page": "faq", "lang": "uk", "text": "Без заголовка" });
    let (status, answer, _) = app.call_in("admin_help_save", untitled, Some(&root)).await;
    assert_eq!(
        (status, answer.clone()),
        (422, json!({ "help": { "cause": "no_title" } }))
    );
    let (status, saved, _) = app.call_in("admin_help_save", new, Some(&root)).await;
    assert_eq!(status, 200, "{saved}");
    let (_, _, shown) = page(&app, "/faq", None).await;
    assert!(
        shown.contains("<h2>Чи працює черга в суботу?</h2>"),
        "{shown}"
    );
    assert!(
        shown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{shown}"
    );
    assert!(!shown.contains("<script>alert"), "{shown}");

    // The trail holds the change; a restart keeps it.
    let (_, trail, _) = app
        .call_in("audit", json!({ "staff": "root" }), Some(&root))
        .await;
    let changed = trail["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "help_page")
        .unwrap_or_else(|| panic!("{trail}"));
    assert!(
        changed["detail"].as_str().unwrap().contains("суботу"),
        "{changed}"
    );
    let files = server::data::help_pages(&repo_data()).unwrap();
    assert_eq!(files.len(), 4, "the guide and the FAQ in two languages");
    let added = app
        .services
        .store()
        .fill_help_pages(files, 0)
        .await
        .unwrap();
    assert_eq!(added, 0);
    let (_, _, again) = page(&app, "/faq", None).await;
    assert!(again.contains("Чи працює черга в суботу?"));
}

on_both!(the_help_pages);
