use super::*;

fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (k, v) in pairs {
        h.insert(HeaderName::from_static(k), HeaderValue::from_static(v));
    }
    h
}

const JSON: (&str, &str) = ("content-type", "application/json");
const PUBLIC: &str = "https://cherga.example.gov.ua";

#[test]
fn the_apps_own_calls_and_scripts_pass() {
    let own = headers(&[
        JSON,
        ("host", "127.0.0.1:3000"),
        ("origin", "http://127.0.0.1:3000"),
        ("sec-fetch-site", "same-origin"),
    ]);
    assert_eq!(check(&own, "/api/hold", PUBLIC), Ok(()));
    // Behind a proxy that rewrites the host: the public origin.
    let proxied = headers(&[JSON, ("host", "10.0.0.5:3000"), ("origin", PUBLIC)]);
    assert_eq!(check(&proxied, "/api/hold", PUBLIC), Ok(()));
    let script = headers(&[("content-type", "application/json; charset=utf-8")]);
    assert_eq!(check(&script, "/api/confirm", PUBLIC), Ok(()));
}

#[test]
fn cross_site_posts_and_other_bodies_are_refused() {
    let form = headers(&[
        ("content-type", "text/plain"),
        ("host", "127.0.0.1:3000"),
        ("origin", "https://evil.example"),
    ]);
    assert_eq!(check(&form, "/api/hold", PUBLIC), Err(Refusal::CrossSite));
    let fetch = headers(&[JSON, ("sec-fetch-site", "cross-site")]);
    assert_eq!(check(&fetch, "/api/hold", PUBLIC), Err(Refusal::CrossSite));
    let sibling = headers(&[JSON, ("sec-fetch-site", "same-site")]);
    assert_eq!(
        check(&sibling, "/api/hold", PUBLIC),
        Err(Refusal::CrossSite)
    );
    let lookalike = headers(&[
        JSON,
        ("host", "127.0.0.1:3000"),
        ("origin", "http://127.0.0.1:3000.evil.example"),
    ]);
    assert_eq!(
        check(&lookalike, "/api/hold", PUBLIC),
        Err(Refusal::CrossSite)
    );
    let plain = headers(&[("content-type", "text/plain")]);
    assert_eq!(check(&plain, "/api/hold", PUBLIC), Err(Refusal::NotJson));
    assert_eq!(
        check(&HeaderMap::new(), "/api/hold", PUBLIC),
        Err(Refusal::NotJson)
    );
}

#[test]
fn each_endpoint_has_its_body_limit() {
    let big = headers(&[JSON, ("content-length", "5000")]);
    assert_eq!(check(&big, "/api/hold", PUBLIC), Err(Refusal::TooLarge));
    assert_eq!(check(&big, "/api/confirm", PUBLIC), Ok(()));
    let huge = headers(&[JSON, ("content-length", "16385")]);
    assert_eq!(check(&huge, "/api/confirm", PUBLIC), Err(Refusal::TooLarge));
    assert_eq!(body_limit("/api/reschedule"), LARGE_BODY);
    assert_eq!(body_limit("/api/signin_start"), SMALL_BODY);
}
