//! The midnight lottery over HTTP: the holds of the date opened at 00:00
//! Kyiv, asked in the window's first seconds, all wait for the draw, then
//! the places go in a random order, never over capacity; a hold of another
//! date is served at once meanwhile, the waiting holds not counted among the
//! requests in flight.

use crate::common::{seed_slot, spawn_with, Db, Options};
use serde_json::json;

const PODIL: &str = "kyiv-podilskyi";
/// The date that opens at 00:00 on Tuesday 24.11.2026 (14 working days on).
const OPENED: &str = "2026-12-14";
/// Holds asked for each time.
const PER_TIME: usize = 20;

async fn the_places_of_a_new_day_go_by_lottery(db: Db) {
    let mut options = Options {
        read_cache_ms: 0,
        ..Options::default()
    };
    options.limits.lottery_seconds = 5;
    // Fewer requests in flight than holds wait: waiting, they do not count.
    options.limits.max_in_flight = 16;
    let app = std::sync::Arc::new(spawn_with(db, options).await);
    // The tests' clock stands at 12:00 on Monday 23.11; move it to 00:00:01
    // on Tuesday, Kyiv time (UTC+2): the draw comes 4 s later.
    app.advance(12 * 3600 + 1);
    let (_, times) = app
        .call(
            "times",
            json!({ "service": "passport-lost-stolen", "office": PODIL, "date": OPENED }),
        )
        .await;
    let times: Vec<(String, u64)> = times
        .as_array()
        .expect("the new date's times")
        .iter()
        .map(|t| {
            (
                t["start"].as_str().unwrap().to_string(),
                t["free"].as_u64().unwrap(),
            )
        })
        .filter(|(_, free)| *free > 0)
        .take(4)
        .collect();
    assert_eq!(times.len(), 4);
    // Twenty holds of each time, in a known order of arrival.
    let mut asked = Vec::new();
    for (time, _) in &times {
        for _ in 0..PER_TIME {
            let app = app.clone();
            let slot = seed_slot(PODIL, OPENED, time);
            asked.push(tokio::spawn(async move { app.call("hold", slot).await }));
            tokio::time::sleep(std::time::Duration::from_millis(15)).await;
        }
    }
    // None is answered before the draw, while a date open since before
    // midnight is served at once (not told busy by the eighty waiting).
    let (status, _) = app
        .call("hold", seed_slot(PODIL, "2026-12-11", &times[0].0))
        .await;
    assert_eq!(status, 200);
    assert!(
        asked.iter().all(|h| !h.is_finished()),
        "answered before the draw"
    );
    let mut answers = Vec::new();
    for h in asked {
        answers.push(h.await.unwrap());
    }
    let mut first_come = 0;
    for (i, (time, free)) in times.iter().enumerate() {
        let round = &answers[i * PER_TIME..(i + 1) * PER_TIME];
        let won: Vec<usize> = (0..PER_TIME).filter(|&k| round[k].0 == 200).collect();
        // Every place went, none twice; the rest heard it was taken.
        assert_eq!(won.len() as u64, *free, "{time}: {won:?}");
        assert!(round.iter().all(|(s, _)| *s == 200 || *s == 409));
        if won.iter().copied().eq(0..won.len()) {
            first_come += 1;
        }
    }
    // Served by arrival, every time's places would have gone to its first
    // arrivals; drawn, that happens for all four with a chance under 1 in
    // 160 000.
    assert!(first_come < times.len(), "served first come, first served");
}

on_both!(the_places_of_a_new_day_go_by_lottery);
