//! The built web app: hashed, precompressed files under `/pkg` cached for a year;
//! other static files for an hour; the HTML shell never cached, so a new build
//! reaches every browser on its next visit.

use super::chunks::Chunks;
use super::prerender::{prerender, script_json, Prerendered};
use crate::service::Services;
use app::pages::lazy::{part_of, PARTS};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
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
    /// `app::pages::lazy::PARTS`) preloaded and the content `pre` rendered
    /// for its address.
    pub fn shell(&self, part: Option<&str>, pre: Option<&Prerendered>) -> String {
        let AssetManifest {
            js,
            wasm,
            css,
            chunks,
        } = self;
        // The WASM the page needs first: the bundle's and its part's chunks.
        let mut first: Vec<&str> = vec![wasm];
        // The loader is fetched with the bundle; the chunks are listed for the
        // service worker, which keeps them for offline use.
        let split = chunks.as_ref().map_or(String::new(), |c| {
            first.extend(part.and_then(|p| c.parts.get(p)).into_iter().flatten().map(String::as_str));
            let list = c.wasm.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>();
            format!(
                "<link rel=\"modulepreload\" href=\"{}\">\n<script type=\"application/json\" id=\"chunks\">[{}]</script>\n",
                c.loader,
                list.join(",")
            )
        });
        let (hide, body) = pre.map_or((String::new(), String::new()), prerendered);
        // A page without content of its own fetches its WASM at once; one with
        // pre-rendered content once that content is shown (see START_AFTER_PAINT).
        let (preload, start) = match pre {
            None => (
                first
                    .iter()
                    .map(|w| format!("<link rel=\"preload\" href=\"{w}\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n"))
                    .collect::<String>(),
                "start();".to_string(),
            ),
            Some(_) => (
                String::new(),
                START_AFTER_PAINT.replace(
                    "FIRST",
                    &script_json(&first).unwrap_or_else(|| "[]".into()),
                ),
            ),
        };
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
{hide}<link rel="stylesheet" href="{css}">
<link rel="modulepreload" href="{js}">
{preload}{split}<script type="module">import init from "{js}";
const start = () => init({{ module_or_path: "{wasm}" }});
{start}
if ("serviceWorker" in navigator) addEventListener("load", () => navigator.serviceWorker.register("/sw.js"));</script>
</head>
<body>
{body}<noscript><p class="noscript">Для роботи електронної черги увімкніть JavaScript у браузері. To use the queue, please enable JavaScript.</p></noscript>
</body>
</html>
"##
        )
    }
}

/// How a page with pre-rendered content loads the app: its WASM (`FIRST`, the
/// bundle's and the part's chunks) is fetched and the app started once the
/// browser has shown that content (its largest paint reported), so the HTML
/// and the stylesheet have the link to themselves and a copy is never replaced
/// before it counted as shown; at once where the copy is hidden or the browser
/// reports no such paint; at the latest after a second (a tab opened in the
/// background paints nothing).
const START_AFTER_PAINT: &str = r#"const shown = !document.documentElement.classList.contains("prerender-off");
const paints = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
if (shown && paints.includes("largest-contentful-paint")) {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    for (const href of FIRST) {
      const link = Object.assign(document.createElement("link"), { rel: "preload", as: "fetch", type: "application/wasm", crossOrigin: "", href });
      document.head.append(link);
    }
    start();
  };
  new PerformanceObserver(go).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(go, 1000);
} else start();"#;

/// The parts of the shell that carry `pre`: a script for the head that hides
/// the copy where it would mislead (a shell the service worker kept for
/// another address, or English remembered: the copy is Ukrainian), and the
/// copy with its answers for the body.
fn prerendered(pre: &Prerendered) -> (String, String) {
    let path = script_json(&pre.path).unwrap_or_else(|| "\"/\"".into());
    let hide = format!(
        "<script>try{{if(location.pathname!=={path}||localStorage.getItem(\"cherga.lang\")===\"en\")document.documentElement.classList.add(\"prerender-off\")}}catch(e){{}}</script>\n"
    );
    let kept: String = pre
        .kept
        .iter()
        .map(|(id, json)| {
            format!("<script type=\"application/json\" id=\"{id}\">{json}</script>\n")
        })
        .collect();
    let body = format!(
        "<div id=\"{}\">{}</div>\n{kept}",
        app::PRERENDER_ID,
        pre.html
    );
    (hide, body)
}

const LONG: &str = "public, max-age=31536000, immutable";
const SHORT: &str = "public, max-age=3600";

