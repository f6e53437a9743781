//! One slot of a day (what a hold, its confirm and a ticket's page check),
//! worked out alone, is the day's slot at that time, online places included,
//! whatever share of the day an office offers online.

use crate::common::{calendar, catalog, d, t};
use domain::slots::{day_slots, slot_at};

#[test]
fn the_slot_at_a_time_is_that_slot_of_the_day() {
    let c = catalog();
    let cal = calendar();
    let mut compared = 0;
    let shares = [
        None,
        Some(0),
        Some(1),
        Some(33),
        Some(50),
        Some(67),
        Some(100),
    ];
    let offices = c.offices().iter().flat_map(|o| {
        shares.map(|share| {
            let mut o = o.clone();
            if let Some(share) = share {
                o.online_share_percent = share;
                o.online_shares.clear();
            }
            o
        })
    });
    for o in offices {
        let o = &o;
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
    assert!(compared > 700, "{compared}");
}
