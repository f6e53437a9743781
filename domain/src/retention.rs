//! How long a ticket keeps its personal data after its day. The Law of
//! Ukraine «Про захист персональних даних» (art. 6) lets personal data be
//! kept in a form that names the person no longer than its purpose needs;
//! a ticket's purpose ends with the visit, and what may follow it (an appeal
//! about the service, answered within 45 days at most under the Law «Про
//! звернення громадян», art. 20; a question about a payment) is covered by
//! the default of 90 days with room to spare. After that the ticket keeps
//! what the office's figures need (the office, service, day and times, its
//! status and history) and nothing that names the person.

use chrono::{Days, NaiveDate};

/// Days after its day that a ticket keeps its personal data, by default.
pub const DEFAULT_DAYS: u32 = 90;

/// The first day whose tickets keep their personal data on `today` when it
/// is kept `days` days after the visit: the tickets of earlier days are
/// erased. None when nothing is erased (`days` 0: kept for ever).
pub fn kept_from(today: NaiveDate, days: u32) -> Option<NaiveDate> {
    if days == 0 {
        return None;
    }
    today.checked_sub_days(Days::new(u64::from(days)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_visit_keeps_its_data_for_the_days_set_after_it() {
        let today = day(2026, 12, 6);
        // 90 days after 7 September is 6 December: kept until the day after.
        assert_eq!(kept_from(today, 90), Some(day(2026, 9, 7)));
        assert_eq!(kept_from(today, 1), Some(day(2026, 12, 5)));
        assert_eq!(kept_from(today, 0), None);
        // Further back than the calendar goes: nothing to erase.
        assert_eq!(kept_from(NaiveDate::MIN, 1), None);
    }
}
