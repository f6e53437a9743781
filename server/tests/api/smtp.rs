//! The tests' SMTP server: aiosmtpd on loopback (`smtp_sink.py`, installed
//! by `scripts/setup.sh --test`), started and stopped by the test. Shared by
//! the server's tests and the browser tests (`#[path]`: both crates sit
//! beside each other in the workspace).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// The workspace's root (the parent of either test crate).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// The Python that has aiosmtpd (`.tools/py`, else the machine's).
fn python() -> PathBuf {
    let venv = root().join(".tools/py/bin/python");
    if venv.exists() {
        venv
    } else {
        PathBuf::from("python3")
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// An SMTP server on loopback keeping what it receives.
pub struct SmtpSink {
    child: Child,
    dir: tempfile::TempDir,
    /// `smtp://127.0.0.1:PORT`.
    pub url: String,
}

impl SmtpSink {
    /// Starts the server; with `fail` = (n, code), the first n recipients
    /// are answered `code`.
    pub fn start(fail: Option<(u32, u16)>) -> SmtpSink {
        let dir = tempfile::tempdir().unwrap();
        let port = free_port();
        let script = root().join("server/tests/api/smtp_sink.py");
        let mut cmd = Command::new(python());
        cmd.arg(script).arg(port.to_string()).arg(dir.path());
        if let Some((n, code)) = fail {
            cmd.args([
                "--fail-first",
                &n.to_string(),
                "--fail-code",
                &code.to_string(),
            ]);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("the tests' SMTP server (scripts/setup.sh --test installs aiosmtpd)");
        let mut ready = String::new();
        use std::io::BufRead;
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut ready)
            .unwrap();
        assert_eq!(ready.trim(), "ready", "the SMTP server did not start");
        SmtpSink {
            child,
            dir,
            url: format!("smtp://127.0.0.1:{port}"),
        }
    }

    /// The messages received so far, in order.
    pub fn messages(&self) -> Vec<Value> {
        let mut files: Vec<_> = std::fs::read_dir(self.dir.path())
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    }

    /// Waits (up to 20 s) until `n` messages have arrived; returns them.
    pub async fn wait_for(&self, n: usize) -> Vec<Value> {
        for _ in 0..400 {
            let got = self.messages();
            if got.len() >= n {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("{n} messages expected, got {:?}", self.messages());
    }
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        // Closing its input stops it; kill in case it hangs.
        drop(self.child.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
