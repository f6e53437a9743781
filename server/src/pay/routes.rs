//! The payment routes outside `/api`: LiqPay's callback (a form post from
//! the provider's servers, not a browser's JSON call) and, with the sandbox,
//! its checkout page and API.

use super::sandbox::{Accepted, Sandbox};
use crate::service::Services;
use axum::extract::{DefaultBodyLimit, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use std::sync::Arc;

/// Where LiqPay posts a payment's status.
pub const CALLBACK_PATH: &str = "/pay/liqpay/callback";
/// Where a paid receipt is downloaded (a form post: the token never goes
/// into an address).
pub const RECEIPT_PATH: &str = "/pay/receipt";
/// Where the sandbox lives.
pub const SANDBOX_PATH: &str = "/sandbox/liqpay";

/// The largest body these routes read (a callback is some 2 KB).
const BODY_LIMIT: usize = 16 * 1024;

/// `data` and `signature`, as LiqPay sends them.
#[derive(Debug, serde::Deserialize)]
pub struct Signed {
    data: String,
    signature: String,
    /// The sandbox page's choice.
    #[serde(default)]
    choice: Option<String>,
}

/// A receipt asked for by the ticket page's form.
#[derive(Debug, serde::Deserialize)]
pub struct ReceiptForm {
    id: String,
    #[serde(default)]
    token: String,
    recipient: String,
    #[serde(default)]
    layout: String,
    #[serde(default)]
    lang: String,
}

/// The callback's route, the receipts', and the sandbox's when it is the
/// provider.
pub fn routes(services: Services) -> Router {
    let sandbox = services.sandbox();
    let secure = services.served_over_https();
    let receipt = match services.sessions() {
        Some(crate::http::session::Sessions::Sqlite(s)) => {
            post(receipt).layer(crate::http::session::layer(s.clone(), secure))
        }
        Some(crate::http::session::Sessions::Postgres(s)) => {
            post(receipt).layer(crate::http::session::layer(s.clone(), secure))
        }
        None => post(receipt),
    };
    let mut router = Router::new()
        .route(CALLBACK_PATH, post(callback))
        .route(RECEIPT_PATH, receipt)
        .with_state(services);
    if let Some(sandbox) = sandbox {
        let pages = Router::new()
            .route(
                &format!("{SANDBOX_PATH}/api/3/checkout"),
                get(checkout_get).post(checkout_post),
            )
            .route(&format!("{SANDBOX_PATH}/decide"), post(decide))
            .route(&format!("{SANDBOX_PATH}/api/request"), post(request))
            .route(
                &format!("{SANDBOX_PATH}/sandbox.css"),
                get(|| async { ([(header::CONTENT_TYPE, "text/css")], SANDBOX_CSS) }),
            )
            .with_state(sandbox);
        router = router.merge(pages);
    }
    router.layer(DefaultBodyLimit::max(BODY_LIMIT))
}

async fn callback(State(s): State<Services>, Form(f): Form<Signed>) -> StatusCode {
    s.liqpay_callback(&f.data, &f.signature).await
}

async fn receipt(
    State(s): State<Services>,
    session: Option<axum::Extension<tower_sessions::Session>>,
    Form(f): Form<ReceiptForm>,
) -> Response {
    let lang = domain::Lang::from_tag(&f.lang).unwrap_or_default();
    let Some(layout) = super::receipt::Layout::parse(&f.layout) else {
        return (StatusCode::BAD_REQUEST, "layout: a4 or narrow").into_response();
    };
    let session = session.map(|axum::Extension(s)| {
        std::sync::Arc::new(crate::http::session::Tower(s)) as app::api::context::SharedSession
    });
    match s
        .receipt_pdf((&f.id, &f.token), &f.recipient, layout, lang, session)
        .await
    {
        Ok((name, pdf)) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
                ),
                (header::CACHE_CONTROL, "no-store".to_string()),
            ],
            pdf,
        )
            .into_response(),
        Err(e) => {
            use domain::Localized;
            let status = StatusCode::from_u16(e.status()).unwrap_or(StatusCode::NOT_FOUND);
            (status, e.message(lang)).into_response()
        }
    }
}

