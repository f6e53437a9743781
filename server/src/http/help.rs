//! The help pages (`/help`, `/faq`): the stored Markdown rendered on the
//! server into a page of its own, with the site's header, stylesheet and
//! footer and no script, so they are read at once and never add to an
//! applicant's download. In the language of `?lang=`, else the cookie's.
//! The text is the system administrator's; any HTML in it is shown as
//! text, never run.

use super::assets::AssetManifest;
use crate::messages::text::escape;
use crate::service::Services;
use app::i18n::{t, SUPPORT_PHONES};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::help::HelpPage;
use domain::Lang;
use pulldown_cmark::{html, Event, Options, Parser};

/// The page `page` in `lang`; 404 when none was written in any language.
pub async fn respond(
    services: &Services,
    site: &AssetManifest,
    page: HelpPage,
    lang: Lang,
) -> Response {
    let mut text = None;
    for l in std::iter::once(lang).chain(Lang::ALL) {
        match services.help_text(page, l).await {
            Ok(Some(t)) if !t.trim().is_empty() => {
                text = Some((l, t));
                break;
            }
            Ok(_) => {}
            Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        }
    }
    let Some((lang, text)) = text else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let mut res = page_html(site, page, lang, &text).into_response();
    let headers = res.headers_mut();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}

/// `text` (Markdown) as HTML: raw HTML is escaped, not passed through.
pub fn markdown(text: &str) -> String {
    let events = Parser::new_ext(text, Options::ENABLE_TABLES).map(|e| match e {
        Event::Html(s) | Event::InlineHtml(s) => Event::Text(s),
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, events);
    out
}

/// The whole page.
pub fn page_html(site: &AssetManifest, page: HelpPage, lang: Lang, text: &str) -> String {
    let w = t(lang);
    let title = escape(domain::help::check(text).unwrap_or(w.brand));
    let body = markdown(text);
    let (tag, css, brand) = (lang.tag(), &site.css, escape(w.brand));
    let other = Lang::ALL.into_iter().find(|l| *l != lang).unwrap_or(lang);
    let switch = format!(
        "<a class=\"lang-button\" lang=\"{}\" href=\"{}?lang={}\">{}</a>",
        other.tag(),
        page.path(),
        other.tag(),
        match other {
            Lang::Uk => "Українською",
            Lang::En => "English",
        }
    );
    let phones: String = SUPPORT_PHONES
        .iter()
        .map(|p| {
            let digits: String = p.chars().filter(char::is_ascii_digit).collect();
            format!("<li><a href=\"tel:+38{digits}\">{p}</a></li>")
        })
        .collect();
    let links = help_links(lang);
    format!(
        r##"<!DOCTYPE html>
<html lang="{tag}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} — {brand}</title>
<meta name="theme-color" content="#0b57d0">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="{css}">
</head>
<body>
<a class="skip" href="#main">{skip}</a>
<header class="site-header"><div class="wrap header-row">
<a class="brand" href="/"><span class="brand-name">{brand}</span><span class="brand-tagline">{tagline}</span></a>
<div class="header-tools"><a class="my-tickets-link" href="/tickets">{mine}</a>{switch}</div>
</div></header>
<main id="main" class="wrap help-page">
{body}</main>
<footer class="site-footer"><div class="wrap">
<h2 class="footer-title">{support}</h2>
<ul class="phones">{phones}</ul>
{links}
<p class="legal">{legal}</p>
</div></footer>
</body>
</html>
"##,
        skip = escape(w.skip_to_content),
        tagline = escape(w.tagline),
        mine = escape(w.my_tickets),
        support = escape(w.support),
        legal = escape(w.legal_basis),
    )
}

/// The footer's links to the help pages, as the app's footer has them.
fn help_links(lang: Lang) -> String {
    let w = t(lang);
    format!(
        "<p class=\"help-links\"><a href=\"/help\">{}</a> · <a href=\"/faq\">{}</a></p>",
        escape(w.help_guide),
        escape(w.help_faq)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_is_rendered_and_html_in_it_is_only_text() {
        let html = markdown("# Назва\n\nТекст **важливо**.\n\n<script>alert(1)</script>\n\n![Кіоск](/help-pictures/kiosk.png)");
        assert!(html.contains("<h1>Назва</h1>"), "{html}");
        assert!(html.contains("<strong>важливо</strong>"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("<script>"), "{html}");
        assert!(
            html.contains("<img src=\"/help-pictures/kiosk.png\" alt=\"Кіоск\""),
            "{html}"
        );
    }
}
