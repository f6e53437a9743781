//! What one node tells the others at once: PostgreSQL's `NOTIFY` on the
//! channel `cherga`, heard by every node's `LISTEN`. SQLite runs one node,
//! which has nobody to tell.

use super::error::StoreError;
use super::tx::internal;
use super::{Dialect, Store};
use std::time::Duration;

impl Store {
    /// Tells every node (PostgreSQL's `NOTIFY` on channel `cherga`) that
    /// `news` happened (`office:ID`: its places changed). On SQLite, with
    /// one node, there is nobody else to tell.
    pub async fn announce(&self, news: &str) -> Result<(), StoreError> {
        if self.dialect != Dialect::Postgres {
            return Ok(());
        }
        sqlx::query("SELECT pg_notify('cherga', $1)")
            .bind(news)
            .execute(&self.pool)
            .await
            .map_err(internal)?;
        Ok(())
    }

    /// What the other nodes announce, for as long as the server runs: each
    /// news is handed to `heard`. PostgreSQL only (`LISTEN cherga`); the
    /// listener reconnects by itself after a lost connection.
    pub async fn follow(&self, heard: impl Fn(&str) + Send + 'static) {
        if self.dialect != Dialect::Postgres {
            return;
        }
        loop {
            let listener = async {
                let mut l = sqlx::postgres::PgListener::connect(&self.url).await?;
                l.listen("cherga").await?;
                Ok::<_, sqlx::Error>(l)
            };
            match listener.await {
                Ok(mut l) => loop {
                    match l.recv().await {
                        Ok(n) => heard(n.payload()),
                        Err(e) => {
                            tracing::warn!(error = %e, "listening to other nodes failed");
                            break;
                        }
                    }
                },
                Err(e) => tracing::warn!(error = %e, "cannot listen to other nodes"),
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
        }
    }
}