async fn checkout_get(State(s): State<Arc<Sandbox>>, Query(f): Query<Signed>) -> Response {
    page(&s, &f)
}

async fn checkout_post(State(s): State<Arc<Sandbox>>, Form(f): Form<Signed>) -> Response {
    page(&s, &f)
}

async fn decide(State(s): State<Arc<Sandbox>>, Form(f): Form<Signed>) -> Response {
    let a = match s.check_checkout(&f.data, &f.signature) {
        Ok(a) => a,
        Err(e) => return refused(&e),
    };
    s.decide(&a, f.choice.as_deref() == Some("pay")).await;
    Redirect::to(&a.result_url).into_response()
}

async fn request(State(s): State<Arc<Sandbox>>, Form(f): Form<Signed>) -> Json<serde_json::Value> {
    Json(s.request(&f.data, &f.signature))
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn refused(why: &str) -> Response {
    let body = format!(
        "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>LiqPay sandbox</title>\
         <h1>LiqPay sandbox: request refused</h1><p id=\"error\">{}</p></html>",
        esc(why)
    );
    (StatusCode::BAD_REQUEST, Html(body)).into_response()
}

/// The sandbox's checkout page: what is paid, to whom, and two buttons.
fn page(s: &Sandbox, f: &Signed) -> Response {
    let a: Accepted = match s.check_checkout(&f.data, &f.signature) {
        Ok(a) => a,
        Err(e) => return refused(&e),
    };
    let uk = a.language == "uk";
    let t = |u: &'static str, e: &'static str| if uk { u } else { e };
    let amount = a.amount.format(if uk {
        domain::Lang::Uk
    } else {
        domain::Lang::En
    });
    let body = format!(
        "<!doctype html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"{SANDBOX_PATH}/sandbox.css\"></head>\
         <body><main><p class=\"banner\" role=\"alert\">{banner}</p>\
         <h1>{title}</h1><dl><dt>{what}</dt><dd id=\"description\">{desc}</dd>\
         <dt>{sum}</dt><dd id=\"amount\">{amount}</dd><dt>{order}</dt><dd>{oid}</dd></dl>\
         <form method=\"post\" action=\"{SANDBOX_PATH}/decide\">\
         <input type=\"hidden\" name=\"data\" value=\"{data}\">\
         <input type=\"hidden\" name=\"signature\" value=\"{sig}\">\
         <button name=\"choice\" value=\"pay\" id=\"pay\">{pay}</button> \
         <button name=\"choice\" value=\"decline\" id=\"decline\" class=\"light\">{decline}</button>\
         </form></main></body></html>",
        lang = a.language,
        title = t("LiqPay — пісочниця", "LiqPay — sandbox"),
        banner = t(
            "Пісочниця: це не справжня оплата, гроші не списуються.",
            "Sandbox: this is not a real payment, no money is charged."
        ),
        what = t("Призначення", "Purpose"),
        desc = esc(&a.description),
        sum = t("Сума", "Amount"),
        order = t("Замовлення", "Order"),
        oid = esc(&a.order_id),
        data = esc(&f.data),
        sig = esc(&f.signature),
        pay = t("Сплатити", "Pay"),
        decline = t("Відмовитися", "Decline"),
    );
    let mut res = Html(body).into_response();
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    res
}

/// The sandbox page's stylesheet (no inline style: the pages' policy).
pub const SANDBOX_CSS: &str = "body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f4f4f0}\
main{max-width:32rem;margin:2rem auto;padding:1.5rem;background:#fff;border-radius:8px}\
.banner{background:#ffd54a;padding:.75rem;border-radius:6px;font-weight:600}\
dt{color:#555}dd{margin:0 0 .75rem;font-weight:600}\
button{font:inherit;padding:.75rem 1.5rem;border:0;border-radius:6px;background:#1b5e20;color:#fff;cursor:pointer}\
button.light{background:#e0e0e0;color:#222}";
