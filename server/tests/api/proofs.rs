//! Proofs of work over HTTP: who is asked (a client past its pace, everybody
//! on a busy server), that a solved challenge lets the request through once,
//! that a proof is good only for its purpose and client, and that nodes over
//! one database check each other's challenges and take each proof once among them.

use crate::common::{confirm_body, error_kind, seed_slot, spawn_with, Db, Options};
use crate::guard::first_time;
use crate::limits::times;
use app::api::proof::solve;
use serde_json::{json, Value};
use std::sync::Arc;

const PODIL: &str = "kyiv-podilskyi";

/// Options with no rates but the proof threshold (`calls` holds and
/// confirms in ten minutes), counts read fresh.
fn after(calls: u32) -> Options {
    let mut options = Options {
        read_cache_ms: 0,
        ..Options::default()
    };
    options.limits.proof_after = format!("{calls}/600").parse().unwrap();
    options
}

/// The challenge of a `proof` answer (its JSON text).
fn challenge_of(status: u16, answer: &Value) -> String {
    assert_eq!(
        (status, error_kind(answer)),
        (428, "proof"),
        "asked for a proof: {answer}"
    );
    answer["proof"]["challenge"].as_str().unwrap().to_string()
}

/// `body` with the proof of the challenge `answer` brought.
fn with_proof(status: u16, answer: &Value, body: &Value) -> Value {
    let proof = solve(&challenge_of(status, answer)).expect("a challenge it can solve");
    let mut body = body.clone();
    body["proof"] = json!(proof);
    body
}

/// `body` with its proof changed by `change` (on the payload's JSON).
fn forged(body: &Value, change: impl FnOnce(&mut Value)) -> Value {
    let mut payload: Value = serde_json::from_str(body["proof"].as_str().unwrap()).unwrap();
    change(&mut payload);
    let mut body = body.clone();
    body["proof"] = json!(payload.to_string());
    body
}

async fn a_client_past_its_pace_proves_work_once_per_request(db: Db) {
    let app = spawn_with(db, after(2)).await;
    let (day, _, _) = first_time(&app).await;
    let times = times(&app, &day).await;
    // A person's pace: nothing to prove.
    for time in &times[..2] {
        let (status, hold) = app.call("hold", seed_slot(PODIL, &day, time)).await;
        assert_eq!(status, 200, "{hold}");
    }
    let third = seed_slot(PODIL, &day, &times[2]);
    let (status, asked) = app.call("hold", third.clone()).await;
    let proved = with_proof(status, &asked, &third);
    let (status, hold) = app.call("hold", proved.clone()).await;
    assert_eq!(status, 200, "{hold}");
    // The same proof again, for another time: used, and a new challenge.
    let mut again = proved.clone();
    again["time"] = json!(times[3]);
    let (status, answer) = app.call("hold", again).await;
    let fresh = challenge_of(status, &answer);
    assert_ne!(fresh, challenge_of(428, &asked));
    // The confirm of the hold is asked too, and goes through with a proof.
    let body = confirm_body(1, &hold["hold_id"]);
    let (status, asked) = app.call("confirm", body.clone()).await;
    let (status, ticket) = app.call("confirm", with_proof(status, &asked, &body)).await;
    assert_eq!(status, 200, "{ticket}");
}

async fn a_proof_opens_only_its_own_kind_of_request(db: Db) {
    let mut options = after(0);
    options.limits.proof_always = true;
    let app = spawn_with(db, options).await;
    let (day, time, _) = first_time(&app).await;
    let slot = seed_slot(PODIL, &day, &time);
    let (status, asked) = app.call("hold", slot.clone()).await;
    let proved = with_proof(status, &asked, &slot);
    // A hold's proof does not open a confirm.
    let mut confirm = confirm_body(2, &json!("0".repeat(32)));
    confirm["proof"] = proved["proof"].clone();
    let (status, answer) = app.call("confirm", confirm).await;
    challenge_of(status, &answer);
    // Nor does a wrong counter, or a challenge changed after the server
    // signed it (another purpose, less work, a later expiry).
    for change in [
        (|p: &mut Value| p["solution"]["counter"] = json!(0)) as fn(&mut Value),
        |p| p["challenge"]["parameters"]["data"]["for"] = json!("confirm"),
        |p| p["challenge"]["parameters"]["cost"] = json!(1),
        |p| p["challenge"]["parameters"]["expiresAt"] = json!(4_102_444_800_i64),
    ] {
        let (status, answer) = app.call("hold", forged(&proved, change)).await;
        challenge_of(status, &answer);
    }
    // Nor does what is no payload at all.
    let mut junk = proved.clone();
    junk["proof"] = json!("{\"challenge\": 1}");
    let (status, answer) = app.call("hold", junk).await;
    challenge_of(status, &answer);
    // The proof as it was still works: the forgeries used nothing up.
    let (status, hold) = app.call("hold", proved).await;
    assert_eq!(status, 200, "{hold}");
}

async fn a_busy_server_asks_everybody(db: Db) {
    // Two requests at once at most: the request itself is half of it.
    let mut options = after(0);
    options.limits.max_in_flight = 2;
    let app = spawn_with(db, options).await;
    let (day, time, _) = first_time(&app).await;
    let slot = seed_slot(PODIL, &day, &time);
    let (status, asked) = app.call("hold", slot.clone()).await;
    let (status, hold) = app.call("hold", with_proof(status, &asked, &slot)).await;
    assert_eq!(status, 200, "{hold}");
    // Reads are never asked.
    let (status, _) = app
        .call(
            "days",
            json!({ "service": "passport-lost-stolen", "office": PODIL }),
        )
        .await;
    assert_eq!(status, 200);
}

on_both!(
    a_client_past_its_pace_proves_work_once_per_request,
    a_proof_opens_only_its_own_kind_of_request,
    a_busy_server_asks_everybody,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nodes_check_each_others_challenges_and_a_proof_opens_one_request_of_any_node() {
    let options = || {
        let mut o = after(0);
        o.limits.proof_always = true;
        o
    };
    let a = spawn_with(Db::Postgres, options()).await;
    let b = Arc::new(
        spawn_with(
            Db::Postgres,
            Options {
                db_url: Some(a.db_url.clone()),
                ..options()
            },
        )
        .await,
    );
    let (day, time, _) = first_time(&a).await;
    let times = times(&a, &day).await;
    // Asked by the first node, proved to the second.
    let slot = seed_slot(PODIL, &day, &time);
    let (status, asked) = a.call("hold", slot.clone()).await;
    let proved = with_proof(status, &asked, &slot);
    let (status, hold) = b.call("hold", proved.clone()).await;
    assert_eq!(status, 200, "{hold}");
    // The same proof again, at the first node, for another time: taken.
    let mut again = proved;
    again["time"] = json!(times[times.len() - 1]);
    let (status, answer) = a.call("hold", again).await;
    challenge_of(status, &answer);
    // One proof, sent by forty clients at once for forty times: one hold.
    let first = seed_slot(PODIL, &day, &times[1]);
    let (status, asked) = b.call("hold", first.clone()).await;
    let proved = with_proof(status, &asked, &first);
    let tries = (0..40).map(|i| {
        let b = b.clone();
        let mut body = proved.clone();
        body["time"] = json!(times[1 + i % (times.len() - 1)]);
        tokio::spawn(async move { b.call("hold", body).await.0 })
    });
    let mut statuses = Vec::new();
    for t in tries {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|&&s| s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 428).count(),
        39,
        "{statuses:?}"
    );
}
