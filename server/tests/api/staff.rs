//! Staff accounts: `cherga staff add` and `staff list` as an operator runs
//! them, the password kept only as Argon2id, and sign-in with its per-account
//! limit held across nodes.

use crate::common::{fresh_pg_schema, now, repo_data, second_node, spawn_app, Db, Options};
use domain::office::staff::{Role, SignInRule};
use domain::office::OfficeError;
use server::service::staff::{self, StaffFailure};
use std::io::Write;
use std::process::{Command, Output, Stdio};

const PODIL: &str = "kyiv-podilskyi";
const PASSWORD: &str = "ранок на Подолі 2026";

/// Runs `cherga staff ARGS --db URL` with `stdin` as its input.
pub(crate) fn cherga_staff(url: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cherga"))
        .args(["--log", "warn", "staff"])
        .args(args)
        .args(["--db", url])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cherga starts");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).unwrap();
    }
    child.wait_with_output().unwrap()
}

pub(crate) fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

async fn the_command_line_adds_and_lists_accounts(db: Db) {
    let dir = tempfile::tempdir().unwrap();
    let url = match db {
        Db::Sqlite => format!("sqlite://{}", dir.path().join("staff.sqlite").display()),
        Db::Postgres => fresh_pg_schema().await,
    };
    let add = |login: &str, role: &str, office: Option<&str>, password: &str| {
        let data = repo_data().display().to_string();
        let mut args = vec!["add", "--login", login, "--role", role, "--data-dir", &data];
        if let Some(o) = office {
            args.extend(["--office", o]);
        }
        cherga_staff(&url, &args, &format!("{password}\n"))
    };
    let ok = add("Olena.K", "officer", Some(PODIL), PASSWORD);
    assert!(ok.status.success(), "{}", text(&ok));
    assert!(text(&ok).contains("ok: olena.k (officer, kyiv-podilskyi)"));
    assert!(!text(&ok).contains(PASSWORD));
    assert!(add("root", "sysadmin", None, "another long secret")
        .status
        .success());
    // Refused, each with its reason, and nothing written.
    for (out, says) in [
        (add("olena.k", "admin", Some(PODIL), PASSWORD), "taken"),
        (
            add("petro", "officer", Some("atlantis"), PASSWORD),
            "no office",
        ),
        (add("petro", "officer", None, PASSWORD), "needs an office"),
        (
            add("petro", "sysadmin", Some(PODIL), PASSWORD),
            "sysadmin has no office",
        ),
        (add("petro", "officer", Some(PODIL), "short"), "12 to 128"),
        (
            add("1petro", "officer", Some(PODIL), PASSWORD),
            "starting with a letter",
        ),
        (
            add("petro", "chief", Some(PODIL), PASSWORD),
            "officer, admin or sysadmin",
        ),
    ] {
        assert!(!out.status.success(), "{says}: {}", text(&out));
        assert!(text(&out).contains(says), "{says}: {}", text(&out));
    }
    let list = cherga_staff(&url, &["list"], "");
    assert!(list.status.success(), "{}", text(&list));
    let listed = String::from_utf8_lossy(&list.stdout).to_string();
    let lines: Vec<&str> = listed.lines().collect();
    assert_eq!(lines.len(), 2, "{listed}");
    assert!(listed.contains("olena.k") && listed.contains("root"));
    assert!(!listed.contains("petro"));
    // Only the Argon2id string is kept, and it opens with the password.
    let store = server::open_store(&server::cli::DbArgs {
        db: url.clone(),
        ..Default::default()
    })
    .await
    .unwrap();
    let row = store.staff_by_login("olena.k").await.unwrap().unwrap();
    assert!(row
        .password_hash
        .starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    assert!(!row.password_hash.contains(PASSWORD));
    assert_eq!(
        (row.role, row.office.as_deref()),
        (Role::Officer, Some(PODIL))
    );
    let me = staff::sign_in(&store, SignInRule::default(), "OLENA.K", PASSWORD, now())
        .await
        .unwrap();
    assert_eq!(me.office.map(|o| o.0).as_deref(), Some(PODIL));
}

#[tokio::test]
async fn the_command_line_adds_and_lists_accounts_sqlite() {
    the_command_line_adds_and_lists_accounts(Db::Sqlite).await;
}

#[tokio::test]
async fn the_command_line_adds_and_lists_accounts_postgres() {
    the_command_line_adds_and_lists_accounts(Db::Postgres).await;
}

async fn add_officer(app: &crate::common::TestApp, login: &str) {
    let catalog = server::data::load(&repo_data()).unwrap().catalog;
    let store = app.services.store();
    staff::add(
        store,
        &catalog,
        login,
        Role::Officer,
        Some(PODIL),
        PASSWORD,
        now(),
    )
    .await
    .unwrap();
}

fn refusal(r: Result<domain::office::staff::Staff, StaffFailure>) -> OfficeError {
    match r {
        Err(StaffFailure::Refused(e)) => e,
        other => panic!("refused expected: {other:?}"),
    }
}

async fn sign_in_says_nothing_of_which_was_wrong_and_locks(db: Db) {
    let app = spawn_app(db).await;
    add_officer(&app, "olena").await;
    let store = app.services.store();
    let rule = SignInRule::default();
    let sign_in = |login: &'static str, password: &'static str, at: i64| {
        staff::sign_in(
            store,
            rule,
            login,
            password,
            now() + chrono::Duration::seconds(at),
        )
    };
    assert!(sign_in("olena", PASSWORD, 0).await.is_ok());
    for (login, password) in [("olena", "wrong password!"), ("nobody", PASSWORD), ("", "")] {
        assert_eq!(
            refusal(sign_in(login, password, 0).await),
            OfficeError::WrongCredentials
        );
    }
    // A success clears the count: four wrong, one right, five wrong.
    for _ in 0..3 {
        refusal(sign_in("olena", "wrong password!", 1).await);
    }
    assert!(sign_in("olena", PASSWORD, 1).await.is_ok());
    for _ in 0..5 {
        assert_eq!(
            refusal(sign_in("olena", "wrong password!", 2).await),
            OfficeError::WrongCredentials
        );
    }
    // Locked, even with the right password, for 15 minutes.
    assert_eq!(
        refusal(sign_in("olena", PASSWORD, 2).await),
        OfficeError::Locked { seconds: 900 }
    );
    assert_eq!(
        refusal(sign_in("olena", PASSWORD, 901).await),
        OfficeError::Locked { seconds: 1 }
    );
    assert!(sign_in("olena", PASSWORD, 902).await.is_ok());
}

#[tokio::test]
async fn sign_in_says_nothing_of_which_was_wrong_and_locks_sqlite() {
    sign_in_says_nothing_of_which_was_wrong_and_locks(Db::Sqlite).await;
}

#[tokio::test]
async fn sign_in_says_nothing_of_which_was_wrong_and_locks_postgres() {
    sign_in_says_nothing_of_which_was_wrong_and_locks(Db::Postgres).await;
}

/// Sixty wrong passwords at once, half through each of two nodes: exactly
/// five are checked, the rest refused as locked, and the account is locked.
async fn guesses_at_once_get_five_checks(db: Db) {
    let one = spawn_app(db).await;
    let two = second_node(db, &one, Options::default()).await;
    add_officer(&one, "taras").await;
    let stores = [
        one.services.store().clone(),
        two.as_ref().unwrap_or(&one).services.store().clone(),
    ];
    let tasks: Vec<_> = (0..60)
        .map(|i| {
            let store = stores[i % 2].clone();
            tokio::spawn(async move {
                staff::sign_in(
                    &store,
                    SignInRule::default(),
                    "taras",
                    "not the password",
                    now(),
                )
                .await
            })
        })
        .collect();
    let (mut wrong, mut locked) = (0, 0);
    for t in tasks {
        match refusal(t.await.unwrap()) {
            OfficeError::WrongCredentials => wrong += 1,
            OfficeError::Locked { .. } => locked += 1,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!((wrong, locked), (5, 55));
    assert!(matches!(
        refusal(staff::sign_in(&stores[1], SignInRule::default(), "taras", PASSWORD, now()).await),
        OfficeError::Locked { .. }
    ));
}

#[tokio::test]
async fn guesses_at_once_get_five_checks_sqlite() {
    guesses_at_once_get_five_checks(Db::Sqlite).await;
}

#[tokio::test]
async fn guesses_at_once_get_five_checks_on_two_nodes_postgres() {
    guesses_at_once_get_five_checks(Db::Postgres).await;
}
