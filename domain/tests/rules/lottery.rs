//! The midnight lottery: which holds wait for the draw, and until when.

use crate::common::{calendar, d};
use chrono::{TimeZone, Utc};
use domain::slots::{kyiv_today, Horizon};

#[test]
fn the_date_opened_at_midnight_is_drawn_by_lottery_for_its_first_seconds() {
    let cal = calendar();
    let h = Horizon::default();
    // 00:00:03 in Kyiv on Tuesday 24.11: 14.12 has just opened.
    let early = Utc.with_ymd_and_hms(2026, 11, 23, 22, 0, 3).unwrap();
    let draw = Utc.with_ymd_and_hms(2026, 11, 23, 22, 0, 10).unwrap();
    assert_eq!(
        h.lottery_draw(early, d(2026, 12, 14), &cal, 10),
        Ok(Some(draw))
    );
    // A date open since before midnight is served at once.
    assert_eq!(h.lottery_draw(early, d(2026, 12, 11), &cal, 10), Ok(None));
    // After the window, and with no window, at once.
    assert_eq!(h.lottery_draw(draw, d(2026, 12, 14), &cal, 10), Ok(None));
    assert_eq!(h.lottery_draw(early, d(2026, 12, 14), &cal, 0), Ok(None));
    // Sunday's midnight opens no date (the 14th working day after Saturday
    // and after Sunday is the same), so nothing is drawn then.
    let sunday = Utc.with_ymd_and_hms(2026, 11, 28, 22, 0, 1).unwrap();
    assert_eq!(kyiv_today(sunday), d(2026, 11, 29));
    for date in h.dates(sunday, &cal).unwrap() {
        assert_eq!(h.lottery_draw(sunday, date, &cal, 10), Ok(None), "{date}");
    }
}
