//! Limits that keep the queue fair when scripts crowd it: how many times one
//! client may hold at once, and the refusal every limit answers with, which
//! says when to try again.
//!
//! A "client" is a network address as the server sees it behind its trusted
//! proxies, an IPv6 address by its /64 (one household or phone holds a whole
//! /64); many people may share one IPv4 address behind a mobile operator's
//! NAT, which is why the hold limit counts only live holds and the browser
//! gives its previous hold back when it holds another time.

use crate::i18n::{Lang, Localized};
use serde::{Deserialize, Serialize};
use thiserror::Error;

/// What was over its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// This client already holds as many times as it may.
    Holds {
        /// Live holds one client may have.
        max: u8,
    },
    /// Too many requests of this kind from this client lately.
    Requests,
    /// The server has as much work as it takes right now.
    Busy,
}

/// A request refused by a limit, and when it may come again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[error("{limit:?}: try again in {retry_after} s")]
pub struct Limited {
    /// Which limit.
    pub limit: Limit,
    /// Seconds to wait (at least one).
    pub retry_after: u32,
}

impl Limited {
    /// A refusal by `limit`, to come again after `seconds` (at least one).
    pub fn new(limit: Limit, seconds: i64) -> Self {
        Limited {
            limit,
            retry_after: u32::try_from(seconds.max(1)).unwrap_or(u32::MAX),
        }
    }

    /// The HTTP status: 429 for a client over its limit, 503 for a server
    /// that is busy for everybody.
    pub fn status(&self) -> u16 {
        match self.limit {
            Limit::Busy => 503,
            Limit::Holds { .. } | Limit::Requests => 429,
        }
    }
}

/// "in 40 s", "in 3 min" (whole minutes, rounded up, from a minute on).
fn wait(seconds: u32, lang: Lang) -> String {
    let (n, unit) = if seconds < 60 {
        (seconds, ["с", "s"])
    } else {
        (seconds.div_ceil(60), ["хв", "min"])
    };
    match lang {
        Lang::Uk => format!("за {n} {}", unit[0]),
        Lang::En => format!("in {n} {}", unit[1]),
    }
}

impl Localized for Limited {
    fn message(&self, lang: Lang) -> String {
        let when = wait(self.retry_after, lang);
        match (self.limit, lang) {
            (Limit::Holds { .. }, Lang::Uk) => format!(
                "З вашої мережі вже розпочато забагато записів. Завершіть розпочатий запис або спробуйте ще раз {when}."
            ),
            (Limit::Holds { .. }, Lang::En) => format!(
                "Too many bookings have been started from your network. Finish the one you started or try again {when}."
            ),
            (Limit::Requests, Lang::Uk) => {
                format!("Забагато запитів. Спробуйте ще раз {when}.")
            }
            (Limit::Requests, Lang::En) => format!("Too many requests. Try again {when}."),
            (Limit::Busy, Lang::Uk) => {
                format!("Сервер зараз перевантажений. Спробуйте ще раз {when}.")
            }
            (Limit::Busy, Lang::En) => {
                format!("The server is overloaded right now. Try again {when}.")
            }
        }
    }
}

/// Whether a client whose live holds expire at `live` (Unix seconds, any
/// order) may hold one more at `now`, when it may have `max` at once (0: no
/// limit); if not, it may once the earliest of them has expired.
pub fn admit_hold(live: &[i64], max: u8, now: i64) -> Result<(), Limited> {
    if max == 0 {
        return Ok(());
    }
    let live: Vec<i64> = live.iter().copied().filter(|&t| t > now).collect();
    if live.len() < usize::from(max) {
        return Ok(());
    }
    let first_free = live.iter().copied().min().unwrap_or(now);
    Err(Limited::new(Limit::Holds { max }, first_free - now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_holds_up_to_its_limit_and_waits_for_the_earliest_to_end() {
        let now = 1_000;
        assert_eq!(admit_hold(&[], 2, now), Ok(()));
        assert_eq!(admit_hold(&[now + 300], 2, now), Ok(()));
        let refused = admit_hold(&[now + 500, now + 120], 2, now);
        assert_eq!(
            refused,
            Err(Limited {
                limit: Limit::Holds { max: 2 },
                retry_after: 120
            })
        );
        // Expired holds no longer count.
        assert_eq!(admit_hold(&[now + 500, now, now - 60], 2, now), Ok(()));
        // A limit of zero is no limit (a benchmark, a trusted network).
        assert_eq!(admit_hold(&[now + 1; 300], 0, now), Ok(()));
    }

    #[test]
    fn the_wait_is_said_in_seconds_then_in_whole_minutes() {
        let m = |s: i64, lang| Limited::new(Limit::Requests, s).message(lang);
        assert_eq!(m(0, Lang::Uk), "Забагато запитів. Спробуйте ще раз за 1 с.");
        assert_eq!(m(59, Lang::En), "Too many requests. Try again in 59 s.");
        assert_eq!(
            m(61, Lang::Uk),
            "Забагато запитів. Спробуйте ще раз за 2 хв."
        );
        assert_eq!(
            Limited::new(Limit::Busy, 5).message(Lang::Uk),
            "Сервер зараз перевантажений. Спробуйте ще раз за 5 с."
        );
        let holds = Limited::new(Limit::Holds { max: 4 }, 600);
        assert!(holds.message(Lang::Uk).ends_with("за 10 хв."));
        assert_ne!(holds.message(Lang::Uk), holds.message(Lang::En));
        assert_eq!(
            (holds.status(), Limited::new(Limit::Busy, 1).status()),
            (429, 503)
        );
    }
}
