//! `cherga`: the Cherga server.

use clap::Parser;
use server::cli::{Cli, Command};
use server::ServerError;
use std::process::ExitCode;

async fn run(command: Command) -> Result<(), ServerError> {
    match command {
        Command::Serve(args) => server::serve(*args).await,
        Command::Migrate(db) => {
            server::open_store(&db).await?;
            println!("ok: migrations applied");
            Ok(())
        }
        Command::ImportCatalog(args) => {
            let (d, version) = server::import_catalog(&args).await?;
            println!(
                "ok: imported {} services and {} offices as version {version}; \
                 running servers put it in force within seconds",
                d.catalog.services().len(),
                d.catalog.offices().len()
            );
            Ok(())
        }
        Command::Outbox(args) => {
            let store = server::open_store(&args.db).await?;
            let entries = store
                .outbox(args.limit)
                .await
                .map_err(|_| ServerError::Startup("reading the outbox".into()))?;
            println!("{}", server::outbox_table(&entries));
            Ok(())
        }
        Command::Staff(args) => server::cli::staff::run(args).await,
        Command::CheckData(args) => {
            let d = server::data::load(&args.data_dir)?;
            println!(
                "ok: {} services, {} offices, calendars for {:?}",
                d.catalog.services().len(),
                d.catalog.offices().len(),
                d.calendar.years().collect::<Vec<_>>()
            );
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    server::telemetry::init(&cli.log);
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("cherga: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cherga: {e}");
            ExitCode::FAILURE
        }
    }
}
