//! The Content-Security-Policy of the app's pages: scripts from this site
//! only, plus the page's own inline scripts by their SHA-256 (the loader,
//! and on a pre-rendered page the script that hides a misleading copy), so
//! that a script injected into a page never runs; WebAssembly may compile
//! (`'wasm-unsafe-eval'`, the app is WASM); nothing may frame the page.
//! Every other answer gets [`OTHER`].

use base64::Engine;
use sha2::{Digest, Sha256};

/// The policy of every answer that is not a page (a worker's included: the
/// service worker fetches from this site).
pub const OTHER: &str =
    "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/// The policy of the page `html`: its inline scripts by hash.
pub fn page_policy(html: &str) -> String {
    let hashes: String = inline_scripts(html)
        .map(|script| {
            let digest = Sha256::digest(script.as_bytes());
            format!(
                " 'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect();
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{hashes}; style-src 'self'; \
         img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

/// The text of every inline script of `html` that a browser runs: not a
/// data block (`type="application/json"`), not one loaded by `src`.
fn inline_scripts(html: &str) -> impl Iterator<Item = &str> {
    let mut rest = html;
    std::iter::from_fn(move || loop {
        let start = rest.find("<script")?;
        let after = &rest[start..];
        let open_end = after.find('>')?;
        let tag = &after[..open_end];
        let body = &after[open_end + 1..];
        let close = body.find("</script>")?;
        rest = &body[close..];
        let data = tag.contains("application/json");
        if !data && !tag.contains(" src=") {
            return Some(&body[..close]);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_scripts_that_run_are_hashed() {
        let html = r#"<head><script>one()</script>
<script type="application/json" id="kept">{"a":1}</script>
<script type="module" src="/pkg/x.js"></script>
<script type="module">import init from "/pkg/x.js";</script></head>"#;
        let scripts: Vec<&str> = inline_scripts(html).collect();
        assert_eq!(scripts, ["one()", r#"import init from "/pkg/x.js";"#]);
        let policy = page_policy(html);
        // sha256("one()"), as a browser computes it.
        let one = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"one()"));
        assert!(policy.contains(&format!("'sha256-{one}'")), "{policy}");
        assert_eq!(policy.matches("'sha256-").count(), 2);
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(!policy.contains("unsafe-inline"));
        // A page without inline scripts allows none.
        assert!(!page_policy("<p>x</p>").contains("sha256"));
    }
}
