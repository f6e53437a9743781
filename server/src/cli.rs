//! Command-line flags; each also reads an environment variable.

use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

/// Cherga: the electronic queue for migration-service offices.
#[derive(Debug, Parser)]
#[command(name = "cherga", version, about)]
pub struct Cli {
    /// Log filter (tracing `EnvFilter` syntax), e.g. `info` or `server=debug,info`.
    #[arg(long, env = "CHERGA_LOG", default_value = "info", global = true)]
    pub log: String,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web app and its API.
    Serve(ServeArgs),
    /// Check the catalog and holiday files and print a summary.
    CheckData(DataArgs),
}

/// Where the data files are.
#[derive(Debug, Clone, Args)]
pub struct DataArgs {
    /// The folder holding `catalog.toml` and `holidays/YYYY.toml`.
    #[arg(long, env = "CHERGA_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
}

/// Flags of `serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// The address to listen on.
    #[arg(long, env = "LEPTOS_SITE_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// The built web app (HTML shell assets, `pkg/` with the WASM bundle).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// The data files.
    #[command(flatten)]
    pub data: DataArgs,
}
