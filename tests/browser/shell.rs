use e2e::Server;

/// The page sent for an address that opens a lazily loaded part preloads that
/// part's chunks (a page with pre-rendered content, once it is shown), and
/// every chunk it names is served as WASM; the catalog's page preloads none of
/// them (its code is in the bundle).
#[tokio::test]
async fn each_address_preloads_the_chunks_of_its_page() {
    let server = Server::start().await.unwrap();
    let http = reqwest::Client::new();
    let page = |path: &str| {
        let url = format!("{}{path}", server.base);
        let http = http.clone();
        async move { http.get(url).send().await.unwrap().text().await.unwrap() }
    };
    let preloaded = |html: &str| -> Vec<String> {
        let links = html
            .lines()
            .filter(|l| l.starts_with("<link rel=\"preload\"") && l.contains("as=\"fetch\""))
            .filter_map(|l| l.split('"').nth(3).map(str::to_string));
        let after_paint = html
            .lines()
            .filter_map(|l| l.trim().strip_prefix("for (const href of "))
            .flat_map(|l| l.split('"').skip(1).step_by(2).map(str::to_string));
        links
            .chain(after_paint)
            .filter(|href| !href.starts_with("/pkg/cherga."))
            .collect()
    };
    assert!(preloaded(&page("/").await).is_empty());
    let mut seen = Vec::new();
    for path in [
        "/services/passport-lost-stolen",
        "/book/passport-lost-stolen/office",
        "/tickets",
    ] {
        let chunks = preloaded(&page(path).await);
        assert!(!chunks.is_empty(), "{path} preloads no chunk");
        for chunk in &chunks {
            let r = http
                .get(format!("{}{chunk}", server.base))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200, "{chunk}");
            assert_eq!(r.headers()["content-type"], "application/wasm", "{chunk}");
        }
        seen.push(chunks);
    }
    // Three parts, three different sets of chunks.
    assert_ne!(seen[0], seen[1]);
    assert_ne!(seen[1], seen[2]);
}
