//! How long a waiting applicant waits: the people ahead and the minutes to
//! the call.
//!
//! The rule (as ZMS estimates, pessimistic side): each person ahead takes the
//! average service time of the office and service, shared by the windows
//! open for the service: `minutes = ⌈ahead × average ÷ windows⌉`. The
//! average is of the recent services ([`EstimateRule::recent`] of them, the
//! caller's history) once there are [`EstimateRule::min_samples`]; before
//! that it is [`EstimateRule::default_minutes`]. An appointment is not called
//! before its time is near, so its estimate is never before that.

use crate::i18n::{pick, Lang};
use chrono::{DateTime, Utc};

/// The estimate's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EstimateRule {
    /// Minutes per person before there is history.
    pub default_minutes: u32,
    /// Services needed before their average is trusted.
    pub min_samples: usize,
    /// How many of the latest services the average takes.
    pub recent: usize,
}

impl Default for EstimateRule {
    fn default() -> Self {
        EstimateRule {
            default_minutes: 15,
            min_samples: 5,
            recent: 20,
        }
    }
}

/// A waiting ticket's estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Estimate {
    /// People called before this ticket.
    pub ahead: u32,
    /// Minutes until the call, roughly.
    pub minutes: u32,
}

impl EstimateRule {
    /// Seconds per person: the mean of the latest `recent` service times
    /// (in seconds, latest last) when there are enough, else the default.
    pub fn per_person(self, history: &[u32]) -> u32 {
        let take = history.len().min(self.recent);
        if take < self.min_samples.max(1) {
            return self.default_minutes.saturating_mul(60);
        }
        let latest = &history[history.len() - take..];
        let sum: u64 = latest.iter().map(|&s| u64::from(s)).sum();
        u32::try_from(sum / take as u64).unwrap_or(u32::MAX)
    }

    /// The estimate for a ticket with `ahead` people before it, `windows`
    /// open for its service, `per_person` seconds each; `not_before` is when
    /// an appointment's time comes near (none for a walk-in). `None` when no
    /// window is open for the service: nobody can say.
    pub fn estimate(
        self,
        ahead: u32,
        windows: u32,
        per_person: u32,
        now: DateTime<Utc>,
        not_before: Option<DateTime<Utc>>,
    ) -> Option<Estimate> {
        if windows == 0 {
            return None;
        }
        let seconds = u64::from(ahead) * u64::from(per_person);
        let by_queue = seconds.div_ceil(u64::from(windows) * 60);
        let by_time = not_before
            .map(|t| (t - now).num_seconds().max(0).unsigned_abs().div_ceil(60))
            .unwrap_or(0);
        let minutes = u32::try_from(by_queue.max(by_time)).unwrap_or(u32::MAX);
        Some(Estimate { ahead, minutes })
    }
}

impl Estimate {
    /// «Перед вами 3 особи, орієнтовно 15 хв.»
    pub fn message(self, lang: Lang) -> String {
        let about = |uk: bool| match (self.minutes, uk) {
            (0, true) => "виклик ось-ось".to_string(),
            (0, false) => "you will be called any moment".to_string(),
            (m, true) => format!("орієнтовно {m} хв"),
            (m, false) => format!("about {m} min"),
        };
        match self.ahead {
            0 => pick(
                lang,
                format!("Ви наступні, {}.", about(true)),
                format!("You are next, {}.", about(false)),
            ),
            n => pick(
                lang,
                format!("Перед вами {n} {}, {}.", people_uk(n), about(true)),
                format!(
                    "{n} {} ahead of you, {}.",
                    if n == 1 { "person" } else { "people" },
                    about(false)
                ),
            ),
        }
    }
}

/// «особа», «особи» or «осіб» after the number `n`.
pub fn people_uk(n: u32) -> &'static str {
    crate::i18n::plural_uk(n, "особа", "особи", "осіб")
}
