//! `cherga staff`: staff accounts from the command line. The password is
//! read from a prompt (without echo) or from standard input, never from a
//! flag (flags show in the process list and the shell's history).

use super::{DataArgs, DbArgs};
use crate::service::staff::{self, StaffFailure};
use crate::ServerError;
use clap::{Args, Subcommand};
use domain::office::staff::Role;
use domain::{Lang, Localized};
use std::io::{BufRead, IsTerminal};

/// Flags of `staff`.
#[derive(Debug, Clone, Args)]
pub struct StaffArgs {
    /// What to do.
    #[command(subcommand)]
    pub command: StaffCommand,
}

/// `staff` subcommands.
#[derive(Debug, Clone, Subcommand)]
pub enum StaffCommand {
    /// Add an account; its password is asked for (or read from standard
    /// input when that is not a terminal: the first line).
    Add(AddArgs),
    /// List the accounts (login, role, office).
    List(DbArgs),
    /// The demo's accounts: for each office of the catalog without staff,
    /// `officer.OFFICE` and `admin.OFFICE` with random passwords, printed
    /// once (`scripts/run.sh` runs it).
    Demo(DemoArgs),
}

/// Flags of `staff demo`.
#[derive(Debug, Clone, Args)]
pub struct DemoArgs {
    /// The database.
    #[command(flatten)]
    pub db: DbArgs,
    /// The catalog, if the database holds none yet.
    #[command(flatten)]
    pub data: DataArgs,
}

/// Flags of `staff add`.
#[derive(Debug, Clone, Args)]
pub struct AddArgs {
    /// The login: 3–32 of a-z, 0-9, `.`, `_`, `-`, starting with a letter.
    #[arg(long)]
    pub login: String,
    /// `officer` (the windows of one office), `admin` (one office) or
    /// `sysadmin` (every office).
    #[arg(long, value_parser = parse_role)]
    pub role: Role,
    /// The office's id in the catalog (not for `sysadmin`).
    #[arg(long)]
    pub office: Option<String>,
    /// The database.
    #[command(flatten)]
    pub db: DbArgs,
    /// The catalog, if the database holds none yet.
    #[command(flatten)]
    pub data: DataArgs,
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text.trim()).ok_or_else(|| format!("{text:?}: use officer, admin or sysadmin"))
}

/// The password: asked twice at a terminal, else the first line of stdin.
fn read_password() -> Result<String, ServerError> {
    let failed = |e: std::io::Error| ServerError::Startup(format!("reading the password: {e}"));
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ").map_err(failed)?;
        let again = rpassword::prompt_password("Again: ").map_err(failed)?;
        if first != again {
            return Err(ServerError::Refused("the two passwords differ".into()));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(failed)?;
        Ok(line.trim_end_matches(['\n', '\r']).to_string())
    }
}

/// The catalog the accounts' offices are checked against: the stored one,
/// else the one in `data`.
async fn catalog(
    store: &crate::store::Store,
    data: &DataArgs,
) -> Result<domain::catalog::Catalog, ServerError> {
    match store.load_catalog().await? {
        Some((file, _, _)) => file
            .check()
            .map_err(|e| ServerError::Startup(format!("the stored catalog: {e:?}"))),
        None => Ok(crate::data::load(&data.data_dir)?.catalog),
    }
}

/// A password of 16 letters and digits from the CSPRNG (about 82 bits),
/// in groups of four: `k7mq-2xwp-…`.
fn demo_password() -> Result<String, ServerError> {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let bytes = crate::service::secrets::random::<16>()
        .map_err(|_| ServerError::Startup("no randomness".into()))?;
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(*b) % ALPHABET.len()]))
        .collect();
    Ok(chars
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

/// `staff demo`.
async fn demo(args: DemoArgs) -> Result<(), ServerError> {
    let store = crate::open_store(&args.db).await?;
    let catalog = catalog(&store, &args.data).await?;
    let staffed: std::collections::BTreeSet<String> = store
        .all_staff()
        .await
        .map_err(|_| ServerError::Startup("reading the staff".into()))?
        .into_iter()
        .filter_map(|r| r.office)
        .collect();
    let now = chrono::Utc::now();
    let mut made = Vec::new();
    for office in catalog
        .offices()
        .iter()
        .filter(|o| !staffed.contains(&o.id.0))
    {
        for role in [Role::Officer, Role::Admin] {
            let login = format!("{}.{}", role.as_str(), office.id.0);
            let password = demo_password()?;
            let added = staff::add(
                &store,
                &catalog,
                &login,
                role,
                Some(&office.id.0),
                &password,
                now,
            )
            .await;
            match added {
                Ok(_) => made.push((login, password)),
                Err(e) => return Err(ServerError::Refused(format!("{login}: {e}"))),
            }
        }
    }
    if !made.is_empty() {
        println!("Demo staff accounts (their passwords are shown this once):");
        for (login, password) in made {
            println!("  {login:<36} {password}");
        }
    }
    Ok(())
}

/// Runs a `staff` subcommand.
pub async fn run(args: StaffArgs) -> Result<(), ServerError> {
    match args.command {
        StaffCommand::Add(add) => {
            let store = crate::open_store(&add.db).await?;
            let catalog = catalog(&store, &add.data).await?;
            let password = read_password()?;
            let now = chrono::Utc::now();
            match staff::add(
                &store,
                &catalog,
                &add.login,
                add.role,
                add.office.as_deref(),
                &password,
                now,
            )
            .await
            {
                Ok(row) => {
                    println!(
                        "ok: {} ({}{})",
                        row.login,
                        row.role.as_str(),
                        row.office.map(|o| format!(", {o}")).unwrap_or_default()
                    );
                    Ok(())
                }
                Err(StaffFailure::Refused(e)) => Err(ServerError::Refused(e.message(Lang::En))),
                Err(e @ StaffFailure::Store(_) | e @ StaffFailure::Internal) => {
                    Err(ServerError::Startup(e.to_string()))
                }
                Err(e) => Err(ServerError::Refused(e.to_string())),
            }
        }
        StaffCommand::Demo(args) => demo(args).await,
        StaffCommand::List(db) => {
            let store = crate::open_store(&db).await?;
            let rows = store
                .all_staff()
                .await
                .map_err(|_| ServerError::Startup("reading the staff".into()))?;
            for r in rows {
                println!(
                    "{:<32} {:<9} {}{}",
                    r.login,
                    r.role.as_str(),
                    r.office.unwrap_or_else(|| "-".into()),
                    if r.disabled { " (disabled)" } else { "" }
                );
            }
            Ok(())
        }
    }
}
