//! Tests of `rows`.

use super::*;

#[test]
fn days_and_times_round_trip_through_their_text() {
    let d = NaiveDate::from_ymd_opt(2026, 3, 9).unwrap();
    assert_eq!(day_text(d), "2026-03-09");
    assert_eq!(parse_day("2026-03-09").unwrap(), d);
    let t = NaiveTime::from_hms_opt(9, 5, 0).unwrap();
    assert_eq!(time_text(t), "09:05");
    assert_eq!(parse_time("09:05").unwrap(), t);
    for bad in [
        "2026-02-30",
        "2026-3",
        "2026-03-09-1",
        "+2026-03-09",
        "",
        "2026--09",
    ] {
        assert!(parse_day(bad).is_err(), "{bad}");
    }
    for bad in ["24:00", "9", "09:05:00", "09:-5", "ab:cd"] {
        assert!(parse_time(bad).is_err(), "{bad}");
    }
}
