//! Helpers for the browser tests: start the release `cherga` on a free port and
//! a headless Chromium through chromedriver, and stop both even when a test fails.
//!
//! The browser tests need a release build (`scripts/build.sh`) and
//! Debian's `chromium` and `chromium-driver`; `scripts/test.sh` provides both and
//! runs them once per test run.

mod browser;
pub mod keys;
pub mod pdf;

pub use browser::Browser;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Something went wrong setting up a browser test; the message says what to do.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub(crate) fn free_port() -> Result<u16, Error> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// A child process killed on drop.
#[derive(Debug)]
pub struct Process(Child);

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Polls `probe` every 50 ms until it answers true or `limit` passes.
pub async fn wait_until<F, Fut>(limit: Duration, what: &str, mut probe: F) -> Result<(), Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    while start.elapsed() < limit {
        if probe().await {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(format!("timed out after {limit:?} waiting for {what}").into())
}

pub(crate) fn port_open(port: u16) -> bool {
    std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
}

/// The release server on a free port.
#[derive(Debug)]
pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    process: Option<Process>,
    _db: tempfile::TempDir,
}

impl Server {
    /// Starts `target/release/cherga serve` on the built site, the shipped data
    /// and a fresh SQLite file.
    pub async fn start() -> Result<Server, Error> {
        Self::start_with(&[]).await
    }

    /// As [`Server::start`], with more arguments for `serve` (e.g. `--smtp`).
    pub async fn start_with(args: &[&str]) -> Result<Server, Error> {
        let root = root();
        let bin = root.join("target/release/cherga");
        let site = root.join("target/site");
        if !bin.exists() || !site.join("pkg").exists() {
            return Err("no release build: run scripts/build.sh (scripts/test.sh does)".into());
        }
        let port = free_port()?;
        let db = tempfile::tempdir()?;
        let child = Command::new(bin)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--site-root")
            .arg(&site)
            .arg("--data-dir")
            .arg(root.join("data"))
            .arg("--db")
            .arg(format!(
                "sqlite://{}",
                db.path().join("cherga.sqlite").display()
            ))
            .args(args)
            .env("CHERGA_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()?;
        let process = Process(child);
        wait_until(
            Duration::from_secs(20),
            "the server to listen",
            || async move { port_open(port) },
        )
        .await?;
        Ok(Server {
            base: format!("http://127.0.0.1:{port}"),
            process: Some(process),
            _db: db,
        })
    }
}

impl Server {
    /// Stops the server: for the browser, the network is gone.
    pub fn stop(&mut self) {
        self.process = None;
    }
}
