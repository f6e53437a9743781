//! The HTML page the server sends for every address of the app: it loads the
//! bundle (and, for a part loaded on demand, that part's chunks) and, for the
//! catalog, the cards and the booking's first step, carries their pre-rendered content.

use super::assets::AssetManifest;
use super::prerender::{script_json, Prerendered};
use app::components::lang::STORAGE_KEY as LANG_STORAGE_KEY;
use domain::Lang;

impl AssetManifest {
    /// The HTML shell in `lang` that loads the app, with the chunks of `part`
    /// (see `app::pages::lazy::PARTS`) preloaded and the content `pre`
    /// rendered for its address (in `lang` too).
    pub fn shell(&self, part: Option<&str>, lang: Lang, pre: Option<&Prerendered>) -> String {
        let AssetManifest {
            js,
            wasm,
            css,
            chunks,
        } = self;
        // The WASM the page needs first: the bundle's and its part's chunks.
        let part_chunks = chunks
            .as_ref()
            .and_then(|c| c.parts.get(part?))
            .into_iter()
            .flatten();
        let first: Vec<&str> = std::iter::once(wasm)
            .chain(part_chunks)
            .map(String::as_str)
            .collect();
        // The loader is fetched with the bundle; the chunks are listed for the
        // service worker, which keeps them for offline use.
        let split = chunks.as_ref().map_or(String::new(), |c| {
            let list = c.wasm.iter().map(|w| format!("\"{w}\"")).collect::<Vec<_>>();
            format!(
                "<link rel=\"modulepreload\" href=\"{}\">\n<script type=\"application/json\" id=\"chunks\">[{}]</script>\n",
                c.loader,
                list.join(",")
            )
        });
        let (hide, body) = pre.map_or((String::new(), String::new()), |p| prerendered(p, lang));
        // The app starts in the page's language where the browser's storage
        // holds none, and keeps the page's language and title in step.
        let (tag, words) = (lang.tag(), app::i18n::t(lang));
        let (title, description) = (words.page_title, words.page_description);
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
                START_AFTER_PAINT
                    .replace("PRERENDER_OFF", app::PRERENDER_OFF)
                    .replace(
                        "FIRST",
                        &script_json(&first).unwrap_or_else(|| "[]".into()),
                    ),
            ),
        };
        format!(
            r##"<!DOCTYPE html>
<html lang="{tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta name="description" content="{description}">
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
/// reports no such paint (`PRERENDER_OFF`: `app::PRERENDER_OFF`); at the latest after a second (a tab opened in the
/// background paints nothing).
const START_AFTER_PAINT: &str = r#"const shown = !document.documentElement.classList.contains("PRERENDER_OFF");
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
/// another address, or another language in this browser's storage than the
/// copy's, as in a browser that chose English before the cookie existed; with
/// nothing stored the app starts in the page's language, the copy's),
/// and the copy with its answers for the body.
fn prerendered(pre: &Prerendered, lang: Lang) -> (String, String) {
    let path = script_json(&pre.path).unwrap_or_else(|| "\"/\"".into());
    let (key, copy) = (LANG_STORAGE_KEY, lang.tag());
    let hide = format!(
        "<script>try{{const l=localStorage.getItem(\"{key}\");if(location.pathname!=={path}||(l!==null&&l!==\"{copy}\"))document.documentElement.classList.add(\"{off}\")}}catch(e){{}}</script>\n",
        off = app::PRERENDER_OFF
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

#[cfg(test)]
mod tests {
    use super::super::chunks::Chunks;
    use super::*;
    use std::collections::HashMap;

    /// A build's names for the tests, with `chunks`.
    fn manifest(chunks: Option<Chunks>) -> AssetManifest {
        AssetManifest {
            js: "/pkg/cherga.j.js".into(),
            wasm: "/pkg/cherga.w.wasm".into(),
            css: "/pkg/cherga.c.css".into(),
            chunks,
        }
    }

    #[test]
    fn the_shell_names_the_chunks_of_a_split_build_for_the_service_worker() {
        let mut m = manifest(None);
        assert!(!m.shell(None, Lang::Uk, None).contains("id=\"chunks\""));
        m.chunks = Some(Chunks {
            loader: "/pkg/__wasm_split.l.js".into(),
            wasm: vec![
                "/pkg/chunk_1.a.wasm".into(),
                "/pkg/split_card.b.wasm".into(),
            ],
            parts: HashMap::from([("card_part".into(), vec!["/pkg/split_card.b.wasm".into()])]),
        });
        let card = r#"<link rel="preload" href="/pkg/split_card.b.wasm" as="fetch" type="application/wasm" crossorigin>"#;
        assert!(m.shell(Some("card_part"), Lang::Uk, None).contains(card));
        assert!(!m
            .shell(Some("booking_part"), Lang::Uk, None)
            .contains("rel=\"preload\" href=\"/pkg/split"));
        let shell = m.shell(None, Lang::Uk, None);
        assert!(!shell.contains(card));
        assert!(shell.contains(r#"<link rel="modulepreload" href="/pkg/__wasm_split.l.js">"#));
        assert!(shell.contains(
            r#"<script type="application/json" id="chunks">["/pkg/chunk_1.a.wasm","/pkg/split_card.b.wasm"]</script>"#
        ));
    }

    #[test]
    fn a_page_with_content_fetches_its_wasm_once_the_content_is_shown() {
        let m = manifest(Some(Chunks {
            loader: "/pkg/__wasm_split.l.js".into(),
            wasm: vec!["/pkg/split_card.b.wasm".into()],
            parts: HashMap::from([("card_part".into(), vec!["/pkg/split_card.b.wasm".into()])]),
        }));
        let pre = Prerendered {
            path: "/services/a".into(),
            html: "<main id=\"main\"><h1>Паспорт</h1></main>".into(),
            kept: vec![("kept-service", r#"{"a":"\u003c/script>"}"#.into())],
        };
        let plain = m.shell(Some("card_part"), Lang::Uk, None);
        assert!(plain.contains(r#"<link rel="preload" href="/pkg/cherga.w.wasm""#));
        assert!(plain.contains(r#"<link rel="preload" href="/pkg/split_card.b.wasm""#));
        assert!(!plain.contains("prerender"));

        let shell = m.shell(Some("card_part"), Lang::Uk, Some(&pre));
        // No WASM fetched before the content shows; then the bundle and the part's chunks.
        assert!(!shell.contains(r#"<link rel="preload""#));
        assert!(shell
            .contains(r#"for (const href of ["/pkg/cherga.w.wasm","/pkg/split_card.b.wasm"])"#));
        assert!(shell.contains("largest-contentful-paint"));
        // The head script sets, and the loader reads, the class the stylesheet hides the copy by.
        assert!(shell.contains(r#"classList.add("prerender-off")"#));
        assert!(shell.contains(r#"classList.contains("prerender-off")"#));
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

    #[test]
    fn the_page_speaks_its_language_with_or_without_a_copy() {
        let m = manifest(None);
        let pre = Prerendered {
            path: "/".into(),
            html: "<main id=\"main\"></main>".into(),
            kept: vec![],
        };
        for lang in Lang::ALL {
            let words = app::i18n::t(lang);
            for shell in [m.shell(None, lang, None), m.shell(None, lang, Some(&pre))] {
                assert!(shell.contains(&format!(r#"<html lang="{}">"#, lang.tag())));
                assert!(shell.contains(&format!("<title>{}</title>", words.page_title)));
                assert!(shell.contains(&format!(r#"content="{}""#, words.page_description)));
            }
            // The copy is hidden where this browser's storage holds the other language.
            let check = format!(r#"(l!==null&&l!=="{}")"#, lang.tag());
            assert!(m.shell(None, lang, Some(&pre)).contains(&check));
        }
    }
}
