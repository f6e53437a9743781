//! Proofs of work (see `domain::proof` for when and how much): challenges
//! signed with a key every node shares, proofs checked with the `altcha`
//! crate, each bound to its purpose and client and taken once.

use super::secrets::random;
use super::Services;
use app::api::context::ClientAddr;
use app::api::ApiError;
use domain::proof::{counter_for, Pressure, Purpose, COST};
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// Seconds a challenge may take from its making to its proof.
const LIFETIME: i64 = 120;

/// Why a proof was not taken (for the log and the metrics; the answer is a
/// fresh challenge either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Refusal {
    /// Not signed by us, or solved wrongly.
    Invalid,
    /// Out of time.
    Expired,
    /// Made for another purpose or client.
    Elsewhere,
    /// Taken before (on this node or, on PostgreSQL, on another).
    Used,
}

impl Refusal {
    fn name(self) -> &'static str {
        match self {
            Refusal::Invalid => "proof_invalid",
            Refusal::Expired => "proof_expired",
            Refusal::Elsewhere => "proof_elsewhere",
            Refusal::Used => "proof_used",
        }
    }
}

/// This node's challenges and the proofs it took.
#[derive(Debug)]
pub struct Proofs {
    /// The HMAC key (hex), shared by the nodes through the database.
    key: String,
    /// The nonces of the proofs taken, until their challenges expire.
    used: Mutex<Used>,
}

#[derive(Debug, Default)]
struct Used {
    nonces: HashMap<String, i64>,
    /// The size at which the expired ones are dropped next.
    prune_at: usize,
}

impl Proofs {
    /// Proofs signed with `key`.
    pub fn new(key: String) -> Self {
        Proofs {
            key,
            used: Mutex::new(Used::default()),
        }
    }

    /// A fresh key from the OS CSPRNG (256 bits, hex).
    pub fn fresh_key() -> Result<String, ApiError> {
        Ok(domain::ticket::to_hex(&random::<32>()?))
    }

    /// A challenge of `work` hashes for `purpose` from `client`, as the
    /// JSON text a `proof` answer carries.
    fn issue(&self, purpose: Purpose, client: &str, work: u32) -> Result<String, ApiError> {
        if self.key.is_empty() {
            tracing::error!("no key to sign challenges with");
            return Err(ApiError::Internal);
        }
        let draw = u32::from_le_bytes(random::<4>()?);
        let options = altcha::CreateChallengeOptions {
            algorithm: "SHA-256".into(),
            cost: COST,
            counter: Some(counter_for(work, draw)),
            data: Some(binding(purpose, client)),
            expires_at: Some(wall_clock() + LIFETIME),
            hmac_signature_secret: Some(self.key.clone()),
            ..Default::default()
        };
        let made = altcha::create_challenge(options)
            .map_err(|e| e.to_string())
            .and_then(|c| serde_json::to_string(&c).map_err(|e| e.to_string()));
        made.map_err(|e| {
            tracing::error!(error = %e, "cannot make a challenge");
            ApiError::Internal
        })
    }

    /// Takes `proof` (the JSON text of ALTCHA's payload) for `purpose` from
    /// `client`, once on this node; answers its nonce and when it expires,
    /// for the nodes that share a database to take it once among them.
    fn take(&self, proof: &str, purpose: Purpose, client: &str) -> Result<Taken, Refusal> {
        let payload: altcha::Payload = serde_json::from_str(proof).map_err(|_| Refusal::Invalid)?;
        let params = &payload.challenge.parameters;
        let checked = altcha::verify_solution(altcha::VerifySolutionOptions::new(
            &payload.challenge,
            &payload.solution,
            self.key.clone(),
        ))
        .map_err(|_| Refusal::Invalid)?;
        if checked.expired {
            return Err(Refusal::Expired);
        }
        if !checked.verified {
            return Err(Refusal::Invalid);
        }
        if params.data.as_ref() != Some(&binding(purpose, client)) {
            return Err(Refusal::Elsewhere);
        }
        let now = wall_clock();
        let mut used = self.used.lock().unwrap_or_else(|p| p.into_inner());
        if used.nonces.len() >= used.prune_at {
            used.nonces.retain(|_, expires| *expires >= now);
            used.prune_at = (used.nonces.len() * 2).max(1024);
        }
        let expires = params.expires_at.unwrap_or(now + LIFETIME);
        if used.nonces.insert(params.nonce.clone(), expires).is_some() {
            return Err(Refusal::Used);
        }
        Ok(Taken {
            nonce: params.nonce.clone(),
            expires,
        })
    }
}

/// A proof taken on this node.
#[derive(Debug, PartialEq, Eq)]
struct Taken {
    nonce: String,
    expires: i64,
}

/// What a challenge is bound to: the purpose and the client's network
/// (hashed: a challenge carries no address).
fn binding(purpose: Purpose, client: &str) -> BTreeMap<String, serde_json::Value> {
    BTreeMap::from([
        ("for".to_string(), purpose.name().into()),
        ("client".to_string(), client.into()),
    ])
}

