use super::{OpenError, Store};
use domain::calendar::YearCalendar;
use domain::catalog::CatalogFile;
use sqlx::Row;

impl Store {
    /// Stores the catalog and calendars in force (an upsert: importing again
    /// replaces them and keeps every ticket).
    pub async fn save_catalog(
        &self,
        file: &CatalogFile,
        years: &[YearCalendar],
        now: i64,
    ) -> Result<(), OpenError> {
        let body = serde_json::to_string(file).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        let calendar =
            serde_json::to_string(years).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        sqlx::query(
            "INSERT INTO catalog (id, body, calendar, imported_at) VALUES ('current', $1, $2, $3)
             ON CONFLICT (id) DO UPDATE SET body = excluded.body, calendar = excluded.calendar, imported_at = excluded.imported_at",
        )
        .bind(body)
        .bind(calendar)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The stored catalog and calendars, if any was imported.
    pub async fn load_catalog(
        &self,
    ) -> Result<Option<(CatalogFile, Vec<YearCalendar>)>, OpenError> {
        let row = sqlx::query("SELECT body, calendar FROM catalog WHERE id = 'current'")
            .fetch_optional(&self.pool)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let body: String = row.try_get("body")?;
        let calendar: String = row.try_get("calendar")?;
        let file = serde_json::from_str(&body).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        let years =
            serde_json::from_str(&calendar).map_err(|e| OpenError::Corrupt(e.to_string()))?;
        Ok(Some((file, years)))
    }
}
