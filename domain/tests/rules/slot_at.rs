//! One slot of a day (what a hold's confirm checks) is the day's slot at that time.

use crate::common::{calendar, catalog, d, t};
use domain::slots::{day_slots, slot_at};

#[test]
fn the_slot_at_a_time_is_that_slot_of_the_day() {
    let c = catalog();
    let cal = calendar();
    let mut compared = 0;
    for o in c.offices() {
        for s in c.services() {
            for day in 23..=29 {
                let date = d(2026, 11, day);
                let all = day_slots(o, s, date, &cal);
                let Ok(all) = all else {
                    assert_eq!(slot_at(o, s, date, t(9, 0), &cal).err(), all.err());
                    continue;
                };
                for slot in &all {
                    assert_eq!(
                        slot_at(o, s, date, slot.start, &cal).unwrap().as_ref(),
                        Some(slot)
                    );
                    compared += 1;
                }
                // A time between two starts, and one after closing.
                assert_eq!(slot_at(o, s, date, t(9, 7), &cal).unwrap(), None);
                assert_eq!(slot_at(o, s, date, t(23, 0), &cal).unwrap(), None);
            }
        }
    }
    assert!(compared > 100, "{compared}");
}
