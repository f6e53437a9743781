//! Headless Chromium for the browser tests, driven through chromedriver.

use crate::{free_port, pdf, port_open, root, wait_until, Error, Process};
use fantoccini::{Client, ClientBuilder, Locator};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

/// Headless Chromium driven through chromedriver.
#[derive(Debug)]
pub struct Browser {
    /// The WebDriver client.
    pub client: Client,
    _driver: Process,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver and a fresh headless Chromium with a window of
    /// `width`×`height` CSS pixels.
    pub async fn start(width: u32, height: u32) -> Result<Browser, Error> {
        Self::start_with(width, height, true).await
    }

    /// As [`Browser::start`], with JavaScript on or off (off: what a page
    /// shows before, or without, the app).
    ///
    /// A start that fails is tried again with a new chromedriver on a new
    /// port, up to three times: on two busy cores chromedriver now and then
    /// resets the connection that asks for the session (CI, 5 Dec), and a
    /// port taken back between [`free_port`] and chromedriver's bind fails
    /// the same way. What the tests then do is never retried.
    pub async fn start_with(width: u32, height: u32, javascript: bool) -> Result<Browser, Error> {
        let mut tries = 0;
        loop {
            tries += 1;
            match Self::try_start(width, height, javascript).await {
                Ok(browser) => return Ok(browser),
                Err(e) if tries < 3 => {
                    eprintln!("browser start {tries} failed ({e}); starting again");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
                Err(e) => return Err(e),
            }
        }
    }

    async fn try_start(width: u32, height: u32, javascript: bool) -> Result<Browser, Error> {
        let port = free_port()?;
        let driver = Command::new("chromedriver")
            .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".into()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("cannot start chromedriver ({e}): apt-get install chromium chromium-driver")
            })?;
        let driver = Process(driver);
        wait_until(Duration::from_secs(20), "chromedriver", || async move {
            port_open(port)
        })
        .await?;
        let profile = tempfile::tempdir()?;
        let args = [
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            // A camera that shows a test pattern, allowed without a prompt.
            "--use-fake-device-for-media-stream".into(),
            "--use-fake-ui-for-media-stream".into(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": args,
                "prefs": { "profile.managed_default_content_settings.javascript": if javascript { 1 } else { 2 } },
            }),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        Ok(Browser {
            client,
            _driver: driver,
            _profile: profile,
        })
    }

    /// Opens `url` and waits until the app has started: the copy of the page
    /// the server pre-rendered (catalog, cards) is gone, so what a test finds
    /// and types into is the app's own.
    pub async fn open(&self, url: &str) -> Result<(), Error> {
        self.client.goto(url).await?;
        self.wait_for_app().await
    }

    /// Reloads the page and waits until the app has started again.
    pub async fn reload(&self) -> Result<(), Error> {
        self.client.refresh().await?;
        self.wait_for_app().await
    }

    /// Waits until the app has replaced the pre-rendered copy, if the page had one.
    pub async fn wait_for_app(&self) -> Result<(), Error> {
        let client = &self.client;
        wait_until(Duration::from_secs(30), "the app to start", || async move {
            matches!(
                client.find_all(Locator::Css("#prerender")).await,
                Ok(found) if found.is_empty()
            )
        })
        .await
    }

    /// Waits until `css` matches at least `n` elements.
    pub async fn wait_for_count(&self, css: &str, n: usize) -> Result<(), Error> {
        let client = &self.client;
        wait_until(Duration::from_secs(30), css, || async move {
            client
                .find_all(Locator::Css(css))
                .await
                .map(|v| v.len() >= n)
                .unwrap_or(false)
        })
        .await
    }

    /// Waits until the text of the first match of `css` contains `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> Result<(), Error> {
        let client = &self.client;
        wait_until(Duration::from_secs(30), text, || async move {
            match client.find(Locator::Css(css)).await {
                Ok(e) => e.text().await.map(|t| t.contains(text)).unwrap_or(false),
                Err(_) => false,
            }
        })
        .await
    }

    /// Clicks the first match of `css` once it is there.
    pub async fn click(&self, css: &str) -> Result<(), Error> {
        self.wait_for_count(css, 1).await?;
        self.client.find(Locator::Css(css)).await?.click().await?;
        Ok(())
    }

    /// Types `text` into the field `css`.
    pub async fn fill(&self, css: &str, text: &str) -> Result<(), Error> {
        self.wait_for_count(css, 1).await?;
        let field = self.client.find(Locator::Css(css)).await?;
        field.clear().await?;
        // Clearing fires no input event; a typed key and a backspace (WebDriver
        // U+E003) do, so the app sees the field empty.
        let keys = if text.is_empty() { "a\u{E003}" } else { text };
        field.send_keys(keys).await?;
        Ok(())
    }

    /// Waits until the address's path (and fragment) contains `part`.
    pub async fn wait_for_url(&self, part: &str) -> Result<String, Error> {
        let client = &self.client;
        wait_until(Duration::from_secs(30), part, || async move {
            client
                .current_url()
                .await
                .map(|u| u.as_str().contains(part))
                .unwrap_or(false)
        })
        .await?;
        Ok(self.client.current_url().await?.to_string())
    }

    /// Waits until the attribute `attr` of the first match of `css` is `value`.
    pub async fn wait_for_attr(&self, css: &str, attr: &str, value: &str) -> Result<(), Error> {
        let client = &self.client;
        wait_until(Duration::from_secs(30), value, || async move {
            match client.find(Locator::Css(css)).await {
                Ok(e) => e.attr(attr).await.ok().flatten().as_deref() == Some(value),
                Err(_) => false,
            }
        })
        .await
    }

    /// The attribute `attr` of the first match of `css`.
    pub async fn attr(&self, css: &str, attr: &str) -> Result<String, Error> {
        self.wait_for_count(css, 1).await?;
        let element = self.client.find(Locator::Css(css)).await?;
        Ok(element.attr(attr).await?.unwrap_or_default())
    }

    /// Saves a screenshot under `target/e2e/NAME.png` to look at.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf, Error> {
        let dir = root().join("target/e2e");
        std::fs::create_dir_all(&dir)?;
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, self.client.screenshot().await?)?;
        Ok(path)
    }

    /// Prints the page on A4 (as the browser's print dialog would, with the
    /// print styles) to `target/e2e/NAME.pdf`; returns the number of pages.
    pub async fn print(&self, name: &str) -> Result<usize, Error> {
        use fantoccini::wd::{PrintConfiguration, PrintSize};
        let config = PrintConfiguration::builder()
            .size(PrintSize::A4)
            .build()
            .map_err(|e| format!("print settings: {e}"))?;
        let pdf = self.client.print(config).await?;
        let dir = root().join("target/e2e");
        std::fs::create_dir_all(&dir)?;
        std::fs::write(dir.join(format!("{name}.pdf")), &pdf)?;
        Ok(pdf::pages(&pdf))
    }

    /// Closes the browser session.
    pub async fn close(self) -> Result<(), Error> {
        self.client.clone().close().await?;
        Ok(())
    }
}

/// ChromeDriver's `goog/cdp/execute`: `Page.addScriptToEvaluateOnNewDocument`.
#[derive(Debug)]
struct BeforeEachPage(String);

impl fantoccini::wd::WebDriverCompatibleCommand for BeforeEachPage {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({
            "cmd": "Page.addScriptToEvaluateOnNewDocument",
            "params": { "source": self.0 },
        });
        (http::Method::POST, Some(body.to_string()))
    }
}

impl Browser {
    /// Runs `script` in every page opened from now on, before the page's own
    /// scripts (a stand-in for what headless Chromium lacks).
    pub async fn before_each_page(&self, script: &str) -> Result<(), Error> {
        self.client
            .issue_cmd(BeforeEachPage(script.to_string()))
            .await?;
        Ok(())
    }
}