/// The static routes and the shell fallback (compressed: a pre-rendered page
/// carries its content and the answer it shows).
pub fn routes(site_root: &Path, services: Services) -> Router {
    let manifest = Arc::new(AssetManifest::find(site_root));
    // One shell per lazily loaded part, and one for the other addresses; pages
    // with pre-rendered content are made for each request.
    let shells: Arc<HashMap<Option<&str>, String>> = Arc::new(
        manifest
            .as_ref()
            .as_ref()
            .map(|m| {
                std::iter::once(None)
                    .chain(PARTS.iter().map(|(_, part)| Some(*part)))
                    .map(|part| (part, m.shell(part, None)))
                    .collect()
            })
            .unwrap_or_default(),
    );
    if manifest.is_none() {
        tracing::warn!(site_root = %site_root.display(), "the web app is not built; serving the API only");
    }
    let pkg = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let public = ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(tower::service_fn(move |req: axum::extract::Request| {
            let (manifest, shells, services) = (manifest.clone(), shells.clone(), services.clone());
            async move {
                let Some(m) = manifest.as_ref() else {
                    return Ok::<_, std::convert::Infallible>(shell_response(None));
                };
                let path = req.uri().path();
                let part = part_of(path);
                let html = match prerender(&services, path).await {
                    Some(pre) => m.shell(part, Some(&pre)),
                    None => shells
                        .get(&part)
                        .cloned()
                        .unwrap_or_else(|| m.shell(part, None)),
                };
                Ok(shell_response(Some(html)))
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
                .layer(CompressionLayer::new())
                .service(public),
        )
}

fn shell_response(shell: Option<String>) -> Response {
    match shell {
        Some(html) => (
            [
                (
                    CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                ),
                (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            ],
            html,
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
        assert!(!m.shell(None, None).contains("id=\"chunks\""));
        m.chunks = Some(Chunks {
            loader: "/pkg/__wasm_split.l.js".into(),
            wasm: vec![
                "/pkg/chunk_1.a.wasm".into(),
                "/pkg/split_card.b.wasm".into(),
            ],
            parts: HashMap::from([("card_part".into(), vec!["/pkg/split_card.b.wasm".into()])]),
        });
        let card = r#"<link rel="preload" href="/pkg/split_card.b.wasm" as="fetch" type="application/wasm" crossorigin>"#;
        assert!(m.shell(Some("card_part"), None).contains(card));
        assert!(!m
            .shell(Some("booking_part"), None)
            .contains("rel=\"preload\" href=\"/pkg/split"));
        let shell = m.shell(None, None);
        assert!(!shell.contains(card));
        assert!(shell.contains(r#"<link rel="modulepreload" href="/pkg/__wasm_split.l.js">"#));
        assert!(shell.contains(
            r#"<script type="application/json" id="chunks">["/pkg/chunk_1.a.wasm","/pkg/split_card.b.wasm"]</script>"#
        ));
    }

    #[test]
    fn a_page_with_content_fetches_its_wasm_once_the_content_is_shown() {
        let m = AssetManifest {
            js: "/pkg/cherga.j.js".into(),
            wasm: "/pkg/cherga.w.wasm".into(),
            css: "/pkg/cherga.c.css".into(),
            chunks: Some(Chunks {
                loader: "/pkg/__wasm_split.l.js".into(),
                wasm: vec!["/pkg/split_card.b.wasm".into()],
                parts: HashMap::from([("card_part".into(), vec!["/pkg/split_card.b.wasm".into()])]),
            }),
        };
        let pre = Prerendered {
            path: "/services/a".into(),
            html: "<main id=\"main\"><h1>Паспорт</h1></main>".into(),
            kept: vec![("kept-service", r#"{"a":"\u003c/script>"}"#.into())],
        };
        let plain = m.shell(Some("card_part"), None);
        assert!(plain.contains(r#"<link rel="preload" href="/pkg/cherga.w.wasm""#));
        assert!(plain.contains(r#"<link rel="preload" href="/pkg/split_card.b.wasm""#));
        assert!(!plain.contains("prerender"));

        let shell = m.shell(Some("card_part"), Some(&pre));
        // No WASM fetched before the content shows; then the bundle and the part's chunks.
        assert!(!shell.contains(r#"<link rel="preload""#));
        assert!(shell
            .contains(r#"for (const href of ["/pkg/cherga.w.wasm","/pkg/split_card.b.wasm"])"#));
        assert!(shell.contains("largest-contentful-paint"));
        // The copy and its answer in the body, the check that hides it elsewhere in the head.
        assert!(
            shell.contains("<div id=\"prerender\"><main id=\"main\"><h1>Паспорт</h1></main></div>")
        );
        assert!(shell.contains(
            r#"<script type="application/json" id="kept-service">{"a":"\u003c/script>"}</script>"#
        ));
        let head = &shell[..shell.find("<body>").unwrap_or_default()];
        assert!(head.contains(r#"location.pathname!=="/services/a""#));
        assert!(!head.contains("<h1>"));
        // The service worker still finds every file to keep.
        for name in [
            "/pkg/cherga.j.js",
            "/pkg/cherga.w.wasm",
            "/pkg/__wasm_split.l.js",
            "/pkg/split_card.b.wasm",
        ] {
            assert!(shell.contains(&format!("\"{name}\"")), "{name}");
        }
    }
}
