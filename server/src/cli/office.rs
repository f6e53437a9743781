//! Flags of the office's rules (`serve`): the grace time after a call, the
//! calls allowed, the check-in window and what a late arrival gets.

use crate::service::OfficeRules;
use clap::Args;
use domain::office::{CallRule, CheckInRule, LatePolicy};

/// The office's rules.
#[derive(Debug, Clone, Args)]
pub struct OfficeArgs {
    /// Seconds after the last call before an applicant said not here is
    /// annulled.
    #[arg(long, env = "CHERGA_GRACE_SECONDS", default_value_t = 120)]
    pub grace_seconds: u32,
    /// Calls a ticket may have in all (the first and the recalls).
    #[arg(long, env = "CHERGA_MAX_CALLS", default_value_t = 3,
          value_parser = clap::value_parser!(u8).range(1..))]
    pub max_calls: u8,
    /// Minutes before the booked time from which check-in is open.
    #[arg(long, env = "CHERGA_CHECKIN_EARLY_MINUTES", default_value_t = 30)]
    pub checkin_early_minutes: u32,
    /// Minutes after the booked time until which check-in is open.
    #[arg(long, env = "CHERGA_CHECKIN_LATE_MINUTES", default_value_t = 10)]
    pub checkin_late_minutes: u32,
    /// A later arrival: `refuse` (the booking is lost) or `walk-in` (waits
    /// in the walk-in queue).
    #[arg(long, env = "CHERGA_LATE_ARRIVALS", default_value = "refuse", value_parser = parse_late)]
    pub late_arrivals: LatePolicy,
    /// Minutes before its time from which an appointment goes ahead of the
    /// walk-ins.
    #[arg(long, env = "CHERGA_APPOINTMENT_LEAD_MINUTES", default_value_t = 5)]
    pub appointment_lead_minutes: u32,
}

fn parse_late(text: &str) -> Result<LatePolicy, String> {
    match text.trim() {
        "refuse" => Ok(LatePolicy::Refuse),
        "walk-in" => Ok(LatePolicy::WalkIn),
        _ => Err(format!("{text:?}: use refuse or walk-in")),
    }
}

impl Default for OfficeArgs {
    fn default() -> Self {
        let rules = OfficeRules::default();
        OfficeArgs {
            grace_seconds: rules.calls.grace_seconds,
            max_calls: rules.calls.max_calls,
            checkin_early_minutes: rules.checkin.early_minutes,
            checkin_late_minutes: rules.checkin.late_minutes,
            late_arrivals: rules.checkin.late,
            appointment_lead_minutes: rules.queue.lead_minutes,
        }
    }
}

impl OfficeArgs {
    /// The rules these flags set.
    pub fn rules(&self) -> OfficeRules {
        OfficeRules {
            queue: domain::office::queue::QueueRule {
                lead_minutes: self.appointment_lead_minutes,
            },
            calls: CallRule {
                grace_seconds: self.grace_seconds,
                max_calls: self.max_calls,
            },
            checkin: CheckInRule {
                early_minutes: self.checkin_early_minutes,
                late_minutes: self.checkin_late_minutes,
                late: self.late_arrivals,
            },
            signin: OfficeRules::default().signin,
        }
    }
}
