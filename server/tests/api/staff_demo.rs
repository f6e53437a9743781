//! `cherga staff demo`: the demo's accounts, made and printed once.

use crate::common::{fresh_pg_schema, now, repo_data, Db};
use crate::staff::{cherga_staff, text};
use domain::office::staff::SignInRule;
use server::service::staff;

/// `staff demo` (the run command's first start): an officer and an
/// administrator for every office, their passwords printed once.
async fn the_demo_gets_its_accounts_once(db: Db) {
    let dir = tempfile::tempdir().unwrap();
    let url = match db {
        Db::Sqlite => format!("sqlite://{}", dir.path().join("demo.sqlite").display()),
        Db::Postgres => fresh_pg_schema().await,
    };
    let data = repo_data().display().to_string();
    let out = cherga_staff(&url, &["demo", "--data-dir", &data], "");
    assert!(out.status.success(), "{}", text(&out));
    let printed = String::from_utf8_lossy(&out.stdout).to_string();
    let accounts: Vec<(&str, &str)> = printed
        .lines()
        .skip(1)
        .filter_map(|l| l.trim().split_once(char::is_whitespace))
        .map(|(a, b)| (a, b.trim()))
        .collect();
    let catalog = server::data::load(&repo_data()).unwrap().catalog;
    assert_eq!(accounts.len(), 2 * catalog.offices().len(), "{printed}");
    assert!(accounts.iter().any(|(l, _)| *l == "officer.kyiv-podilskyi"));
    assert!(accounts.iter().all(|(_, p)| p.len() == 19), "{printed}");
    // The printed password signs in; the accounts are there once.
    let store = server::open_store(&server::cli::DbArgs {
        db: url.clone(),
        ..Default::default()
    })
    .await
    .unwrap();
    let (login, password) = accounts[0];
    assert!(
        staff::sign_in(&store, SignInRule::default(), login, password, now())
            .await
            .is_ok()
    );
    let again = cherga_staff(&url, &["demo", "--data-dir", &data], "");
    assert!(again.status.success());
    assert_eq!(String::from_utf8_lossy(&again.stdout), "");
}

#[tokio::test]
async fn the_demo_gets_its_accounts_once_sqlite() {
    the_demo_gets_its_accounts_once(Db::Sqlite).await;
}

#[tokio::test]
async fn the_demo_gets_its_accounts_once_postgres() {
    the_demo_gets_its_accounts_once(Db::Postgres).await;
}
