//! Staff accounts: added from the command line, signed in to with a
//! password checked outside any transaction. A sign-in try is counted under
//! its account's lock before the password is checked, so the limit holds for
//! tries arriving at once on every node.

use super::error::StoreError;
use super::tx::{args, internal, DbRow};
use super::Store;
use domain::office::staff::{Role, Tries};

/// An account as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    /// Random id.
    pub id: String,
    /// Login (lowercase).
    pub login: String,
    /// Role.
    pub role: Role,
    /// Office, none for a system administrator.
    pub office: Option<String>,
    /// The Argon2id PHC string.
    pub password_hash: String,
    /// Whether it may sign in.
    pub disabled: bool,
}

const COLUMNS: &str = "id, login, role, office_id, password_hash, disabled";

fn staff_row(r: &DbRow) -> Result<StaffRow, StoreError> {
    let role = r.text(2)?;
    Ok(StaffRow {
        id: r.text(0)?,
        login: r.text(1)?,
        role: Role::parse(&role).ok_or_else(|| internal(format!("staff role {role:?}")))?,
        office: r.maybe_text(3)?,
        password_hash: r.text(4)?,
        disabled: r.int(5)? != 0,
    })
}

impl Store {
    /// Adds account `row` made at `now`; `false` if its login is taken.
    pub async fn add_staff(&self, row: StaffRow, now: i64) -> Result<bool, StoreError> {
        let lock = format!("staff-login:{}", row.login);
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                let taken = tx
                    .rows("SELECT 1 FROM staff WHERE login = $1", args![&row.login])
                    .await
                    .map_err(internal)?;
                if !taken.is_empty() {
                    return Ok(false);
                }
                tx.exec(
                    "INSERT INTO staff (id, login, role, office_id, password_hash, disabled, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)",
                    args![
                        &row.id,
                        &row.login,
                        row.role.as_str(),
                        row.office.clone(),
                        &row.password_hash,
                        i64::from(row.disabled),
                        now
                    ],
                )
                .await
                .map_err(internal)?;
                Ok(true)
            })
        })
        .await
    }

    /// The account with `login`, if any.
    pub async fn staff_by_login(&self, login: &str) -> Result<Option<StaffRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM staff WHERE login = $1");
        let rows = self.read(&sql, args![login]).await?;
        rows.first().map(staff_row).transpose()
    }

    /// The account with `id`, if any (a session's staff member, read again
    /// on each request so that a disabled account stops at once).
    pub async fn staff_by_id(&self, id: &str) -> Result<Option<StaffRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM staff WHERE id = $1");
        let rows = self.lookup(&sql, args![id]).await?;
        rows.first().map(staff_row).transpose()
    }

    /// Every account, by office and login.
    pub async fn all_staff(&self) -> Result<Vec<StaffRow>, StoreError> {
        let sql = format!("SELECT {COLUMNS} FROM staff ORDER BY office_id, login");
        let rows = self.read(&sql, Vec::new()).await?;
        rows.iter().map(staff_row).collect()
    }

    /// Counts a sign-in try of account `id` before its password is checked:
    /// `reserve` sees the account's tries and gives the count to write, or
    /// refuses (locked).
    pub async fn reserve_sign_in<E, F>(
        &self,
        id: &str,
        reserve: F,
    ) -> Result<Result<(), E>, StoreError>
    where
        E: Send + 'static,
        F: FnOnce(Tries) -> Result<Tries, E> + Send + 'static,
    {
        let lock = format!("staff:{id}");
        let id = id.to_string();
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                let rows = tx
                    .rows(
                        "SELECT failures, locked_until FROM staff WHERE id = $1",
                        args![&id],
                    )
                    .await
                    .map_err(internal)?;
                let r = rows.first().ok_or_else(|| internal("staff row gone"))?;
                let tries = Tries {
                    failures: u32::try_from(r.int(0)?).unwrap_or(u32::MAX),
                    locked_until: Some(r.int(1)?).filter(|&t| t != 0),
                };
                let next = match reserve(tries) {
                    Ok(next) => next,
                    Err(e) => return Ok(Err(e)),
                };
                tx.exec(
                    "UPDATE staff SET failures = $2, locked_until = $3 WHERE id = $1",
                    args![
                        &id,
                        i64::from(next.failures),
                        next.locked_until.unwrap_or(0)
                    ],
                )
                .await
                .map_err(internal)?;
                Ok(Ok(()))
            })
        })
        .await
    }

    /// Clears account `id`'s count after a right password.
    pub async fn signed_in_staff(&self, id: &str) -> Result<(), StoreError> {
        let lock = format!("staff:{id}");
        let id = id.to_string();
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                tx.exec(
                    "UPDATE staff SET failures = 0, locked_until = 0 WHERE id = $1",
                    args![&id],
                )
                .await
                .map_err(internal)?;
                Ok(())
            })
        })
        .await
    }
}
