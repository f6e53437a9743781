//! The built web app: hashed, precompressed files under `/pkg` cached for a year;
//! other static files for an hour; the HTML shell never cached, so a new build
//! reaches every browser on its next visit.

use super::chunks::Chunks;
use super::prerender::prerender;
use crate::service::Services;
use app::components::lang::lang_in_cookies;
use app::pages::lazy::{part_of, PARTS};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, COOKIE, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Router;
use domain::Lang;
use office::show::Screen;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

/// The name `cargo xtask site` gives the bundle (`xtask::front::OUTPUT_NAME`).
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
        let [js, wasm, css] = newest_files(site_root, OUTPUT_NAME)?;
        let js = js?;
        let chunks = Chunks::find(&site_root.join("pkg"), js.trim_start_matches("/pkg/"));
        Some(AssetManifest {
            js,
            wasm: wasm?,
            css: css?,
            chunks,
        })
    }
}

/// The newest `/pkg/STEM.<hash>.js`, `.wasm` and `.css` in `site_root/pkg`
/// (none where the folder is missing).
pub(super) fn newest_files(site_root: &Path, stem: &str) -> Option<[Option<String>; 3]> {
    let mut newest: [Option<(std::time::SystemTime, String)>; 3] = [None, None, None];
    for entry in std::fs::read_dir(site_root.join("pkg")).ok()?.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        let ext = name
            .strip_prefix(stem)
            .and_then(|n| n.strip_prefix('.'))
            .and_then(|n| n.rsplit_once('.'))
            .map(|(_, ext)| ext);
        let slot = match ext {
            Some("js") => 0,
            Some("wasm") => 1,
            Some("css") => 2,
            _ => continue,
        };
        let modified = entry
            .metadata()
            .and_then(|m| m.modified())
            .unwrap_or(std::time::UNIX_EPOCH);
        if newest[slot].as_ref().is_none_or(|(t, _)| modified > *t) {
            newest[slot] = Some((modified, format!("/pkg/{name}")));
        }
    }
    Some(newest.map(|n| n.map(|(_, path)| path)))
}

/// The page of each part (`None`: the other addresses), by part name and language.
type Shells = HashMap<(Option<&'static str>, Lang), Page>;

const LONG: &str = "public, max-age=31536000, immutable";
const SHORT: &str = "public, max-age=3600";

/// The static routes and the shell fallback (compressed: a pre-rendered page
/// carries its content and the answer it shows).
pub fn routes(site_root: &Path, services: Services) -> Router {
    // The build, with one shell per lazily loaded part and one for the other
    // addresses; pages with pre-rendered content are made for each request.
    let site: Arc<Option<(AssetManifest, Shells)>> =
        Arc::new(AssetManifest::find(site_root).map(|m| {
            let shells = std::iter::once(None)
                .chain(PARTS.iter().map(|(_, part)| Some(*part)))
                .flat_map(|part| {
                    Lang::ALL.map(|lang| ((part, lang), Page::new(m.shell(part, lang, None))))
                })
                .collect();
            (m, shells)
        }));
    let office = Arc::new(super::office_pages::OfficeFiles::find(site_root));
    if site.is_none() {
        tracing::warn!(site_root = %site_root.display(), "the web app is not built; serving the API only");
    }
    let pkg = ServeDir::new(site_root.join("pkg"))
        .precompressed_br()
        .precompressed_gzip();
    let public = ServeDir::new(site_root)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(tower::service_fn(move |req: axum::extract::Request| {
            let (site, services, office) = (site.clone(), services.clone(), office.clone());
            async move {
                let Some((m, shells)) = site.as_ref() else {
                    return Ok::<_, std::convert::Infallible>(shell_response(None));
                };
                let path = req.uri().path();
                let part = part_of(path);
                let lang = req
                    .headers()
                    .get(COOKIE)
                    .and_then(|c| c.to_str().ok())
                    .and_then(lang_in_cookies)
                    .unwrap_or_default();
                // The office's screens load the office's own files; an
                // unknown office's falls to the app's "not found".
                let screen = Screen::at(path).filter(|s| match s {
                    Screen::Console | Screen::Audit | Screen::Reports | Screen::Admin => true,
                    Screen::Kiosk(id) | Screen::Board(id) => services.has_office(id),
                });
                if let (Some(screen), Some(files)) = (screen, office.as_ref()) {
                    return Ok(super::office_pages::respond(files, &screen, lang));
                }
                if let Some(page) = domain::help::HelpPage::at(path) {
                    let asked = req.uri().query().and_then(|q| {
                        q.split('&')
                            .find_map(|kv| kv.strip_prefix("lang="))
                            .and_then(Lang::from_tag)
                    });
                    let lang = asked.unwrap_or(lang);
                    return Ok(super::help::respond(&services, m, page, lang).await);
                }
                let mut response = match prerender(&services, path, lang).await {
                    Some(pre) => shell_response(Some(Page::new(m.shell(part, lang, Some(&pre))))),
                    // Every part has its shell in each language.
                    None => shell_response(shells.get(&(part, lang)).cloned()),
                };
                // The page's language (and content) follows the language's cookie.
                response
                    .headers_mut()
                    .insert(VARY, HeaderValue::from_static("Cookie"));
                Ok(response)
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

/// A page and its Content-Security-Policy (worked out once for the shells
/// kept, once per request for a pre-rendered page).
#[derive(Debug, Clone)]
struct Page {
    html: String,
    policy: HeaderValue,
}

impl Page {
    fn new(html: String) -> Self {
        let policy = HeaderValue::from_str(&super::csp::page_policy(&html))
            .unwrap_or_else(|_| HeaderValue::from_static(super::csp::OTHER));
        Page { html, policy }
    }
}

fn shell_response(shell: Option<Page>) -> Response {
    match shell {
        Some(Page { html, policy }) => (
            [
                (
                    CONTENT_TYPE,
                    HeaderValue::from_static("text/html; charset=utf-8"),
                ),
                (CACHE_CONTROL, HeaderValue::from_static("no-cache")),
                (axum::http::header::CONTENT_SECURITY_POLICY, policy),
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
