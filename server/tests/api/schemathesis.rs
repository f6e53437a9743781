//! Schemathesis (PyPI, installed into `.tools/py` by `scripts/setup.sh
//! --test`) reads the OpenAPI document the server serves and fuzzes every
//! endpoint from it for a bounded time: valid and invalid bodies from each
//! schema, then stateful chains. No answer may be a 5xx, and every answer's
//! status, content type, headers and body must be what the document says.

use crate::common::{spawn_app, Db};
use std::path::Path;
use std::process::Command;

/// The whole run's time budget (seconds), and the cases per endpoint.
const MAX_SECONDS: &str = "60";
const MAX_EXAMPLES: &str = "40";

async fn the_server_keeps_to_its_document(db: Db) {
    let app = spawn_app(db).await;
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let st = here.join("../.tools/py/bin/schemathesis");
    let config = here.join("tests/api/schemathesis.toml");
    assert!(
        st.exists(),
        "{} is missing: run scripts/setup.sh --test",
        st.display()
    );
    let report = tempfile::tempdir().unwrap();
    let base = app.base.clone();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(st)
            .arg("--config-file")
            .arg(config)
            .args(["run", &format!("{base}/api/openapi.json")])
            .args(["--url", &base])
            .args(["--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,negative_data_rejection"])
            .args(["--max-time", MAX_SECONDS, "--max-examples", MAX_EXAMPLES])
            .args(["--workers", "2", "--seed", "20261205", "--no-color"])
            .args(["--suppress-health-check", "all"])
            .arg("--report-dir")
            .arg(report.path())
            // Its own cache goes beside the reports, not into the tree.
            .current_dir(report.path())
            .env("SCHEMATHESIS_TELEMETRY", "false")
            .output()
    })
    .await
    .unwrap()
    .expect("schemathesis runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "schemathesis found answers the document does not describe:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // It tested every endpoint, not none.
    assert!(text.contains("Selected: 39/39"), "{text}");
}

on_both!(the_server_keeps_to_its_document);
