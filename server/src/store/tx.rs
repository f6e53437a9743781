//! The statements of a write, over either driver: sqlx on PostgreSQL (and on
//! SQLite's readers), rusqlite on SQLite's single writer (`lite.rs`), where a
//! statement is a call on the writer's own thread instead of a round trip to
//! sqlx's worker thread. Both run the same SQL with `$N` parameters, so the
//! booking code that decides what to write exists once.

use super::error::StoreError;
use sqlx::{AnyConnection, Row};
use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// A boxed future borrowing the connection.
pub(crate) type ConnFuture<'c, T> = Pin<Box<dyn Future<Output = T> + Send + 'c>>;

/// A storage failure, logged here once (the message holds no personal data:
/// queries bind their values), answered as an internal error; or, if the
/// database gave up waiting (a lock, a statement, the pool), as busy.
pub(crate) fn internal(e: impl Failure) -> StoreError {
    if e.is_busy() {
        tracing::warn!(error = %e, "storage busy");
        return StoreError::Busy;
    }
    tracing::error!(error = %e, "storage failure");
    StoreError::Failed
}

/// What storage can fail with.
pub(crate) trait Failure: fmt::Display {
    /// True if the database gave up waiting rather than failed: the same
    /// request may succeed a moment later.
    fn is_busy(&self) -> bool {
        false
    }
}

impl Failure for DbError {
    fn is_busy(&self) -> bool {
        matches!(self, DbError::Busy(_))
    }
}

impl Failure for sqlx::Error {
    fn is_busy(&self) -> bool {
        gave_up_waiting(self)
    }
}

impl Failure for String {}
impl Failure for &str {}
impl Failure for rusqlite::Error {}
impl Failure for std::io::Error {}
impl Failure for tokio::task::JoinError {}
impl Failure for sqlx::migrate::MigrateError {}

/// PostgreSQL's answers when a wait ran out: `lock_timeout` (55P03),
/// `statement_timeout` (57014); or no connection free in the pool in time.
fn gave_up_waiting(e: &sqlx::Error) -> bool {
    match e {
        sqlx::Error::PoolTimedOut => true,
        _ => e
            .as_database_error()
            .and_then(|d| d.code())
            .is_some_and(|code| matches!(&*code, "55P03" | "57014")),
    }
}

/// A bound value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Arg {
    /// Text.
    Text(String),
    /// Text or NULL.
    MaybeText(Option<String>),
    /// An integer.
    Int(i64),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}

impl From<Option<String>> for Arg {
    fn from(s: Option<String>) -> Self {
        Arg::MaybeText(s)
    }
}

impl From<i64> for Arg {
    fn from(i: i64) -> Self {
        Arg::Int(i)
    }
}

/// The arguments of a statement, `$1` first.
macro_rules! args {
    ($($a:expr),* $(,)?) => { vec![$($crate::store::tx::Arg::from($a)),*] };
}
pub(crate) use args;

/// A column's value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Value {
    /// NULL.
    Null,
    /// An integer.
    Int(i64),
    /// Text.
    Text(String),
}

/// A row read, its columns in the order the query names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DbRow(pub(super) Vec<Value>);

impl DbRow {
    fn value(&self, i: usize) -> Result<&Value, StoreError> {
        self.0
            .get(i)
            .ok_or_else(|| internal(format!("no column {i}")))
    }

    /// Column `i` as text.
    pub(crate) fn text(&self, i: usize) -> Result<String, StoreError> {
        match self.value(i)? {
            Value::Text(s) => Ok(s.clone()),
            other => Err(internal(format!("column {i}: text expected, {other:?}"))),
        }
    }

    /// Column `i` as text or NULL.
    pub(crate) fn maybe_text(&self, i: usize) -> Result<Option<String>, StoreError> {
        match self.value(i)? {
            Value::Text(s) => Ok(Some(s.clone())),
            Value::Null => Ok(None),
            Value::Int(_) => Err(internal(format!("column {i}: text expected"))),
        }
    }

    /// Column `i` as an integer or NULL.
    pub(crate) fn maybe_int(&self, i: usize) -> Result<Option<i64>, StoreError> {
        match self.value(i)? {
            Value::Int(n) => Ok(Some(*n)),
            Value::Null => Ok(None),
            Value::Text(_) => Err(internal(format!("column {i}: integer expected"))),
        }
    }

