//! Cherga's browser build: `cargo xtask site` makes the app in `target/site`,
//! as the server serves it (`scripts/build.sh` builds the release server
//! beside it, at once).
//!
//! It does what the project used cargo-leptos for, through the libraries that
//! cargo-leptos itself uses for it (`wasm_split_cli_support`,
//! `wasm-bindgen-cli-support`, a brotli and a gzip encoder) and two tools from
//! npm (`wasm-opt` of binaryen, `esbuild`), so that a fresh machine compiles
//! nothing but the workspace's own dependencies:
//!
//! 1. the app for `wasm32-unknown-unknown` (profile `wasm-release`, feature
//!    `csr`, linked with `--emit-relocs`: see `.cargo/config.toml`);
//! 2. split into the main module and the parts loaded on demand (the
//!    `#[lazy]` functions of `app::pages::lazy`), with the loader script and
//!    the manifest of the chunks each part loads;
//! 3. wasm-bindgen's JS glue for the main module (`--target web`);
//! 4. `wasm-opt` over every WASM file, `esbuild` over the JS and the CSS;
//! 5. `public/` copied beside `pkg/`;
//! 6. every file in `pkg/` named by its content (`names`), so that browsers
//!    may keep it for a year;
//! 7. the office's screens (crate `office`, built with the app): their own
//!    WASM, glue and stylesheet, named by content (`office`);
//! 8. a `.br` and a `.gz` beside every file (`compress`).

mod compress;
mod front;
mod names;
mod office;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// What can go wrong, said in a sentence with its context.
pub type Result<T> = std::result::Result<T, String>;

/// Adds what was being done to an error.
pub trait Context<T> {
    /// `Err(e)` becomes `"{what}: {e}"`.
    fn context(self, what: impl FnOnce() -> String) -> Result<T>;
}

impl<T, E: std::fmt::Display> Context<T> for std::result::Result<T, E> {
    fn context(self, what: impl FnOnce() -> String) -> Result<T> {
        self.map_err(|e| format!("{}: {e}", what()))
    }
}

const USAGE: &str = "usage: cargo xtask site   the browser app, in target/site";

fn main() -> ExitCode {
    // The splitter says through `tracing` when it gives up on something
    // (a part's constants left in the main file): show its warnings.
    tracing_subscriber::fmt()
        .with_max_level(tracing_subscriber::filter::LevelFilter::WARN)
        .with_writer(std::io::stderr)
        .without_time()
        .init();
    let started = std::time::Instant::now();
    let done = match std::env::args().nth(1).as_deref() {
        Some("site") => front::site(&workspace_root()),
        _ => Err(USAGE.to_string()),
    };
    match done {
        Ok(()) => {
            let seconds = started.elapsed().as_secs_f64();
            eprintln!("xtask: target/site built in {seconds:.0} s");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The folder of the workspace's `Cargo.toml`.
fn workspace_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    here.parent().unwrap_or(here).to_path_buf()
}

/// `cargo` in the workspace's folder, the one that runs this task.
fn cargo(root: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root);
    command
}

/// Runs `command` and fails unless it succeeds.
fn run(command: &mut Command, what: &str) -> Result<()> {
    let status = command
        .status()
        .context(|| format!("could not start {what}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// A tool installed from npm by `scripts/setup.sh` into `.tools/`.
fn npm_tool(root: &Path, name: &str) -> Result<PathBuf> {
    let path = root.join(".tools/node_modules/.bin").join(name);
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "{} is missing: run scripts/setup.sh",
            path.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    /// A folder of its own under the system's temporary folder, removed when
    /// dropped (the build tool's tests need no crate for it).
    pub struct TempDir(PathBuf);

    impl TempDir {
        pub fn new(name: &str) -> Self {
            let path = std::env::temp_dir().join(format!("xtask-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&path);
            std::fs::create_dir_all(&path).unwrap();
            TempDir(path)
        }

        pub fn path(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
