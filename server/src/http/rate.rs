//! Rate limits: how often one client address may call each kind of endpoint,
//! and how often one contact may confirm a booking. Each is a GCRA limiter
//! (the `governor` crate): a burst of calls at once, then one more each
//! `period / burst`, so a person clicking through the wizard never meets it
//! while a script that holds or confirms in a loop is slowed to the rate.
//!
//! The limiters live in each node's memory: behind a balancer that spreads
//! one client over N nodes a client gets up to N times the rate (a balancer
//! that keeps a client on one node makes it exact). The limits that must
//! hold across nodes are in the database: live holds per client, sign-in
//! codes per contact and per client.

use crate::service::secrets::client_network;
use app::api::context::ClientAddr;
use app::api::ApiError;
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::limits::{Limit, Limited};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::str::FromStr;
use std::time::Duration;

/// A rate: `calls` at once, then one more each `per_seconds / calls`; no
/// limit when `calls` is 0. Written `CALLS/SECONDS`, e.g. `30/60`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    /// Calls at once (the burst).
    pub calls: u32,
    /// Seconds in which the burst comes back.
    pub per_seconds: u32,
}

impl FromStr for Rate {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{text:?} is not a rate CALLS/SECONDS such as 30/60");
        let (calls, per) = text.trim().split_once('/').ok_or_else(bad)?;
        let rate = Rate {
            calls: calls.trim().parse().map_err(|_| bad())?,
            per_seconds: per.trim().parse().map_err(|_| bad())?,
        };
        if rate.per_seconds == 0 && rate.calls > 0 {
            return Err(bad());
        }
        Ok(rate)
    }
}

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.calls, self.per_seconds)
    }
}

impl Rate {
    fn quota(self) -> Option<Quota> {
        let calls = NonZeroU32::new(self.calls)?;
        let each = Duration::from_secs(u64::from(self.per_seconds)) / self.calls;
        Quota::with_period(each.max(Duration::from_micros(1))).map(|q| q.allow_burst(calls))
    }
}

/// The kinds of calls with a rate of their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// `hold`.
    Hold,
    /// `confirm`.
    Confirm,
    /// `cancel`, `reschedule`.
    Change,
    /// `signin_start`, `signin_verify`, `staff_signin`.
    SignIn,
    /// `kiosk_checkin` (per kiosk, over the tries counted per ticket) and
    /// `kiosk_walk_in`.
    Kiosk,
    /// `check_receipt`: receipt codes looked up (so that codes cannot be
    /// tried by the million).
    Check,
    /// Every other call but `catalog` and `words` (the same for everybody,
    /// served from memory): `service`, `days`, `times`, `ticket`, …
    Read,
}

/// The class of the API function at `path`; none for the catalog and the
/// words.
pub fn class_of(path: &str) -> Option<Class> {
    Some(match path.trim_start_matches("/api/") {
        "catalog" | "words" => return None,
        "hold" => Class::Hold,
        "confirm" => Class::Confirm,
        "cancel" | "reschedule" | "pay" => Class::Change,
        "signin_start" | "signin_verify" | "staff_signin" => Class::SignIn,
        "kiosk_checkin" | "kiosk_walk_in" => Class::Kiosk,
        "check_receipt" => Class::Check,
        _ => Class::Read,
    })
}

impl Class {
    /// Its name, for logs and metrics.
    pub fn name(self) -> &'static str {
        match self {
            Class::Hold => "hold",
            Class::Confirm => "confirm",
            Class::Change => "change",
            Class::SignIn => "signin",
            Class::Kiosk => "kiosk",
            Class::Check => "check",
            Class::Read => "read",
        }
    }
}

/// The class name of the path of any request: an API class, `catalog` (the
/// catalog and the words), or `page` (anything outside the API).
pub fn class_name(path: &str) -> &'static str {
    if !path.starts_with("/api/") {
        return "page";
    }
    class_of(path).map_or("catalog", Class::name)
}

/// The rates, one per class and one per contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rates {
    /// Holds per client.
    pub hold: Rate,
    /// Confirms per client.
    pub confirm: Rate,
    /// Cancels and moves per client.
    pub change: Rate,
    /// Sign-in steps per client.
    pub signin: Rate,
    /// Kiosk check-ins per client (a kiosk).
    pub kiosk: Rate,
    /// Receipt checks per client.
    pub check: Rate,
    /// Other reads per client.
    pub read: Rate,
    /// Confirms per contact (phone or e-mail).
    pub per_contact: Rate,
    /// Holds and confirms per client before each must prove work.
    pub proof_after: Rate,
}

