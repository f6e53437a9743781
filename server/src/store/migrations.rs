//! The schema's migrations, in order (the same SQL on SQLite and PostgreSQL
//! but for the triggers of 18), embedded in the binary.

use super::{Dialect, OpenError, Store};
use sqlx::migrate::{Migration, MigrationType, Migrator};
use std::borrow::Cow;

impl Store {
    /// Applies the migrations not yet applied.
    pub async fn migrate(&self) -> Result<(), OpenError> {
        migrator(self.dialect).run(&self.pool).await?;
        Ok(())
    }
}

fn migrator(dialect: Dialect) -> Migrator {
    let m = |version: i64, description: &'static str, sql: &'static str| {
        Migration::new(
            version,
            Cow::Borrowed(description),
            MigrationType::Simple,
            Cow::Borrowed(sql),
            false,
        )
    };
    Migrator {
        migrations: Cow::Owned(vec![
            m(1, "init", include_str!("../../migrations/0001_init.sql")),
            m(
                2,
                "visit index",
                include_str!("../../migrations/0002_visit_index.sql"),
            ),
            m(
                3,
                "fewer ticket indexes",
                include_str!("../../migrations/0003_fewer_ticket_indexes.sql"),
            ),
            m(
                4,
                "ticket life",
                include_str!("../../migrations/0004_ticket_life.sql"),
            ),
            m(
                5,
                "outbox",
                include_str!("../../migrations/0005_outbox.sql"),
            ),
            m(
                6,
                "sign in",
                include_str!("../../migrations/0006_sign_in.sql"),
            ),
            m(
                7,
                "hold client",
                include_str!("../../migrations/0007_hold_client.sql"),
            ),
            m(
                8,
                "secrets",
                include_str!("../../migrations/0008_secrets.sql"),
            ),
            m(9, "staff", include_str!("../../migrations/0009_staff.sql")),
            m(
                10,
                "console",
                include_str!("../../migrations/0010_console.sql"),
            ),
            m(11, "kiosk", include_str!("../../migrations/0011_kiosk.sql")),
            m(
                12,
                "walk in",
                include_str!("../../migrations/0012_walk_in.sql"),
            ),
            m(
                13,
                "payments",
                include_str!("../../migrations/0013_payments.sql"),
            ),
            m(
                14,
                "payment purpose",
                include_str!("../../migrations/0014_payment_purpose.sql"),
            ),
            m(
                15,
                "proof nonces",
                include_str!("../../migrations/0015_proof_nonces.sql"),
            ),
            m(
                16,
                "retention",
                include_str!("../../migrations/0016_retention.sql"),
            ),
            m(17, "audit", include_str!("../../migrations/0017_audit.sql")),
            m(
                18,
                "append only",
                match dialect {
                    Dialect::Postgres => include_str!("../../migrations/0018_append_only_pg.sql"),
                    Dialect::Sqlite => include_str!("../../migrations/0018_append_only_sqlite.sql"),
                },
            ),
            m(
                19,
                "first times",
                include_str!("../../migrations/0019_first_times.sql"),
            ),
            m(
                20,
                "catalog version",
                include_str!("../../migrations/0020_catalog_version.sql"),
            ),
            m(
                21,
                "help pages",
                include_str!("../../migrations/0021_help_pages.sql"),
            ),
        ]),
        ignore_missing: false,
        locking: true,
        no_tx: false,
    }
}
