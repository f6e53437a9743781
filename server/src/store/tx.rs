//! The statements of a write, over either driver: sqlx on PostgreSQL (and on
//! SQLite's readers), rusqlite on SQLite's single writer, where a statement is
//! a call on the writer's own thread instead of a round trip to sqlx's worker
//! thread. Both run the same SQL with `$N` parameters, so the booking code
//! that decides what to write exists once.

use super::rows::internal;
use super::writer::ConnFuture;
use app::api::ApiError;
use sqlx::{AnyConnection, Row};
use std::fmt;

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
pub(crate) struct DbRow(Vec<Value>);

impl DbRow {
    #[cfg(test)]
    pub(crate) fn from_values(values: Vec<Value>) -> Self {
        DbRow(values)
    }

    fn value(&self, i: usize) -> Result<&Value, ApiError> {
        self.0
            .get(i)
            .ok_or_else(|| internal(format!("no column {i}")))
    }

    /// Column `i` as text.
    pub(crate) fn text(&self, i: usize) -> Result<String, ApiError> {
        match self.value(i)? {
            Value::Text(s) => Ok(s.clone()),
            other => Err(internal(format!("column {i}: text expected, {other:?}"))),
        }
    }

    /// Column `i` as an integer or NULL.
    pub(crate) fn maybe_int(&self, i: usize) -> Result<Option<i64>, ApiError> {
        match self.value(i)? {
            Value::Int(n) => Ok(Some(*n)),
            Value::Null => Ok(None),
            Value::Text(_) => Err(internal(format!("column {i}: integer expected"))),
        }
    }

    /// Column `i` as an integer.
    pub(crate) fn int(&self, i: usize) -> Result<i64, ApiError> {
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
            _ => DbError::Other(e.to_string()),
        }
    }
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        const UNIQUE: [i32; 2] = [
            rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE,
            rusqlite::ffi::SQLITE_CONSTRAINT_PRIMARYKEY,
        ];
        match &e {
            rusqlite::Error::SqliteFailure(f, message) if UNIQUE.contains(&f.extended_code) => {
                DbError::Unique(message.clone().unwrap_or_default())
            }
            rusqlite::Error::SqliteFailure(f, _)
                if matches!(
                    f.code,
                    rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked
                ) =>
            {
                DbError::Busy(e.to_string())
            }
            _ => DbError::Other(e.to_string()),
        }
    }
}

/// A connection inside a write transaction.
pub(crate) trait Tx: Send {
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

/// Prepares `sql` (kept in the connection's statement cache) and binds `args`
/// to its `$N` parameters by number, as sqlx does.
fn bound<'c>(
    conn: &'c rusqlite::Connection,
    sql: &str,
    args: &[Arg],
) -> Result<rusqlite::CachedStatement<'c>, DbError> {
    let mut stmt = conn.prepare_cached(sql)?;
    for i in 1..=stmt.parameter_count() {
        let n = stmt
            .parameter_name(i)
            .and_then(|name| name.strip_prefix('$'))
            .and_then(|n| n.parse::<usize>().ok())
            .ok_or_else(|| DbError::Other(format!("parameter {i} is not $N")))?;
        let arg = n
            .checked_sub(1)
            .and_then(|k| args.get(k))
            .ok_or_else(|| DbError::Other(format!("no argument for ${n}")))?;
        match arg {
            Arg::Text(s) => stmt.raw_bind_parameter(i, s)?,
            Arg::MaybeText(s) => stmt.raw_bind_parameter(i, s)?,
            Arg::Int(v) => stmt.raw_bind_parameter(i, v)?,
        }
    }
    Ok(stmt)
}

fn lite_execute(conn: &rusqlite::Connection, sql: &str, args: &[Arg]) -> Result<u64, DbError> {
    let changed = bound(conn, sql, args)?.raw_execute()?;
    Ok(u64::try_from(changed).unwrap_or(u64::MAX))
}

pub(crate) fn lite_fetch(
    conn: &rusqlite::Connection,
    sql: &str,
    args: &[Arg],
) -> Result<Vec<DbRow>, DbError> {
    use rusqlite::types::ValueRef;
    let mut stmt = bound(conn, sql, args)?;
    let columns = stmt.column_count();
    let mut rows = stmt.raw_query();
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut values = Vec::with_capacity(columns);
        for i in 0..columns {
            values.push(match row.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::Int(n),
                ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Real(_) | ValueRef::Blob(_) => {
                    return Err(DbError::Other(format!("column {i}: unexpected type")))
                }
            });
        }
        out.push(DbRow(values));
    }
    Ok(out)
}

impl Tx for rusqlite::Connection {
    fn exec<'a>(
        &'a mut self,
        sql: &'a str,
        args: Vec<Arg>,
    ) -> ConnFuture<'a, Result<u64, DbError>> {
        Box::pin(std::future::ready(lite_execute(self, sql, &args)))
    }

    fn rows<'a>(
        &'a mut self,
        sql: &'a str,
        args: Vec<Arg>,
    ) -> ConnFuture<'a, Result<Vec<DbRow>, DbError>> {
        Box::pin(std::future::ready(lite_fetch(self, sql, &args)))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn parameters_bind_by_number_in_any_order() {
        let mut c = rusqlite::Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE t (a TEXT, b BIGINT, c TEXT)")
            .unwrap();
        let n = c
            .exec(
                "INSERT INTO t (c, b, a) VALUES ($3, $2, $1)",
                args!["first", 2i64, None::<String>],
            )
            .await
            .unwrap();
        assert_eq!(n, 1);
        let rows = c
            .rows(
                "SELECT a, b, c FROM t WHERE b = $1 AND a = $2",
                args![2i64, "first"],
            )
            .await
            .unwrap();
        assert_eq!(
            rows,
            vec![DbRow(vec![
                Value::Text("first".into()),
                Value::Int(2),
                Value::Null
            ])]
        );
        assert_eq!(rows[0].text(0).unwrap(), "first");
        assert_eq!(rows[0].int(1).unwrap(), 2);
        assert!(rows[0].int(2).is_err());
        assert!(rows[0].text(1).is_err());
    }

    #[tokio::test]
    async fn a_unique_index_names_its_columns_and_a_missing_argument_is_an_error() {
        let mut c = rusqlite::Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE t (k TEXT); CREATE UNIQUE INDEX t_k ON t (k)")
            .unwrap();
        c.exec("INSERT INTO t (k) VALUES ($1)", args!["x"])
            .await
            .unwrap();
        let e = c
            .exec("INSERT INTO t (k) VALUES ($1)", args!["x"])
            .await
            .unwrap_err();
        assert!(e.is_unique_on(&["t_k", "t.k"]), "{e}");
        assert!(!e.is_unique_on(&["other"]), "{e}");
        assert!(!e.to_string().contains("\"x\""), "{e}");
        let e = c
            .exec("INSERT INTO t (k) VALUES ($2)", args!["y"])
            .await
            .unwrap_err();
        assert!(matches!(e, DbError::Other(_)), "{e}");
    }
}
