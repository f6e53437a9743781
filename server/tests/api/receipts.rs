//! The paid receipt as a PDF, on both databases: for the ticket's holder
//! only, in A4 and for a receipt printer, byte for byte the same at every
//! download, its Ukrainian text readable back (pypdf, in `.tools/py`) with
//! the payer, the amount in words and the receipt code.

use crate::common::{spawn_app, Db, TestApp};
use crate::life::{book, hold, opener, DAY, PODIL};
use crate::payments::{form_post, part, payments, DUTY, FEES};
use crate::payments_more::pay_on_the_page;
use serde_json::Value;
use std::path::Path;

async fn download(
    app: &TestApp,
    ticket: &Value,
    token: &str,
    recipient: &str,
    layout: &str,
) -> (u16, Vec<u8>, String) {
    let body = server::pay::liqpay::form_urlencoded(&[
        ("id", ticket["id"].as_str().unwrap()),
        ("token", token),
        ("recipient", recipient),
        ("layout", layout),
        ("lang", "uk"),
    ]);
    let r = form_post(app, "/pay/receipt", body).await;
    let status = r.status().as_u16();
    let kind = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    (status, r.bytes().await.unwrap().to_vec(), kind)
}

/// The text of `pdf`, as a PDF reader extracts it.
fn text_of(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("receipt.pdf");
    std::fs::write(&file, pdf).unwrap();
    let python = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.tools/py/bin/python");
    let out = std::process::Command::new(python)
        .args(["-c", "import sys, pypdf; print('\\n'.join(p.extract_text() for p in pypdf.PdfReader(sys.argv[1]).pages))"])
        .arg(&file)
        .output()
        .expect("pypdf runs (scripts/setup.sh --test)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

async fn the_paid_receipt(db: Db) {
    let app = spawn_app(db).await;
    let ticket = book(&app, 5, PODIL, DAY, "10:20").await;
    let token = ticket["access_token"].as_str().unwrap().to_string();
    // Nothing paid: no receipt.
    let (status, _, _) = download(&app, &ticket, &token, FEES, "a4").await;
    assert_eq!(status, 404);
    pay_on_the_page(&app, &ticket, FEES).await;
    let code = part(&payments(&app, &ticket).await, FEES)["receipt_code"]
        .as_str()
        .unwrap()
        .to_string();

    let (status, a4, kind) = download(&app, &ticket, &token, FEES, "a4").await;
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert!(a4.starts_with(b"%PDF-"));
    // The same receipt at every download.
    let (_, again, _) = download(&app, &ticket, &token, FEES, "a4").await;
    assert_eq!(a4, again);
    let text = text_of(&a4);
    for expected in [
        "КВИТАНЦІЯ ПРО ОПЛАТУ",
        code.as_str(),
        "Коваль",
        "Олена",
        "345,00",
        "Триста сорок п'ять гривень 00 копійок",
        "UA599999990000000000000000001",
        "ДЕМОНСТРАЦІЙНА КВИТАНЦІЯ",
        &format!("/check#{code}"),
    ] {
        assert!(text.contains(expected), "{expected:?} not in:\n{text}");
    }
    // The ticket moved to another day: the receipt given stays the same.
    let hold_id = hold(&app, PODIL, "2026-12-08", "11:00").await;
    let mut moving = opener(&ticket);
    moving["hold_id"] = hold_id;
    let (status, moved) = app.call("reschedule", moving).await;
    assert_eq!(status, 200, "{moved}");
    let (_, after_move, _) = download(&app, &ticket, &token, FEES, "a4").await;
    assert_eq!(a4, after_move);
    // The receipt printer's strip: narrower, the same content.
    let (status, narrow, _) = download(&app, &ticket, &token, FEES, "narrow").await;
    assert_eq!(status, 200);
    assert_ne!(narrow, a4);
    let narrow_text = text_of(&narrow).replace('\n', " ");
    assert!(narrow_text.contains(&code), "{narrow_text}");
    // Not for anyone else, nor for a payment not made, nor an odd layout.
    let (status, _, _) = download(&app, &ticket, &"0".repeat(64), FEES, "a4").await;
    assert_eq!(status, 404);
    let (status, _, _) = download(&app, &ticket, &token, DUTY, "a4").await;
    assert_eq!(status, 404);
    let (status, _, _) = download(&app, &ticket, &token, FEES, "letter").await;
    assert_eq!(status, 400);
    // Half a year later the ticket's personal data is erased: the
    // receipt still downloads, and says so instead of the payer's name.
    app.advance(200 * 86_400);
    app.services.end_past_days(1000).await.unwrap();
    assert_eq!(app.services.erase_expired(1000).await.unwrap(), 1);
    let (status, erased, _) = download(&app, &ticket, &token, FEES, "a4").await;
    assert_eq!(status, 200);
    let text = text_of(&erased);
    assert!(
        text.contains(&code) && text.contains("дані платника стерто"),
        "{text}"
    );
    assert!(
        !text.contains("Коваль") && !text.contains("Олена"),
        "{text}"
    );
}

crate::on_both!(the_paid_receipt);