    /// Column `i` as an integer.
    pub(crate) fn int(&self, i: usize) -> Result<i64, StoreError> {
        self.maybe_int(i)?
            .ok_or_else(|| internal(format!("column {i}: NULL")))
    }
}

/// A failed statement. Its text is the database's message, which names
/// tables, columns and constraints but never a bound value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum DbError {
    /// A unique index refused the row (the message names it or its columns).
    Unique(String),
    /// The database was locked (only where no wait was asked for).
    Busy(String),
    /// Anything else.
    Other(String),
}

impl DbError {
    /// True if a unique index refused the row and the message names one of
    /// `names` (SQLite names an index's columns, PostgreSQL the index).
    pub(crate) fn is_unique_on(&self, names: &[&str]) -> bool {
        matches!(self, DbError::Unique(m) if names.iter().any(|n| m.contains(n)))
    }
}

impl fmt::Display for DbError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbError::Unique(m) => write!(f, "unique: {m}"),
            DbError::Busy(m) => write!(f, "busy: {m}"),
            DbError::Other(m) => f.write_str(m),
        }
    }
}

impl From<sqlx::Error> for DbError {
    fn from(e: sqlx::Error) -> Self {
        match e.as_database_error() {
            Some(d) if d.is_unique_violation() => {
                DbError::Unique(format!("{} {}", d.message(), d.constraint().unwrap_or("")))
            }
            _ if gave_up_waiting(&e) => DbError::Busy(e.to_string()),
            _ => DbError::Other(e.to_string()),
        }
    }
}

/// A connection inside a write transaction.
pub(crate) trait Tx: Send {
    /// True on PostgreSQL, where each statement is a round trip (a write may
    /// then put several into one).
    fn postgres(&self) -> bool {
        false
    }

    /// Runs a statement; answers how many rows it changed.
    fn exec<'a>(&'a mut self, sql: &'a str, args: Vec<Arg>)
        -> ConnFuture<'a, Result<u64, DbError>>;

    /// Runs a query; answers its rows.
    fn rows<'a>(
        &'a mut self,
        sql: &'a str,
        args: Vec<Arg>,
    ) -> ConnFuture<'a, Result<Vec<DbRow>, DbError>>;
}

fn sqlx_query(
    sql: &str,
    args: Vec<Arg>,
) -> sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments<'_>> {
    args.into_iter().fold(sqlx::query(sql), |q, a| match a {
        Arg::Text(s) => q.bind(s),
        Arg::MaybeText(s) => q.bind(s),
        Arg::Int(i) => q.bind(i),
    })
}

fn sqlx_value(row: &sqlx::any::AnyRow, i: usize) -> Result<Value, sqlx::Error> {
    use sqlx::any::AnyTypeInfoKind as Kind;
    use sqlx::ValueRef;
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    Ok(match raw.type_info().kind() {
        Kind::SmallInt => Value::Int(row.try_get::<i16, _>(i)?.into()),
        Kind::Integer => Value::Int(row.try_get::<i32, _>(i)?.into()),
        Kind::BigInt => Value::Int(row.try_get::<i64, _>(i)?),
        _ => Value::Text(row.try_get::<String, _>(i)?),
    })
}

impl Tx for AnyConnection {
    fn postgres(&self) -> bool {
        self.backend_name() == <sqlx::Postgres as sqlx::Database>::NAME
    }

    fn exec<'a>(
        &'a mut self,
        sql: &'a str,
        args: Vec<Arg>,
    ) -> ConnFuture<'a, Result<u64, DbError>> {
        Box::pin(async move {
            Ok(sqlx_query(sql, args)
                .execute(&mut *self)
                .await?
                .rows_affected())
        })
    }

    fn rows<'a>(
        &'a mut self,
        sql: &'a str,
        args: Vec<Arg>,
    ) -> ConnFuture<'a, Result<Vec<DbRow>, DbError>> {
        Box::pin(async move {
            let rows = sqlx_query(sql, args).fetch_all(&mut *self).await?;
            let mut out = Vec::with_capacity(rows.len());
            for row in &rows {
                let values = (0..row.len())
                    .map(|i| sqlx_value(row, i))
                    .collect::<Result<_, _>>()?;
                out.push(DbRow(values));
            }
            Ok(out)
        })
    }
}
