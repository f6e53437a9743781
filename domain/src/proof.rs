//! Proof of work: when a hold or a confirm must first pay with a little of
//! the client's computing time, and how much. A person's phone pays once, in
//! well under a second; a farm holding every place of a day pays for each
//! of its thousands of requests. Nobody pays while the server is at ease and
//! the client behaves like a person.
//!
//! The challenge and the proof are those of ALTCHA's protocol (v2): the
//! server signs a challenge, the browser searches for the counter whose
//! derived key starts with the challenge's prefix, and the server checks the
//! proof with one derivation. The cryptography and the wire form are the
//! `altcha` crate's, on both sides; this module holds the rule.

/// What a proof is for: a proof solved for one never opens the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Holding a time.
    Hold,
    /// Confirming a hold into a ticket.
    Confirm,
}

impl Purpose {
    /// Its name inside a challenge.
    pub fn name(self) -> &'static str {
        match self {
            Purpose::Hold => "hold",
            Purpose::Confirm => "confirm",
        }
    }
}

/// When proofs are asked for, and how much work one is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProofPolicy {
    /// The hashes a proof takes on average at the lowest level of pressure
    /// (0: proofs are never asked for).
    pub work: u32,
    /// The share of the server's request limit in use (percent) from which
    /// every hold and confirm must bring a proof; above it the work grows
    /// up to four times `work` when the limit is reached (over 100: never
    /// for load alone).
    pub busy_percent: u8,
    /// Ask every hold and confirm, whatever the load (an operator under
    /// attack; the tests).
    pub always: bool,
}

impl Default for ProofPolicy {
    fn default() -> Self {
        ProofPolicy {
            work: 30_000,
            busy_percent: 50,
            always: false,
        }
    }
}

/// What the server knows of the moment a request comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pressure {
    /// Requests being served now.
    pub in_flight: usize,
    /// Requests the server serves at once at most.
    pub max_in_flight: usize,
    /// This client has made more holds and confirms lately than a person
    /// booking does.
    pub client_over: bool,
}

impl ProofPolicy {
    /// The work (hashes, on average) a request must prove under `pressure`;
    /// none if it need not prove anything.
    pub fn work_for(&self, pressure: Pressure) -> Option<u32> {
        if self.work == 0 {
            return None;
        }
        let limit = pressure.max_in_flight.max(1);
        let percent = pressure.in_flight.saturating_mul(100) / limit;
        let busy = u8::try_from(percent.min(100)).unwrap_or(100);
        let base = u64::from(self.work);
        let by_load = (self.busy_percent <= 100 && busy >= self.busy_percent).then(|| {
            // From 1× at the threshold to 4× at the limit.
            let span = u64::from(100 - self.busy_percent).max(1);
            let over = u64::from(busy - self.busy_percent);
            base + base * 3 * over / span
        });
        let by_client = (pressure.client_over || self.always).then_some(base);
        let work = by_load.max(by_client)?;
        Some(u32::try_from(work).unwrap_or(u32::MAX))
    }
}

/// The iterations of the hash per counter value: the search costs
/// `COST × counter` hashes.
pub const COST: u32 = 10;

/// The counter the server hides in a challenge of `work` hashes, from a
/// random `draw` (any `u32`): uniform over half to one and a half times the
/// average, so that no two searches take the same time and a client cannot
/// skip ahead.
pub fn counter_for(work: u32, draw: u32) -> u32 {
    let mean = (work / COST).max(2);
    let low = mean / 2;
    let span = mean; // low ..= low + mean
    low + draw % (span + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(in_flight: usize, client_over: bool) -> Pressure {
        Pressure {
            in_flight,
            max_in_flight: 1000,
            client_over,
        }
    }

    #[test]
    fn a_person_on_a_quiet_server_proves_nothing() {
        let p = ProofPolicy::default();
        assert_eq!(p.work_for(at(0, false)), None);
        assert_eq!(p.work_for(at(499, false)), None);
    }

    #[test]
    fn load_asks_everybody_and_more_as_it_grows() {
        let p = ProofPolicy::default();
        assert_eq!(p.work_for(at(500, false)), Some(30_000));
        assert_eq!(p.work_for(at(750, false)), Some(75_000));
        assert_eq!(p.work_for(at(1000, false)), Some(120_000));
        // Beyond the limit (the count races the limit) stays at four times.
        assert_eq!(p.work_for(at(5000, false)), Some(120_000));
    }

    #[test]
    fn a_busy_client_proves_the_base_work_and_never_less_than_load_asks() {
        let p = ProofPolicy::default();
        assert_eq!(p.work_for(at(0, true)), Some(30_000));
        assert_eq!(p.work_for(at(1000, true)), Some(120_000));
        let always = ProofPolicy { always: true, ..p };
        assert_eq!(always.work_for(at(0, false)), Some(30_000));
    }

    #[test]
    fn no_work_or_an_unreachable_threshold_turns_each_cause_off() {
        let off = ProofPolicy {
            work: 0,
            always: true,
            ..ProofPolicy::default()
        };
        assert_eq!(off.work_for(at(1000, true)), None);
        let load_off = ProofPolicy {
            busy_percent: 101,
            ..ProofPolicy::default()
        };
        assert_eq!(load_off.work_for(at(1000, false)), None);
        // A server with no limit configured (0) counts as at its limit
        // only when something is in flight.
        let p = ProofPolicy::default();
        let zero = Pressure {
            in_flight: 0,
            max_in_flight: 0,
            client_over: false,
        };
        assert_eq!(p.work_for(zero), None);
    }

    #[test]
    fn the_hidden_counter_averages_the_work_and_varies() {
        let draws = 0..10_001u32;
        let counters: Vec<u32> = draws.map(|d| counter_for(40_000, d * 7919)).collect();
        let (min, max) = (
            counters.iter().min().copied().unwrap_or(0),
            counters.iter().max().copied().unwrap_or(0),
        );
        assert_eq!((min, max), (2_000, 6_000));
        let mean = counters.iter().map(|&c| u64::from(c)).sum::<u64>() / counters.len() as u64;
        assert!((3_900..=4_100).contains(&mean), "{mean}");
        // The smallest work still hides a counter a search must reach.
        assert!(counter_for(0, 0) >= 1);
    }
}