type Keyed<K> = Option<DefaultKeyedRateLimiter<K>>;

/// The limiters of one node.
#[derive(Debug)]
pub struct Limiters {
    classes: [Keyed<IpAddr>; 7],
    contact: Keyed<String>,
    proof_after: Keyed<IpAddr>,
}

impl Limiters {
    /// Limiters at `rates`.
    pub fn new(rates: &Rates) -> Self {
        let keyed = |r: Rate| r.quota().map(DefaultKeyedRateLimiter::dashmap);
        Limiters {
            classes: [
                keyed(rates.hold),
                keyed(rates.confirm),
                keyed(rates.change),
                keyed(rates.signin),
                keyed(rates.kiosk),
                keyed(rates.check),
                keyed(rates.read),
            ],
            contact: rates
                .per_contact
                .quota()
                .map(DefaultKeyedRateLimiter::dashmap),
            proof_after: keyed(rates.proof_after),
        }
    }

    /// Counts a hold or confirm of `client`: true once it has made more than
    /// a person booking makes, so that it must prove work (no address: a
    /// test's in-process call, never).
    pub fn over_proof_threshold(&self, client: Option<IpAddr>) -> bool {
        match (&self.proof_after, client) {
            (Some(l), Some(ip)) => l.check_key(&client_network(ip)).is_err(),
            _ => false,
        }
    }

    /// Counts a call of `class` from `client`, or refuses it with the wait.
    pub fn check(&self, class: Class, client: IpAddr) -> Result<(), Limited> {
        let limiter = &self.classes[class as usize];
        refused(
            limiter
                .as_ref()
                .map(|l| l.check_key(&client_network(client))),
        )
    }

    /// Counts a confirm for the contact `key`, or refuses it with the wait.
    pub fn check_contact(&self, key: &str) -> Result<(), Limited> {
        refused(self.contact.as_ref().map(|l| l.check_key(&key.to_string())))
    }

    /// Forgets the clients and contacts whose limits are back to full, so
    /// that the memory held is that of the recent ones only.
    pub fn forget_idle(&self) {
        for limiter in self.classes.iter().flatten() {
            limiter.retain_recent();
            limiter.shrink_to_fit();
        }
        if let Some(l) = &self.contact {
            l.retain_recent();
            l.shrink_to_fit();
        }
        if let Some(l) = &self.proof_after {
            l.retain_recent();
            l.shrink_to_fit();
        }
    }
}

/// The rate limits before the API: a call over its client's rate is
/// answered `limited` (`requests`, 429) with `Retry-After`, unread.
pub fn over_rate(limiters: &Limiters, req: &Request) -> Option<Response> {
    let path = req.uri().path();
    let client = req.extensions().get::<ClientAddr>().and_then(|c| c.0)?;
    let class = class_of(path)?;
    let cause = limiters.check(class, client).err()?;
    tracing::info!(
        path,
        class = class.name(),
        "refused: over the client's rate"
    );
    crate::metrics::refused("rate", class.name());
    Some(limited(cause))
}

/// The answer of a limit: its status, `Retry-After`, and the typed error.
pub fn limited(cause: Limited) -> Response {
    let status = StatusCode::from_u16(cause.status()).unwrap_or(StatusCode::TOO_MANY_REQUESTS);
    let mut res = (status, axum::Json(ApiError::Limited { cause })).into_response();
    res.headers_mut()
        .insert(header::RETRY_AFTER, cause.retry_after.into());
    res
}

fn refused<T>(
    outcome: Option<Result<T, governor::NotUntil<<DefaultClock as Clock>::Instant>>>,
) -> Result<(), Limited> {
    match outcome {
        Some(Err(not_until)) => {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let seconds = i64::try_from(wait.as_secs()).unwrap_or(i64::MAX);
            // Whole seconds, rounded up: never ask to come back too early.
            let seconds = seconds.saturating_add(i64::from(wait.subsec_nanos() > 0));
            Err(Limited::new(Limit::Requests, seconds))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
#[path = "rate_tests.rs"]
mod tests;
