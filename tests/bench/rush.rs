//! The midnight rush: at 00:00 Kyiv the horizon opens a new day, and N
//! clients ask for its places within the first seconds, each arriving at
//! its own moment of that spread. A client holds a time of the new day at
//! one of the offices; when its choice is taken it tries the nearest free
//! time of that day the answer offers, and gives up when it offers none
//! (the day is full there), as the app's user would; it waits what
//! `Retry-After` says when the server is busy, confirms what it held, and
//! gives up after a few tries.

use crate::load::{confirm_request, Report};
use crate::setup::Env;
use app::api::{ApiError, HoldRequest, HoldView, TicketView};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// Tries a client makes for a place (a taken time, a busy server).
const TRIES: usize = 6;

/// What the rush gave.
#[derive(Debug, Default)]
pub struct Rush {
    /// Places the new day has.
    pub places: usize,
    /// Clients that booked a ticket.
    pub placed: usize,
    /// Clients that gave up without one.
    pub unplaced: usize,
    /// From each client's arrival to its last answer.
    pub answered: Report,
    /// From the moment the server could first serve the client (its
    /// arrival, or the lottery's draw for one that came before it) to its
    /// last answer: the server's share of the wait.
    pub served: Report,
    /// Answers "busy" or "too many" (503, 429), each followed by a wait.
    pub busy: usize,
    /// Holds and confirms refused (the time taken meanwhile, most of them).
    pub refused: usize,
}

/// What one client saw.
#[derive(Debug, Default)]
struct Seen {
    placed: bool,
    busy: usize,
    refused: usize,
}

/// What one call answered, as a client reacts to it.
enum Answer<T> {
    Ok(T),
    /// Refused; for a time taken meanwhile, the nearest free times.
    Refused(Vec<app::api::SlotRef>),
    /// Busy or over a rate: wait this long, then the same again.
    Wait(Duration),
}

async fn post<T: serde::de::DeserializeOwned>(
    env: &Env,
    base: &str,
    name: &str,
    body: &impl serde::Serialize,
) -> Answer<T> {
    let Ok(r) = env
        .client
        .post(format!("{base}/api/{name}"))
        .json(body)
        .send()
        .await
    else {
        return Answer::Wait(Duration::from_secs(1));
    };
    let status = r.status().as_u16();
    if matches!(status, 429 | 503) {
        let seconds = r
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(1);
        return Answer::Wait(Duration::from_secs(seconds.min(5)));
    }
    if !r.status().is_success() {
        return match r.json::<ApiError>().await {
            Ok(ApiError::Taken { alternatives } | ApiError::HoldExpired { alternatives }) => {
                Answer::Refused(alternatives)
            }
            _ => Answer::Refused(Vec::new()),
        };
    }
    match r.json().await {
        Ok(v) => Answer::Ok(v),
        Err(_) => Answer::Refused(Vec::new()),
    }
}

/// `want` moved to the first free time offered on the same day, if any
/// (the client is after the new day; other days were open before).
fn offered(want: &HoldRequest, free: &[app::api::SlotRef]) -> Option<HoldRequest> {
    free.iter()
        .find(|t| t.date == want.date)
        .map(|t| HoldRequest {
            date: t.date,
            time: t.time,
            replaces: None,
            ..want.clone()
        })
}

/// Client `i`: a place of `places`; on a refusal, the free time offered.
async fn one_client(env: &Env, places: &[HoldRequest], i: usize) -> Seen {
    let mut seen = Seen::default();
    let mut want = places[i.wrapping_mul(7919) % places.len()].clone();
    let mut tries = 0;
    while tries < TRIES {
        tries += 1;
        let hold: HoldView = match post(env, env.base(i, 0), "hold", &want).await {
            Answer::Ok(h) => h,
            Answer::Refused(free) => {
                seen.refused += 1;
                match offered(&want, &free) {
                    Some(next) => want = next,
                    None => return seen,
                }
                continue;
            }
            Answer::Wait(d) => {
                seen.busy += 1;
                tokio::time::sleep(d).await;
                continue;
            }
        };
        let confirm = confirm_request(&hold, i);
        loop {
            match post::<TicketView>(env, env.base(i, 1), "confirm", &confirm).await {
                Answer::Ok(_) => {
                    seen.placed = true;
                    return seen;
                }
                Answer::Refused(free) => {
                    seen.refused += 1;
                    match offered(&want, &free) {
                        Some(next) => want = next,
                        None => return seen,
                    }
                    break;
                }
                Answer::Wait(d) if tries < TRIES => {
                    seen.busy += 1;
                    tries += 1;
                    tokio::time::sleep(d).await;
                }
                Answer::Wait(_) => return seen,
            }
        }
    }
    seen
}

/// `clients` clients arriving evenly over `spread` from the start, each
/// after the new day's places (`places`: one request per place); the
/// lottery draws at `draw`.
pub async fn rush(
    env: &Env,
    places: Vec<HoldRequest>,
    clients: usize,
    spread: Duration,
    draw: Instant,
) -> Rush {
    let env = Arc::new(env.clone());
    let count = places.len();
    let places = Arc::new(places);
    let out = Arc::new(Mutex::new(Rush {
        places: count,
        ..Rush::default()
    }));
    let start = Instant::now();
    let step = spread.as_secs_f64() / clients.max(1) as f64;
    let tasks: Vec<_> = (0..clients)
        .map(|i| {
            let (env, places, out) = (env.clone(), places.clone(), out.clone());
            tokio::spawn(async move {
                let arrival = start + Duration::from_secs_f64(step * i as f64);
                tokio::time::sleep_until(arrival.into()).await;
                let seen = one_client(&env, &places, i).await;
                let took = arrival.elapsed();
                let served = arrival.max(draw).elapsed();
                let mut o = out.lock().await;
                o.busy += seen.busy;
                o.refused += seen.refused;
                if seen.placed {
                    o.placed += 1;
                } else {
                    o.unplaced += 1;
                }
                o.answered.ok += 1;
                o.answered.latencies.push(took);
                o.served.ok += 1;
                o.served.latencies.push(served);
            })
        })
        .collect();
    for t in tasks {
        let _ = t.await;
    }
    let mut r = std::mem::take(&mut *out.lock().await);
    r.answered.elapsed = start.elapsed();
    r.served.elapsed = r.answered.elapsed;
    r
}
