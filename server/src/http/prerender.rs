//! Pages sent with their content. For the catalog (`/`), a service card
//! (`/services/<id>`) and the booking's first step (`/book/<id>`, the card's
//! questionnaire) the page carries the app's own first render of it
//! (`app::prerender`, the same components) and the answer it shows as JSON, so
//! the content shows before the app's code arrives and the app's first render
//! needs no round trip. The app replaces the copy when it starts.

use crate::service::Services;
use app::api::context::Backend;
use app::api::ServiceRequest;
use app::cache::{KEPT_CATALOG, KEPT_SERVICE};
use domain::catalog::ServiceId;
use domain::Lang;
use serde::Serialize;

/// A page's pre-rendered content.
#[derive(Debug)]
pub struct Prerendered {
    /// The address it was rendered for.
    pub path: String,
    /// The app's HTML at that address.
    pub html: String,
    /// The answers it shows: the element id and the JSON (safe inside a
    /// `<script>` element).
    pub kept: Vec<(&'static str, String)>,
}

/// The pre-rendered content of the page at `path` in `lang`, for the catalog,
/// the cards of known services and their booking's first step; `None` for any
/// other address (the app renders those alone).
pub async fn prerender(services: &Services, path: &str, lang: Lang) -> Option<Prerendered> {
    let (catalog, service) = if path == "/" {
        (Some(Backend::catalog(services).await.ok()?), None)
    } else {
        let id = path
            .strip_prefix("/services/")
            .or_else(|| path.strip_prefix("/book/"))?;
        if id.is_empty() || id.contains('/') {
            return None;
        }
        let req = ServiceRequest {
            service: ServiceId(id.to_string()),
        };
        (None, Some(Backend::service(services, req).await.ok()?))
    };
    let kept = [
        catalog
            .as_ref()
            .and_then(|c| script_json(c).map(|j| (KEPT_CATALOG, j))),
        service
            .as_ref()
            .and_then(|s| script_json(s).map(|j| (KEPT_SERVICE, j))),
    ]
    .into_iter()
    .flatten()
    .collect();
    let rendered = {
        let path = path.to_string();
        std::panic::catch_unwind(move || app::prerender::page(&path, lang, catalog, service))
    };
    match rendered {
        Ok(html) => Some(Prerendered {
            path: path.to_string(),
            html,
            kept,
        }),
        Err(_) => {
            // The app renders the page alone, as for any other address.
            tracing::error!(path, "pre-rendering a page panicked");
            None
        }
    }
}

/// `value` as JSON that may stand inside a `<script>` element: every `<` is
/// escaped, so no `</script>` or `<!--` can end it early.
pub fn script_json<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_string(value)
        .ok()
        .map(|json| json.replace('<', "\\u003c"))
}

#[cfg(test)]
mod tests {
    use super::script_json;

    #[test]
    fn json_in_a_script_element_cannot_close_it() {
        let json = script_json(&"</script><!-- a < b").unwrap_or_default();
        assert!(!json.contains('<'));
        let back: String = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back, "</script><!-- a < b");
    }
}
