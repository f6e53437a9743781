//! `cherga`: the Cherga server.

use clap::Parser;
use server::cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    server::telemetry::init(&cli.log);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!(error = %e, "cannot start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        match cli.command {
            Command::Serve(args) => server::serve(args).await,
            Command::CheckData(args) => server::data::load(&args.data_dir)
                .map(|d| {
                    println!(
                        "ok: {} services, {} offices, calendars for {:?}",
                        d.catalog.services().len(),
                        d.catalog.offices().len(),
                        d.calendar.years().collect::<Vec<_>>()
                    );
                })
                .map_err(server::ServerError::from),
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cherga: {e}");
            ExitCode::FAILURE
        }
    }
}
