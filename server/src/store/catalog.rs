//! The catalog in force, versioned (migration 20): imported whole, or
//! changed office by office by its administrators; every node reads the
//! version to know when to load it again.

use super::error::StoreError;
use super::outbox::{queue_messages, MessageKind};
use super::rows::{day_text, parse_day, parse_time};
use super::trail::{insert_staff_event, NewStaffEvent};
use super::tx::{args, internal};
use super::{Dialect, OpenError, Store};
use chrono::{NaiveDate, NaiveTime};
use domain::calendar::YearCalendar;
use domain::catalog::CatalogFile;
use sqlx::Row;

/// An administrator's change of the catalog, written at once with what it
/// records and tells.
#[derive(Debug, Clone)]
pub struct CatalogChange {
    /// The version it was made from: another change since refuses it.
    pub from_version: i64,
    /// The new catalog.
    pub file: CatalogFile,
    /// The new calendar's years.
    pub years: Vec<YearCalendar>,
    /// The staff action with its before and after.
    pub event: NewStaffEvent,
    /// The tickets whose time can no longer be served: each applicant is
    /// told (once per ticket and version).
    pub disrupted: Vec<String>,
}

/// A ticket booked at an office, still to come.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookedVisit {
    /// Its id.
    pub id: String,
    /// Its service.
    pub service: String,
    /// Its day.
    pub day: NaiveDate,
    /// Its start.
    pub start: NaiveTime,
    /// The window it holds.
    pub window: String,
}

impl Store {
    /// The tickets of `office` booked for `from` or later that have not
    /// come yet (status `booked`, walk-ins aside), in the order of their
    /// visits.
    pub async fn booked_visits(
        &self,
        office: &str,
        from: NaiveDate,
    ) -> Result<Vec<BookedVisit>, StoreError> {
        self.read(
            "SELECT id, service_id, day, start_time, window_id FROM tickets
              WHERE office_id = $1 AND day >= $2 AND status = 'booked' AND walk_in = 0
              ORDER BY day, start_time, id",
            args![office, day_text(from)],
        )
        .await?
        .iter()
        .map(|r| {
            Ok(BookedVisit {
                id: r.text(0)?,
                service: r.text(1)?,
                day: parse_day(&r.text(2)?)?,
                start: parse_time(&r.text(3)?)?,
                window: r.text(4)?,
            })
        })
        .collect()
    }

    /// Stores the catalog and calendars in force (importing again replaces
    /// them, keeps every ticket and adds one to the version), and tells the
    /// running nodes. Answers the new version.
    pub async fn save_catalog(
        &self,
        file: &CatalogFile,
        years: &[YearCalendar],
        now: i64,
    ) -> Result<i64, OpenError> {
        let body = serde_json::to_string(file).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        let calendar =
            serde_json::to_string(years).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO catalog (id, body, calendar, imported_at, version)
             VALUES ('current', $1, $2, $3, 1)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, calendar = excluded.calendar,
                 imported_at = excluded.imported_at, version = catalog.version + 1",
        )
        .bind(body)
        .bind(calendar)
        .bind(now)
        .execute(&self.pool)
        .await?;
        let _ = self.announce("catalog").await;
        self.catalog_version().await
    }

    /// The stored catalog, calendars and version, if any was imported.
    pub async fn load_catalog(
        &self,
    ) -> Result<Option<(CatalogFile, Vec<YearCalendar>, i64)>, OpenError> {
        let row = sqlx::query("SELECT body, calendar, version FROM catalog WHERE id = 'current'")
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let body: String = row.try_get("body")?;
        let calendar: String = row.try_get("calendar")?;
        let version: i64 = row.try_get("version")?;
        let file = serde_json::from_str(&body).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        let years =
            serde_json::from_str(&calendar).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        Ok(Some((file, years, version)))
    }

    /// The stored catalog's version (0: none stored).
    pub async fn catalog_version(&self) -> Result<i64, OpenError> {
        let version: Option<i64> =
            sqlx::query_scalar("SELECT version FROM catalog WHERE id = 'current'")
                .fetch_optional(&self.pool)
                .await?;
        Ok(version.unwrap_or(0))
    }

    /// Writes an administrator's change in one transaction: the catalog
    /// (refused as [`StoreError::Stale`] if its version is no longer
    /// `from_version`), the audit trail's entry, the messages to the
    /// applicants whose tickets it disrupts; and tells the other nodes
    /// (PostgreSQL delivers the `NOTIFY` at the commit). Answers the new
    /// version.
    pub async fn change_catalog(&self, change: CatalogChange, now: i64) -> Result<i64, StoreError> {
        let body = serde_json::to_string(&change.file).map_err(|e| internal(e.to_string()))?;
        let calendar = serde_json::to_string(&change.years).map_err(|e| internal(e.to_string()))?;
        let postgres = self.dialect == Dialect::Postgres;
        self.write(&["catalog"], move |tx| {
            Box::pin(async move {
                let changed = tx
                    .exec(
                        "UPDATE catalog SET body = $1, calendar = $2, imported_at = $3,
                                version = version + 1
                          WHERE id = 'current' AND version = $4",
                        args![body, calendar, now, change.from_version],
                    )
                    .await
                    .map_err(internal)?;
                if changed != 1 {
                    return Err(StoreError::Stale);
                }
                let version = change.from_version + 1;
                insert_staff_event(tx, &change.event).await?;
                let about = format!("v{version}");
                for ticket in &change.disrupted {
                    queue_messages(tx, ticket, MessageKind::Disrupted, &about, now).await?;
                }
                if postgres {
                    tx.exec("SELECT pg_notify('cherga', 'catalog')", vec![])
                        .await
                        .map_err(internal)?;
                }
                Ok(version)
            })
        })
        .await
    }
}
