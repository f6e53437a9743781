//! The rusqlite side of [`Tx`]: SQLite's single writer and its point reads run
//! their statements here, on the calling thread.

use super::tx::{Arg, ConnFuture, DbError, DbRow, Tx, Value};

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
    use super::*;
    use crate::store::tx::args;

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
