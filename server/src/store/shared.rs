//! Secrets shared by every node over the same database.

use super::error::StoreError;
use super::tx::{args, internal};
use super::Store;

impl Store {
    /// The secret called `name`: the one stored, or else `candidate`, stored
    /// now. Every node asking at once gets the same value: the first insert
    /// wins and the others read it.
    pub async fn shared_secret(&self, name: &str, candidate: String) -> Result<String, StoreError> {
        let lock = format!("secret:{name}");
        let name = name.to_string();
        self.write(&[&lock], move |tx| {
            Box::pin(async move {
                tx.exec(
                    "INSERT INTO shared_secrets (name, value) VALUES ($1, $2)
                     ON CONFLICT (name) DO NOTHING",
                    args![&name, &candidate],
                )
                .await
                .map_err(internal)?;
                let rows = tx
                    .rows(
                        "SELECT value FROM shared_secrets WHERE name = $1",
                        args![&name],
                    )
                    .await
                    .map_err(internal)?;
                rows.first().ok_or_else(|| internal("no secret"))?.text(0)
            })
        })
        .await
    }
}
