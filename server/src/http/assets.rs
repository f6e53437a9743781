//! The built web app: hashed, precompressed files under `/pkg` cached for a year;
//! other static files for an hour; the HTML shell never cached, so a new build
//! reaches every browser on its next visit.

use super::chunks::Chunks;
use app::pages::lazy::{part_of, PARTS};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The output name cargo-leptos gives the bundle.
const OUTPUT_NAME: &str = "cherga";

/// The hashed file names of the current build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssetManifest {
    /// `/pkg/cherga.<hash>.js`
    pub js: String,
    /// `/pkg/cherga.<hash>.wasm` (wasm-bindgen names it `_bg`).
    pub wasm: String,
    /// `/pkg/cherga.<hash>.css`
    pub css: String,
    /// The pages loaded on demand, for a split build.
    pub chunks: Option<Chunks>,
}

impl AssetManifest {
    /// Finds the bundle in `site_root/pkg`; `None` when the app is not built.
    pub fn find(site_root: &Path) -> Option<Self> {
        let mut newest: [Option<(std::time::SystemTime, String)>; 3] = [None, None, None];
        for entry in std::fs::read_dir(site_root.join("pkg")).ok()?.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            if !name.starts_with(OUTPUT_NAME) {
                continue;
            }
            let slot = if name.ends_with(".js") {
                0
            } else if name.ends_with(".wasm") {
                1
            } else if name.ends_with(".css") {
                2
            } else {
                continue;
            };
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            if newest[slot].as_ref().is_none_or(|(t, _)| modified > *t) {
                newest[slot] = Some((modified, format!("/pkg/{name}")));
            }
        }
        let [js, wasm, css] = newest;
        let js = js?.1;
        let chunks = Chunks::find(&site_root.join("pkg"), js.trim_start_matches("/pkg/"));
        Some(AssetManifest {
            js,
            wasm: wasm?.1,
            css: css?.1,
            chunks,
        })
    }

    /// The HTML shell that loads the app, with the chunks of `part` (see
    /// `app::pages::lazy::PARTS`) preloaded.
    pub fn shell(&self, part: Option<&str>) -> String {
        let AssetManifest {
            js,
            wasm,
            css,
            chunks,
        } = self;
        // The loader is fetched with the bundle; the chunks are listed for the
        // service worker, which keeps them for offline use.
        let split = chunks.as_ref().map_or(String::new(), |c| {
            let list = c.wasm.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>();
            let preload = part
                .and_then(|p| c.parts.get(p))
                .into_iter()
                .flatten()
                .map(|w| format!("<link rel=\"preload\" href=\"{w}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n"))
                .collect::<String>();
            format!(
                "<link rel=\"modulepreload\" href=\"{}\">\n{preload}<script type=\"application/json\" id=\"chunks\">[{}]</script>\n",
                c.loader,
                list.join(",")
            )
        });
        format!(
            r##"<!DOCTYPE html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Черга — електронна черга ДМС</title>
<meta name="description" content="Запис до електронної черги Державної міграційної служби України">
<meta name="theme-color" content="#0b57d0">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="stylesheet" href="{css}">
<link rel="modulepreload" href="{js}">
<link rel="preload" href="{wasm}" as="fetch" type="application/wasm" crossorigin>
{split}<script type="module">import init from "{js}"; init({{ module_or_path: "{wasm}" }});
if ("serviceWorker" in navigator) addEventListener("load", () => navigator.serviceWorker.register("/sw.js"));</script>
</head>
<body>
<noscript><p class="noscript">Для роботи електронної черги увімкніть JavaScript у браузері. To use the queue, please enable JavaScript.</p></noscript>
</body>
</html>
"##
        )
    }
}

const LONG: &str = "public, max-age=31536000, immutable";
const SHORT: &str = "public, max-age=3600";

/// The static routes and the shell fallback.
pub fn routes(site_root: &Path) -> Router {
    // One shell per lazily loaded part, and one for the other addresses.
    let shells: Arc<Option<HashMap<Option<&str>, String>>> =
        Arc::new(AssetManifest::find(site_root).map(|m| {
            std::iter::once(None)
                .chain(PARTS.iter().map(|(_, part)| Some(*part)))
                .map(|part| (part, m.shell(part)))
                .collect()
        }));
    if shells.is_none() {
        tracing::warn!(site_root = %site_root.display(), "the web app is not built; serving the API only");
    }
    let pkg = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let public = ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(tower::service_fn(move |req: axum::extract::Request| {
            let shells = shells.clone();
            async move {
                let part = part_of(req.uri().path());
                let shell = shells.as_ref().as_ref().and_then(|s| s.get(&part));
                Ok::<_, std::convert::Infallible>(shell_response(shell.map(String::as_str)))
            }
        }));
    // The service worker is checked for updates on every visit.
    let worker = tower::ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
        .service(ServeFile::new(site_root.join("sw.js")));
    Router::new()
        .route_service("/sw.js", worker)
        .nest_service(
            "/pkg",
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::overriding(
                    CACHE_CONTROL,
                    HeaderValue::from_static(LONG),
                ))
                .service(pkg),
        )
        .fallback_service(
            tower::ServiceBuilder::new()
                .layer(SetResponseHeaderLayer::if_not_present(
                    CACHE_CONTROL,
                    HeaderValue::from_static(SHORT),
                ))
                .service(public),
        )
}

fn shell_response(shell: Option<&str>) -> Response {
    match shell {
        Some(html) => (
            [
                (
                    CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                ),
                (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            html.to_string(),
        )
            .into_response(),
        None => (
            StatusCode::SERVICE_UNAVAILABLE,
            [(CACHE_CONTROL, HeaderValue::from_static("no-store"))],
            "The web app is not built. Run scripts/run.sh (see README).",
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shell_names_the_chunks_of_a_split_build_for_the_service_worker() {
        let mut m = AssetManifest {
            js: "/pkg/cherga.j.js".into(),
            wasm: "/pkg/cherga.w.wasm".into(),
            css: "/pkg/cherga.c.css".into(),
            chunks: None,
        };
        assert!(!m.shell(None).contains("id=\"chunks\""));
        m.chunks = Some(Chunks {
            loader: "/pkg/__wasm_split.l.js".into(),
            wasm: vec![
                "/pkg/chunk_1.a.wasm".into(),
                "/pkg/split_card.b.wasm".into(),
            ],
            parts: HashMap::from([("card_part".into(), vec!["/pkg/split_card.b.wasm".into()])]),
        });
        let card = r#"<link rel="preload" href="/pkg/split_card.b.wasm" as="fetch" type="application/wasm" crossorigin>"#;
        assert!(m.shell(Some("card_part")).contains(card));
        assert!(!m
            .shell(Some("booking_part"))
            .contains("rel=\"preload\" href=\"/pkg/split"));
        let shell = m.shell(None);
        assert!(!shell.contains(card));
        assert!(shell.contains(r#"<link rel="modulepreload" href="/pkg/__wasm_split.l.js">"#));
        assert!(shell.contains(
            r#"<script type="application/json" id="chunks">["/pkg/chunk_1.a.wasm","/pkg/split_card.b.wasm"]</script>"#
        ));
    }
}
