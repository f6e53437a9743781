//! Pages sent with their content: the catalog and every service card come
//! pre-rendered by the app's own components, with the answer they show as JSON
//! (the same as the API's), compressed; other addresses get the bare shell.

use crate::common::{spawn_app, Db, TestApp};
use app::api::{CatalogList, ServiceDetails};
use domain::catalog::BookingMode;
use domain::checklist::{checklist, Answers};
use domain::Lang;
use serde::de::DeserializeOwned;

/// The page at `path`, as a browser that remembers no language gets it.
async fn page(app: &TestApp, path: &str) -> String {
    page_with_cookie(app, path, "").await.0
}

/// The page at `path` with the `Cookie` header `cookie`, and its `Vary` header.
async fn page_with_cookie(app: &TestApp, path: &str, cookie: &str) -> (String, String) {
    let r = app
        .client
        .get(format!("{}{path}", app.base))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{path}");
    let vary = r.headers().get_all("vary").iter();
    let vary = vary
        .filter_map(|v| v.to_str().ok())
        .collect::<Vec<_>>()
        .join(",");
    (r.text().await.unwrap(), vary)
}

/// The pre-rendered copy in `html`, if any.
fn prerendered(html: &str) -> Option<&str> {
    let start = html.find(r#"<div id="prerender">"#)?;
    let end = html[start..].find("\n")?;
    Some(&html[start..start + end])
}

/// The JSON kept in the script element `id` of `html`.
fn kept<T: DeserializeOwned>(html: &str, id: &str) -> Option<T> {
    let open = format!(r#"<script type="application/json" id="{id}">"#);
    let start = html.find(&open)? + open.len();
    let end = html[start..].find("</script>")?;
    Some(serde_json::from_str(&html[start..start + end]).expect("kept JSON"))
}

/// The API's answer for the service `id`.
async fn service_details(app: &TestApp, id: &str) -> ServiceDetails {
    let (status, answer) = app
        .call("service", serde_json::json!({ "service": id }))
        .await;
    assert_eq!(status, 200, "{id}");
    serde_json::from_value(answer).unwrap()
}

fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[tokio::test]
async fn the_catalog_and_every_card_come_with_their_content_and_answer() {
    let app = spawn_app(Db::Sqlite).await;
    let (status, answer) = app.call("catalog", serde_json::json!({})).await;
    assert_eq!(status, 200);
    let catalog: CatalogList = serde_json::from_value(answer).unwrap();

    let home = page(&app, "/").await;
    let copy = prerendered(&home).expect("the catalog is pre-rendered");
    assert!(copy.contains("<h1>"));
    for s in &catalog.services {
        let name = escaped(s.name.get(domain::Lang::Uk));
        assert!(copy.contains(&name), "{name} missing from the catalog page");
        assert!(copy.contains(&format!(r#"href="/services/{}""#, s.id)));
    }
    let kept_list: CatalogList = kept(&home, "kept-catalog").expect("the catalog kept");
    assert_eq!(kept_list, catalog);
    assert!(kept::<ServiceDetails>(&home, "kept-service").is_none());
    assert!(home.contains(r#"location.pathname!=="/""#));

    // Every card renders, with its title, its documents and its answer.
    for s in &catalog.services {
        let path = format!("/services/{}", s.id);
        let html = page(&app, &path).await;
        let copy = prerendered(&html).unwrap_or_else(|| panic!("{path} is not pre-rendered"));
        let title = format!("<h1>{}</h1>", escaped(s.name.get(domain::Lang::Uk)));
        assert!(copy.contains(&title), "{path}: no {title}");
        let details = service_details(&app, &s.id.0).await;
        // The checklist for the questionnaire's starting answers.
        let documents = &details.service.card.documents;
        let entries = checklist(documents, &Answers::typical());
        assert!(!entries.is_empty(), "{path}: no documents");
        for e in &entries {
            let text = escaped(e.text.get(domain::Lang::Uk));
            assert!(copy.contains(&text), "{path}: {text} not in the checklist");
        }
        assert_eq!(kept::<ServiceDetails>(&html, "kept-service"), Some(details));
        assert!(kept::<CatalogList>(&html, "kept-catalog").is_none());
        // A shell kept by the service worker and shown at another address
        // hides this copy.
        assert!(html.contains(&format!(r#"location.pathname!=="{path}""#)));
    }
}

#[tokio::test]
async fn the_booking_first_step_comes_with_its_questionnaire_and_answer() {
    let app = spawn_app(Db::Sqlite).await;
    let path = "/book/passport-lost-stolen";
    let html = page(&app, path).await;
    let copy = prerendered(&html).expect("the first step is pre-rendered");
    // Step 1 of the wizard with the card's questions, the typical answers chosen.
    assert!(copy.contains("step-count"), "{copy}");
    assert!(copy.contains(r#"name="loss""#), "no question on loss");
    assert!(copy.contains(r#"href="/book/passport-lost-stolen/office""#));
    let details = service_details(&app, "passport-lost-stolen").await;
    assert_eq!(kept::<ServiceDetails>(&html, "kept-service"), Some(details));
    assert!(html.contains(&format!(r#"location.pathname!=="{path}""#)));
}

#[tokio::test]
async fn a_service_without_booking_says_so_instead_of_starting_the_wizard() {
    let app = spawn_app(Db::Sqlite).await;
    let details = service_details(&app, "qes-id-card").await;
    let BookingMode::NotNeeded { note } = &details.service.booking else {
        panic!("qes-id-card needs booking in the demo catalog");
    };
    let html = page(&app, "/book/qes-id-card").await;
    let copy = prerendered(&html).expect("the page is pre-rendered");
    assert!(
        copy.contains(&escaped(note.get(domain::Lang::Uk))),
        "{copy}"
    );
    assert!(copy.contains(r#"href="/services/qes-id-card""#), "{copy}");
    // No step of a wizard, and no way on to an office.
    assert!(!copy.contains("step-count"), "{copy}");
    assert!(!copy.contains("/book/qes-id-card/office"), "{copy}");
}

#[tokio::test]
async fn pages_come_in_the_language_their_cookie_remembers() {
    let app = spawn_app(Db::Sqlite).await;
    let details = service_details(&app, "passport-lost-stolen").await;
    let path = "/services/passport-lost-stolen";
    for (cookie, lang) in [
        ("cherga.lang=en", Lang::En),
        ("other=1; cherga.lang=en", Lang::En),
        ("cherga.lang=uk", Lang::Uk),
        ("cherga.lang=xx", Lang::Uk),
        ("", Lang::Uk),
    ] {
        let words = app::i18n::t(lang);
        let (html, vary) = page_with_cookie(&app, path, cookie).await;
        assert!(vary.to_ascii_lowercase().contains("cookie"), "{vary}");
        assert!(
            html.contains(&format!(r#"<html lang="{}">"#, lang.tag())),
            "{cookie}"
        );
        assert!(html.contains(&format!("<title>{}</title>", words.page_title)));
        let copy = prerendered(&html).expect("the card is pre-rendered");
        let title = format!("<h1>{}</h1>", escaped(details.service.name.get(lang)));
        assert!(copy.contains(&title), "{cookie}: no {title}");
        assert!(copy.contains(&escaped(words.checklist_title)), "{cookie}");
        // The answer kept beside it is the same in either language.
        assert_eq!(
            kept::<ServiceDetails>(&html, "kept-service").as_ref(),
            Some(&details)
        );
    }
    // A page without a copy of its own is in that language too (the app
    // starts in the page's language when the browser's storage holds none).
    let (tickets, _) = page_with_cookie(&app, "/tickets", "cherga.lang=en").await;
    assert!(tickets.contains(r#"<html lang="en">"#));
    assert!(page(&app, "/tickets").await.contains(r#"<html lang="uk">"#));
    let (home, _) = page_with_cookie(&app, "/", "cherga.lang=en").await;
    let copy = prerendered(&home).expect("the catalog is pre-rendered");
    let heading = app::i18n::t(Lang::En).catalog_title;
    assert!(copy.contains(&format!("<h1>{heading}</h1>")), "{copy}");
}

#[tokio::test]
async fn other_addresses_get_the_bare_shell() {
    let app = spawn_app(Db::Sqlite).await;
    for path in [
        "/services/no-such-service",
        "/services/passport-lost-stolen/extra",
        "/services/",
        "/book/passport-lost-stolen/office",
        "/book/no-such-service",
        "/book/",
        "/tickets",
        "/nowhere",
    ] {
        let html = page(&app, path).await;
        assert!(prerendered(&html).is_none(), "{path} pre-rendered");
        assert!(!html.contains("kept-"), "{path} carries an answer");
        assert!(html.contains("/pkg/cherga.abc123.js"), "{path}");
    }
}

#[tokio::test]
async fn pages_are_compressed_for_browsers_that_accept_it() {
    let app = spawn_app(Db::Sqlite).await;
    for (accept, encoding) in [("br, gzip", "br"), ("gzip", "gzip")] {
        let r = app
            .client
            .get(format!("{}/services/passport-lost-stolen", app.base))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(r.headers()["content-encoding"], encoding);
        let compressed = r.bytes().await.unwrap().len();
        let plain = page(&app, "/services/passport-lost-stolen").await.len();
        assert!(compressed * 3 < plain, "{compressed} of {plain} bytes");
    }
}

#[tokio::test]
async fn the_catalog_and_card_answers_are_compressed_too() {
    let app = spawn_app(Db::Sqlite).await;
    for (name, body) in [
        ("catalog", serde_json::json!({})),
        (
            "service",
            serde_json::json!({ "service": "passport-lost-stolen" }),
        ),
    ] {
        let url = format!("{}/api/{name}", app.base);
        let plain = app.client.post(&url).json(&body).send().await.unwrap();
        assert!(plain.headers().get("content-encoding").is_none());
        let plain = plain.bytes().await.unwrap().len();
        let r = app
            .client
            .post(&url)
            .header("accept-encoding", "br")
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200, "{name}");
        assert_eq!(r.headers()["content-encoding"], "br", "{name}");
        let compressed = r.bytes().await.unwrap().len();
        assert!(
            compressed * 2 < plain,
            "{name}: {compressed} of {plain} bytes"
        );
    }
}
