//! The office's administrator, at the end of the office's day
//! (`office.rs`): finds in the audit trail what the officer did, then the
//! office's report with its chart and CSV, on a desktop and on a phone.

use e2e::{Browser, Server};

/// Adds the administrator `head.k` of `office` and reads the audit trail
/// and the report as them, at 1280 and 390 px.
pub async fn reads_the_trail_and_the_report(server: &Server, office: &str, password: &str) {
    // The office's administrator reads what olha.k did in the audit trail.
    server
        .cli(
            &[
                "staff", "add", "--login", "head.k", "--role", "admin", "--office", office,
            ],
            &format!("{password}\n"),
        )
        .unwrap();
    for (width, height, name) in [(1280, 900, "desktop"), (390, 844, "phone")] {
        let admin = Browser::start(width, height).await.unwrap();
        admin
            .open(&format!("{}/staff/audit", server.base))
            .await
            .unwrap();
        admin.fill("#staff-login", "head.k").await.unwrap();
        admin.fill("#staff-password", password).await.unwrap();
        admin.click("form.console-signin button").await.unwrap();
        admin.wait_for_count("#audit-staff", 1).await.unwrap();
        // Any day: the server's clock runs ahead of the browser's.
        admin
            .client
            .execute(
                "const d = document.getElementById('audit-day'); d.value = ''; d.dispatchEvent(new Event('input'));",
                vec![],
            )
            .await
            .unwrap();
        admin.fill("#audit-staff", "olha.k").await.unwrap();
        admin.click("form.audit-search button").await.unwrap();
        for event in ["signin_failed", "signin", "call", "not_here"] {
            admin
                .wait_for_count(&format!(".audit-table tr[data-event='{event}']"), 1)
                .await
                .unwrap();
        }
        admin
            .wait_for_text(".audit-table", "викликано")
            .await
            .unwrap();
        admin
            .screenshot(&format!("office-audit-{name}"))
            .await
            .unwrap();
        // The office's report of the days around: the day's tickets, its
        // chart, and the CSV to download.
        admin
            .open(&format!("{}/staff/reports", server.base))
            .await
            .unwrap();
        admin.wait_for_count("#report-from", 1).await.unwrap();
        admin
            .client
            .execute(
                "const set = (id, days) => { const d = new Date(Date.now() + days * 864e5); \
                   const e = document.getElementById(id); e.value = d.toISOString().slice(0, 10); \
                   e.dispatchEvent(new Event('input')); }; set('report-from', -100); set('report-to', 100);",
                vec![],
            )
            .await
            .unwrap();
        admin.click("form.audit-search button").await.unwrap();
        admin
            .wait_for_count(".report-chart svg rect.bar-all", 1)
            .await
            .unwrap();
        admin
            .wait_for_text(".report-days tfoot", "Разом")
            .await
            .unwrap();
        let csv = admin.attr("a.report-csv", "href").await.unwrap();
        assert!(csv.starts_with("data:text/csv"), "{csv}");
        admin
            .screenshot(&format!("office-reports-{name}"))
            .await
            .unwrap();
        admin.close().await.unwrap();
    }
}
