//! What the server does besides answering: sweeping old holds, writing the
//! end of past days' tickets, erasing spent sign-in codes, following the
//! other nodes' news, and bringing earlier tickets' keys up to date at start.

use super::Services;
use crate::store::TicketKeys;
use app::api::ApiError;

impl Services {
    /// Deletes the holds expired a day ago (housekeeping); returns how many.
    pub async fn sweep_holds(&self) -> Result<u64, ApiError> {
        Ok(self.store.sweep_holds(self.now().timestamp()).await?)
    }

    /// Writes the end of the tickets left active on days that are over, up
    /// to `limit` of them; returns how many. For reports: such tickets
    /// already count as over when read.
    pub async fn end_past_days(&self, limit: i64) -> Result<u64, ApiError> {
        let now = self.now();
        Ok(self
            .store
            .end_past_days(self.today(), now.timestamp(), limit)
            .await?)
    }

    /// Erases the personal data of up to `limit` tickets whose day is
    /// further back than `--retain-days` (`domain::retention`); returns how
    /// many.
    pub async fn erase_expired(&self, limit: i64) -> Result<u64, ApiError> {
        let Some(kept_from) = domain::retention::kept_from(self.today(), self.retain_days) else {
            return Ok(0);
        };
        let now = self.now().timestamp();
        Ok(self
            .store
            .erase_personal_data(kept_from, now, limit)
            .await?)
    }

    /// Sweeps the old holds, writes the end of past days' tickets and
    /// erases the personal data of tickets long past every `period`, for as
    /// long as the server runs.
    pub async fn sweep_holds_every(self, period: std::time::Duration) {
        let mut every = tokio::time::interval(period);
        loop {
            every.tick().await;
            // A failure is logged by the store; the next round tries again.
            if let Ok(n @ 1..) = self.sweep_holds().await {
                tracing::info!(holds = n, "swept holds expired a day ago");
            }
            if let Ok(n @ 1..) = self.end_past_days(1000).await {
                tracing::info!(tickets = n, "wrote the end of past days' tickets");
            }
            let (now, ttl) = (self.now().timestamp(), self.signin_policy.code_ttl);
            if let Ok(n @ 1..) = self.store.expire_codes(now, ttl).await {
                tracing::info!(codes = n, "erased the sign-in codes whose time is over");
            }
            let _ = self.store.sweep_nonces(super::proof::wall_clock()).await;
            let mut erased = 0;
            while let Ok(n @ 1..) = self.erase_expired(1000).await {
                erased += n;
                if n < 1000 {
                    break;
                }
            }
            if erased > 0 {
                tracing::info!(
                    tickets = erased,
                    "erased the personal data of tickets long past"
                );
            }
        }
    }

    /// Tells the other nodes that the places of `office` changed: their
    /// free counts follow at once, not within their read cache's age. A
    /// failure is logged by the store; the cache's age still bounds it.
    pub(super) async fn announce_office(&self, office: &str) {
        let _ = self.store.announce(&format!("office:{office}")).await;
    }

    /// Follows the other nodes' news for as long as the server runs (on
    /// PostgreSQL): an office whose places changed is read afresh.
    pub async fn follow_other_nodes(self) {
        let (cache, me) = (self.cache.clone(), self.clone());
        self.store
            .follow(move |news| {
                if let Some(office) = news.strip_prefix("office:") {
                    cache.invalidate(office);
                } else if news == "catalog" {
                    // Another node's change, or an import: read it now.
                    let me = me.clone();
                    tokio::spawn(async move { me.reload_catalog().await });
                } else if let Some(office) = news.strip_prefix("board:") {
                    // Another node's call: this node's boards follow.
                    let (me, office) = (me.clone(), office.to_string());
                    tokio::spawn(async move { me.publish_board(&office).await });
                }
            })
            .await;
    }

    /// Checks that the key secret is the one this database's keys were made
    /// with (the first node to start records its fingerprint), then makes
    /// the keys of tickets booked under older keys anew from their data.
    pub async fn adopt_keys(&self) -> Result<(), String> {
        let mine = self.keys.fingerprint();
        let recorded = self
            .store
            .shared_secret("personal-keys", mine.clone())
            .await
            .map_err(|_| "the key secret's fingerprint could not be read".to_string())?;
        if recorded != mine {
            return Err(
                "the key secret is not the one this database's keys were made with: \
                give every node the same CHERGA_KEY_SECRET or key file"
                    .into(),
            );
        }
        let today = self.today();
        let (rekeyed, kept) = self
            .store
            .rekey(crate::store::KEYS_VERSION, |s| self.keys_of(s, today))
            .await
            .map_err(|_| "the keys of earlier tickets could not be made again".to_string())?;
        if rekeyed + kept > 0 {
            tracing::info!(rekeyed, kept, "made the keys of earlier tickets again");
        }
        Ok(())
    }

    /// A ticket's keys, from its stored data, as a booking makes them.
    fn keys_of(&self, s: &crate::store::KeySource, today: chrono::NaiveDate) -> Option<TicketKeys> {
        use domain::validation::{BirthDate, Email, PersonName, Phone, Rnokpp};
        let person = domain::booking::Person {
            surname: PersonName::parse(&s.surname).ok()?,
            given_name: PersonName::parse(&s.given_name).ok()?,
            patronymic: None,
            birth_date: BirthDate::parse(&s.birth_date, today).ok()?,
            rnokpp: s.rnokpp.as_deref().map(Rnokpp::parse).transpose().ok()?,
        };
        let contact = domain::booking::Contact::new(
            s.phone.as_deref().map(Phone::parse).transpose().ok()?,
            s.email.as_deref().map(Email::parse).transpose().ok()?,
        )
        .ok()?;
        Some(self.ticket_keys(&person, &contact))
    }

    /// The keys a booking of `person` with `contact` is kept under.
    pub(super) fn ticket_keys(
        &self,
        person: &domain::booking::Person,
        contact: &domain::booking::Contact,
    ) -> TicketKeys {
        let keys = person.keys();
        TicketKeys {
            person: self.keys.key("person", keys.name.as_str()),
            tax: keys
                .tax
                .as_ref()
                .map(|t| self.keys.key("person", t.as_str())),
            contact: self.keys.key("contact", &contact.key()),
            email: contact.email_key().map(|k| self.keys.key("contact", &k)),
        }
    }
}
