//! Staff accounts: adding one (`cherga staff add`) and signing in with a
//! password. Passwords are kept only as Argon2id PHC strings (RustCrypto's
//! `argon2`, its default parameters: 19 MiB, 2 passes, 1 lane, OWASP's
//! recommendation); the hashing runs on a blocking thread, never inside a
//! transaction, and an unknown login costs the same time as a known one.

use crate::store::{StaffRow, Store, StoreError};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Utc};
use domain::catalog::{Catalog, OfficeId};
use domain::office::staff::{self, Role, SignInRule, Staff};
use domain::office::OfficeError;

/// Why a staff operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StaffFailure {
    /// Refused by a rule (its message is the user's).
    #[error("{0}")]
    Refused(#[from] OfficeError),
    /// No such office in the catalog.
    #[error("no office {0:?} in the catalog")]
    NoOffice(String),
    /// An officer's or an office administrator's account without its office.
    #[error("an account of role {0} needs an office (--office)")]
    NeedsOffice(&'static str),
    /// A system administrator's account given an office.
    #[error("a sysadmin has no office: leave out --office")]
    NoOfficeForRole,
    /// The login is taken.
    #[error("the login {0:?} is taken")]
    LoginTaken(String),
    /// Storage failed or is busy (logged where it happened).
    #[error("storage: {0:?}")]
    Store(#[from] StoreError),
    /// Hashing or randomness failed (logged where it happened).
    #[error("internal error")]
    Internal,
}

/// Argon2id PHC string of `password` with a fresh 128-bit salt.
pub fn hash_password(password: &str) -> Result<String, StaffFailure> {
    let salt_bytes = super::secrets::random::<16>().map_err(|_| StaffFailure::Internal)?;
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| {
        tracing::error!(error = %e, "encoding a salt");
        StaffFailure::Internal
    })?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| {
            tracing::error!(error = %e, "hashing a password");
            StaffFailure::Internal
        })
}

/// Whether `password` matches the PHC string `hash` (a malformed hash
/// matches nothing).
fn password_matches(hash: &str, password: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|h| {
        Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok()
    })
}

/// A hash to check unknown logins against, so they take as long.
fn decoy() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password never set").unwrap_or_default())
}

/// [`password_matches`] on a blocking thread.
async fn check(hash: String, password: String) -> Result<bool, StaffFailure> {
    tokio::task::spawn_blocking(move || password_matches(&hash, &password))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "password check task");
            StaffFailure::Internal
        })
}

/// Adds an account: `login` and `password` checked by the domain's rules,
/// the office by the catalog.
pub async fn add(
    store: &Store,
    catalog: &Catalog,
    login: &str,
    role: Role,
    office: Option<&str>,
    password: &str,
    now: DateTime<Utc>,
) -> Result<StaffRow, StaffFailure> {
    let login = staff::login(login)?;
    staff::password_ok(password)?;
    let office = match (role.has_office(), office) {
        (true, None) => return Err(StaffFailure::NeedsOffice(role.as_str())),
        (false, Some(_)) => return Err(StaffFailure::NoOfficeForRole),
        (_, Some(id)) if catalog.office(&OfficeId(id.into())).is_none() => {
            return Err(StaffFailure::NoOffice(id.into()))
        }
        (_, office) => office.map(str::to_string),
    };
    let password = password.to_string();
    let password_hash = tokio::task::spawn_blocking(move || hash_password(&password))
        .await
        .map_err(|_| StaffFailure::Internal)??;
    let row = StaffRow {
        id: super::secrets::random_id().map_err(|_| StaffFailure::Internal)?,
        login: login.clone(),
        role,
        office,
        password_hash,
        disabled: false,
    };
    if store.add_staff(row.clone(), now.timestamp()).await? {
        Ok(row)
    } else {
        Err(StaffFailure::LoginTaken(login))
    }
}

/// Records in the audit trail a sign-in's outcome, `event`, of account
/// `row` (none: a login no account has).
async fn record(
    store: &Store,
    row: Option<&StaffRow>,
    event: &'static str,
    now: DateTime<Utc>,
) -> Result<(), StaffFailure> {
    let id = super::secrets::ordered_id(now).map_err(|_| StaffFailure::Internal)?;
    store
        .record_staff_event(crate::store::NewStaffEvent {
            id,
            at: now.timestamp(),
            staff: row.map(|r| r.id.clone()),
            office: row.and_then(|r| r.office.clone()),
            event,
            detail: None,
        })
        .await?;
    Ok(())
}

/// Signs in with `login` and `password` at `now`: the staff member, or
/// `WrongCredentials` (whichever was wrong), or `Locked` after too many
/// wrong tries of the account. Each outcome goes to the audit trail.
pub async fn sign_in(
    store: &Store,
    rule: SignInRule,
    login: &str,
    password: &str,
    now: DateTime<Utc>,
) -> Result<Staff, StaffFailure> {
    let found = match staff::login(login) {
        Ok(login) => store.staff_by_login(&login).await?,
        Err(_) => None,
    };
    let Some(row) = found.as_ref().filter(|r| !r.disabled) else {
        check(decoy().to_string(), password.to_string()).await?;
        record(store, found.as_ref(), "signin_failed", now).await?;
        return Err(OfficeError::WrongCredentials.into());
    };
    let at = now.timestamp();
    let reserved = store
        .reserve_sign_in(&row.id, move |tries| rule.reserve(tries, at))
        .await?;
    if let Err(locked) = reserved {
        record(store, Some(row), "signin_locked", now).await?;
        return Err(locked.into());
    }
    if !check(row.password_hash.clone(), password.to_string()).await? {
        record(store, Some(row), "signin_failed", now).await?;
        return Err(OfficeError::WrongCredentials.into());
    }
    store.signed_in_staff(&row.id).await?;
    record(store, Some(row), "signin", now).await?;
    let row = row.clone();
    Ok(Staff {
        id: row.id,
        role: row.role,
        office: row.office.map(OfficeId),
    })
}