/// Unix seconds by the wall clock: challenges expire in real time, whatever
/// the date the booking rules see.
pub(super) fn wall_clock() -> i64 {
    chrono::Utc::now().timestamp()
}

impl Services {
    /// Lets a hold or a confirm through, or answers it with a challenge: when
    /// the load or the client's own pace asks for a proof and it brings none,
    /// or brings one that is not good for this request.
    pub(super) async fn demand_proof(
        &self,
        purpose: Purpose,
        client: ClientAddr,
        proof: Option<&str>,
    ) -> Result<(), ApiError> {
        let max_in_flight = self.limits.max_in_flight.max(1);
        let pressure = Pressure {
            in_flight: max_in_flight.saturating_sub(self.permits.available_permits()),
            max_in_flight,
            client_over: self.limiters.over_proof_threshold(client.0),
        };
        // None asked for: the request goes through, with a proof or without
        // (a proof it brings is not checked, nor taken).
        let Some(work) = self.limits.proof_policy().work_for(pressure) else {
            return Ok(());
        };
        // The client as its holds are keyed (its network, hashed).
        let whom = &self.keys.client(client.0)[..16];
        let refusal = match proof.map(|p| self.proofs.take(p, purpose, whom)) {
            Some(Ok(taken)) => match self.first_among_nodes(taken).await? {
                true => return Ok(()),
                false => Some(Refusal::Used),
            },
            Some(Err(why)) => Some(why),
            None => None,
        };
        let reason = refusal.map_or("proof_asked", Refusal::name);
        tracing::info!(
            purpose = purpose.name(),
            reason,
            work,
            "refused: a proof of work"
        );
        crate::metrics::refused(reason, purpose.name());
        Err(ApiError::Proof {
            challenge: self.proofs.issue(purpose, whom, work)?,
        })
    }

    /// Whether a proof taken on this node was taken by no other: nodes
    /// on PostgreSQL take its nonce in the database; a single SQLite node's
    /// memory has seen every proof.
    async fn first_among_nodes(&self, taken: Taken) -> Result<bool, ApiError> {
        if self.store.dialect() == crate::store::Dialect::Sqlite {
            return Ok(true);
        }
        Ok(self.store.take_nonce(&taken.nonce, taken.expires).await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A challenge for a hold by `client`, expiring at `expires_at`, solved.
    fn solved(proofs: &Proofs, client: &str, expires_at: i64) -> String {
        let made = altcha::create_challenge(altcha::CreateChallengeOptions {
            algorithm: "SHA-256".into(),
            cost: COST,
            counter: Some(50),
            data: Some(binding(Purpose::Hold, client)),
            expires_at: Some(expires_at),
            hmac_signature_secret: Some(proofs.key.clone()),
            ..Default::default()
        })
        .unwrap();
        app::api::proof::solve(&serde_json::to_string(&made).unwrap()).unwrap()
    }

    #[test]
    fn a_proof_is_taken_in_time_for_its_client_and_once() {
        let proofs = Proofs::new(Proofs::fresh_key().unwrap());
        let late = solved(&proofs, "a", wall_clock() - 1);
        assert_eq!(
            proofs.take(&late, Purpose::Hold, "a"),
            Err(Refusal::Expired)
        );
        let good = solved(&proofs, "a", wall_clock() + 60);
        assert_eq!(
            proofs.take(&good, Purpose::Hold, "b"),
            Err(Refusal::Elsewhere)
        );
        assert_eq!(
            proofs.take(&good, Purpose::Confirm, "a"),
            Err(Refusal::Elsewhere)
        );
        assert!(proofs.take(&good, Purpose::Hold, "a").is_ok());
        assert_eq!(proofs.take(&good, Purpose::Hold, "a"), Err(Refusal::Used));
        // Another node's key signs nothing here.
        let other = Proofs::new(Proofs::fresh_key().unwrap());
        let foreign = solved(&other, "a", wall_clock() + 60);
        assert_eq!(
            proofs.take(&foreign, Purpose::Hold, "a"),
            Err(Refusal::Invalid)
        );
    }

    #[test]
    fn the_nonces_taken_are_forgotten_once_expired() {
        let proofs = Proofs::new(Proofs::fresh_key().unwrap());
        for _ in 0..3 {
            let p = solved(&proofs, "a", wall_clock() + 60);
            assert!(proofs.take(&p, Purpose::Hold, "a").is_ok());
        }
        {
            let mut used = proofs.used.lock().unwrap();
            used.nonces.values_mut().for_each(|e| *e = 0);
            used.prune_at = 0;
        }
        let p = solved(&proofs, "a", wall_clock() + 60);
        assert!(proofs.take(&p, Purpose::Hold, "a").is_ok());
        assert_eq!(proofs.used.lock().unwrap().nonces.len(), 1);
    }
}
