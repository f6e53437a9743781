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
    port: u16,
    db: tempfile::TempDir,
}

impl Server {
    /// Starts `target/release/cherga serve` on the built site, the shipped data
    /// and a fresh SQLite file.
    pub async fn start() -> Result<Server, Error> {
        Self::start_with(&[]).await
    }

    /// As [`Server::start`], with more arguments for `serve` (e.g. `--smtp`).
    pub async fn start_with(args: &[&str]) -> Result<Server, Error> {
        let site = root().join("target/site");
        if !bin().exists() || !site.join("pkg").exists() {
            return Err("no release build: run scripts/build.sh (scripts/test.sh does)".into());
        }
        let port = free_port()?;
        let mut server = Server {
            base: format!("http://127.0.0.1:{port}"),
            process: None,
            port,
            db: tempfile::tempdir()?,
        };
        server.restart_with(args).await?;
        Ok(server)
    }

    /// Stops the server and starts it again on the same port and database,
    /// with `args` for `serve`.
    pub async fn restart_with(&mut self, args: &[&str]) -> Result<(), Error> {
        self.stop();
        let port = self.port;
        let child = Command::new(bin())
            .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
            .arg("--site-root")
            .arg(root().join("target/site"))
            .args(self.db_args())
            .args(args)
            // Its own address in the links it gives (the payment sandbox's
            // callback and return among them), unless a test names another.
            .args(
                (!args.contains(&"--public-url"))
                    .then(|| {
                        [
                            "--public-url".to_string(),
                            format!("http://127.0.0.1:{port}"),
                        ]
                    })
                    .into_iter()
                    .flatten(),
            )
            .env("CHERGA_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()?;
        self.process = Some(Process(child));
        wait_until(
            Duration::from_secs(20),
            "the server to listen",
            || async move { port_open(port) },
        )
        .await
    }

    fn db_args(&self) -> Vec<String> {
        let data = root().join("data");
        let db = self.db.path().join("cherga.sqlite");
        vec![
            "--data-dir".into(),
            data.display().to_string(),
            "--db".into(),
            format!("sqlite://{}", db.display()),
        ]
    }

    /// Runs `cherga ARGS` on the server's database (its catalog too), with
    /// `stdin` as its input; its output, or what went wrong.
    pub fn cli(&self, args: &[&str], stdin: &str) -> Result<String, Error> {
        use std::io::Write;
        let mut child = Command::new(bin())
            .args(args)
            .args(self.db_args())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        if let Some(mut input) = child.stdin.take() {
            input.write_all(stdin.as_bytes())?;
        }
        let out = child.wait_with_output()?;
        if out.status.success() {
            Ok(String::from_utf8_lossy(&out.stdout).into_owned())
        } else {
            Err(format!("cherga {args:?}: {}", String::from_utf8_lossy(&out.stderr)).into())
        }
    }
}

/// The release `cherga`.
fn bin() -> PathBuf {
    root().join("target/release/cherga")
}

impl Server {
    /// Stops the server: for the browser, the network is gone.
    pub fn stop(&mut self) {
        self.process = None;
    }
}
