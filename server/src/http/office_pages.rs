//! The office's pages (`office::show::Screen`: the console, an office's
//! kiosk and board): one HTML page that loads the office's own WASM, glue
//! and stylesheet (`pkg/office.<hash>.*`, built by `cargo xtask site`),
//! never the applicant's bundle. The kiosk alone may use the camera.

use axum::http::header::{CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue};
use axum::response::{IntoResponse, Response};
use domain::Lang;
use office::show::Screen;
use std::path::Path;

/// The stem of the office's files (`xtask::office::OFFICE_NAME`).
const OFFICE_NAME: &str = "office";

/// The office's built files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeFiles {
    js: String,
    wasm: String,
    css: String,
}

impl OfficeFiles {
    /// Finds the office's files in `site_root/pkg` (the newest of each).
    pub fn find(site_root: &Path) -> Option<Self> {
        let [js, wasm, css] = super::assets::newest_files(site_root, OFFICE_NAME)?;
        Some(OfficeFiles {
            js: js?,
            wasm: wasm?,
            css: css?,
        })
    }

    /// The page of `screen` in `lang`.
    pub fn page(&self, screen: &Screen, lang: Lang) -> String {
        let OfficeFiles { js, wasm, css } = self;
        let title = match (screen, lang) {
            (Screen::Console, Lang::Uk) => "Робоче місце — Черга",
            (Screen::Console, Lang::En) => "Officer's console — Cherga",
            (Screen::Audit, Lang::Uk) => "Журнал дій — Черга",
            (Screen::Audit, Lang::En) => "Audit trail — Cherga",
            (Screen::Reports, Lang::Uk) => "Звіти — Черга",
            (Screen::Reports, Lang::En) => "Reports — Cherga",
            (Screen::Admin, Lang::Uk) => "Налаштування підрозділу — Черга",
            (Screen::Admin, Lang::En) => "Office settings — Cherga",
            (Screen::Kiosk(_), Lang::Uk) => "Реєстрація прибуття — Черга",
            (Screen::Kiosk(_), Lang::En) => "Check in — Cherga",
            (Screen::Board(_), Lang::Uk) => "Табло — Черга",
            (Screen::Board(_), Lang::En) => "Board — Cherga",
        };
        let tag = lang.tag();
        format!(
            r#"<!DOCTYPE html>
<html lang="{tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{title}</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{css}">
<link rel="modulepreload" href="{js}">
<link rel="preload" href="{wasm}" as="fetch" type="application/wasm" crossorigin>
<script type="module">import init from "{js}";
init({{ module_or_path: "{wasm}" }});</script>
</head>
<body>
<noscript><p>Увімкніть JavaScript у браузері. Please enable JavaScript.</p></noscript>
</body>
</html>
"#
        )
    }
}

/// The answer for `screen`: its page, never cached (a new build reaches
/// every screen on its next load), the camera allowed on the kiosk alone.
pub fn respond(files: &OfficeFiles, screen: &Screen, lang: Lang) -> Response {
    let html = files.page(screen, lang);
    let policy = HeaderValue::from_str(&super::csp::page_policy(&html))
        .unwrap_or_else(|_| HeaderValue::from_static(super::csp::OTHER));
    let camera = if screen.camera() {
        "camera=(self), microphone=(), geolocation=()"
    } else {
        "camera=(), microphone=(), geolocation=()"
    };
    (
        [
            (
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            ),
            (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (CONTENT_SECURITY_POLICY, policy),
            (
                HeaderName::from_static("permissions-policy"),
                HeaderValue::from_static(camera),
            ),
        ],
        html,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_newest_office_files_are_found_and_the_apps_are_not() -> std::io::Result<()> {
        let dir = std::env::temp_dir().join(format!("cherga-office-{}", std::process::id()));
        let pkg = dir.join("pkg");
        std::fs::create_dir_all(&pkg)?;
        for name in [
            "cherga.a.js",
            "cherga.a.wasm",
            "office.b.js",
            "office.b.wasm",
        ] {
            std::fs::write(pkg.join(name), "x")?;
        }
        assert_eq!(OfficeFiles::find(&dir), None, "no stylesheet yet");
        std::fs::write(pkg.join("office.b.css"), "x")?;
        let files = OfficeFiles::find(&dir).expect("found");
        assert_eq!(files.js, "/pkg/office.b.js");
        assert_eq!(files.wasm, "/pkg/office.b.wasm");
        let page = files.page(&Screen::Board("x".into()), Lang::Uk);
        assert!(page.contains(r#"<link rel="stylesheet" href="/pkg/office.b.css">"#));
        assert!(page.contains("init({ module_or_path: \"/pkg/office.b.wasm\" })"));
        assert!(!page.contains("cherga.a"), "nothing of the applicant's app");
        let kiosk = respond(&files, &Screen::Kiosk("x".into()), Lang::En);
        assert_eq!(
            kiosk.headers()["permissions-policy"],
            "camera=(self), microphone=(), geolocation=()"
        );
        let board = respond(&files, &Screen::Board("x".into()), Lang::En);
        assert!(board.headers()["permissions-policy"]
            .to_str()
            .is_ok_and(|p| p.starts_with("camera=()")));
        assert!(board.headers()["content-security-policy"]
            .to_str()
            .is_ok_and(|p| p.contains("'sha256-")));
        std::fs::remove_dir_all(&dir)
    }
}
