//! The keys of tickets made before the server's keys were keyed hashes
//! (`service::keys`), made again from the personal data the tickets hold.

use super::error::StoreError;
use super::tx::{args, internal, DbRow, Tx};
use super::Store;
use domain::booking::BookingError;

/// What a ticket's keys are made from.
#[derive(Debug)]
pub struct KeySource {
    /// As stored.
    pub surname: String,
    /// As stored.
    pub given_name: String,
    /// As stored (`YYYY-MM-DD`).
    pub birth_date: String,
    /// As stored.
    pub rnokpp: Option<String>,
    /// As stored (`+380…`).
    pub phone: Option<String>,
    /// As stored.
    pub email: Option<String>,
}

/// A ticket's keys.
#[derive(Debug, Clone)]
pub struct TicketKeys {
    /// By name and date of birth.
    pub person: String,
    /// By tax number, when one was given.
    pub tax: Option<String>,
    /// By the phone, else the e-mail.
    pub contact: String,
    /// By the e-mail, when one was given.
    pub email: Option<String>,
}

/// The `keys_version` of a ticket whose keys are keyed hashes
/// (`service::keys`), as every insert of a ticket writes it; 1 and 2 were
/// plain SHA-256 (1 without the name key).
pub const KEYS_VERSION: i64 = 3;

/// Tickets rekeyed in one transaction.
const PAGE: i64 = 500;

const UPDATE_SQL: &str = "UPDATE tickets SET person_key = $2, tax_key = $3, contact_key = $4,
        email_key = $5, keys_version = $6 WHERE id = $1 AND keys_version < $6";

impl Store {
    /// Gives every ticket whose keys are older than `version` the keys
    /// `make` makes of its personal data, a page of tickets a transaction;
    /// returns how many were rekeyed and how many kept their keys (data
    /// `make` cannot read, or a person key another active ticket of the
    /// service already has: the same person booked twice before both keys
    /// were kept). Walk-ins (their keys are their own) and erased tickets
    /// just take the version. Several nodes may run it at once: a ticket's
    /// keys are the same whoever makes them.
    pub async fn rekey(
        &self,
        version: i64,
        make: impl Fn(&KeySource) -> Option<TicketKeys>,
    ) -> Result<(u64, u64), StoreError> {
        self.write_one(
            "rekey".into(),
            "UPDATE tickets SET keys_version = $1
              WHERE keys_version < $1 AND (walk_in = 1 OR erased_at IS NOT NULL)",
            args![version],
        )
        .await?;
        let (mut rekeyed, mut kept) = (0, 0);
        loop {
            let rows = self
                .read(
                    "SELECT id, surname, given_name, birth_date, rnokpp, phone, email FROM tickets
                      WHERE keys_version < $1 AND walk_in = 0 AND erased_at IS NULL
                      ORDER BY id LIMIT $2",
                    args![version, PAGE],
                )
                .await?;
            if rows.is_empty() {
                return Ok((rekeyed, kept));
            }
            let mut page = Vec::with_capacity(rows.len());
            for r in &rows {
                let keys = make(&source(r)?);
                kept += u64::from(keys.is_none());
                page.push((r.text(0)?, keys));
            }
            let n = page.iter().filter(|(_, k)| k.is_some()).count() as u64;
            match self.rekey_page(version, page.clone()).await {
                Ok(()) => rekeyed += n,
                // A person key taken: each ticket on its own.
                Err(StoreError::Booking(_)) => {
                    for (id, keys) in page {
                        match self
                            .rekey_page(version, vec![(id.clone(), keys.clone())])
                            .await
                        {
                            Ok(()) => rekeyed += u64::from(keys.is_some()),
                            Err(StoreError::Booking(_)) => {
                                kept += 1;
                                self.rekey_page(version, vec![(id, None)]).await?;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Writes a page's keys; a ticket without keys keeps its own and takes
    /// the version. A unique index refusing: `Booking`, nothing written.
    async fn rekey_page(
        &self,
        version: i64,
        page: Vec<(String, Option<TicketKeys>)>,
    ) -> Result<(), StoreError> {
        self.write(&["rekey"], move |tx| {
            Box::pin(async move {
                for (id, keys) in &page {
                    write_keys(tx, id, keys.as_ref(), version).await?;
                }
                Ok(())
            })
        })
        .await
    }
}

async fn write_keys(
    tx: &mut dyn Tx,
    id: &str,
    keys: Option<&TicketKeys>,
    version: i64,
) -> Result<(), StoreError> {
    let done = match keys {
        Some(k) => {
            tx.exec(
                UPDATE_SQL,
                args![
                    id,
                    &k.person,
                    k.tax.clone(),
                    &k.contact,
                    k.email.clone(),
                    version
                ],
            )
            .await
        }
        None => {
            tx.exec(
                "UPDATE tickets SET keys_version = $2 WHERE id = $1",
                args![id, version],
            )
            .await
        }
    };
    match done {
        Ok(_) => Ok(()),
        Err(e) if e.is_unique_on(&["person", "tax"]) => {
            Err(StoreError::Booking(BookingError::AlreadyBooked))
        }
        Err(e) => Err(internal(e)),
    }
}

fn source(r: &DbRow) -> Result<KeySource, StoreError> {
    Ok(KeySource {
        surname: r.text(1)?,
        given_name: r.text(2)?,
        birth_date: r.text(3)?,
        rnokpp: r.maybe_text(4)?,
        phone: r.maybe_text(5)?,
        email: r.maybe_text(6)?,
    })
}
