//! The load: N clients pulling work from a shared counter, over HTTP or by
//! calling the services directly (the same transactions without HTTP).

use crate::setup::{backend, Env};
use app::api::{ConfirmRequest, HoldRequest, HoldView, TicketView, TimeView};
use domain::checklist::Answers;
use domain::forms::{ContactForm, PersonForm};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

/// Over HTTP, or straight into the services.
#[derive(Debug, Clone, Copy)]
pub enum Mode {
    Http,
    Direct,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Http => "HTTP",
            Mode::Direct => "no HTTP",
        }
    }
}

/// What a run measured.
#[derive(Debug, Default)]
pub struct Report {
    pub ok: usize,
    pub failed: usize,
    pub elapsed: Duration,
    pub latencies: Vec<Duration>,
}

impl Report {
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    pub fn percentile(&self, p: f64) -> Duration {
        let mut l = self.latencies.clone();
        l.sort_unstable();
        if l.is_empty() {
            return Duration::ZERO;
        }
        let i = ((p / 100.0) * (l.len() - 1) as f64).round() as usize;
        l[i.min(l.len() - 1)]
    }
}

pub fn confirm_request(hold: &HoldView, i: usize) -> ConfirmRequest {
    // Person i: a unique name (letters only) and a unique phone.
    let letters: Vec<char> = "абвгдежзиклмнопрстуфхцчшщюя".chars().collect();
    let mut name = String::from("Коваль");
    let mut k = i;
    loop {
        name.push(letters[k % letters.len()]);
        k /= letters.len();
        if k == 0 {
            break;
        }
    }
    ConfirmRequest {
        hold_id: hold.hold_id.clone(),
        idempotency_key: server::service::secrets::random_id().unwrap_or_default(),
        answers: Answers::typical(),
        person: PersonForm {
            surname: name,
            given_name: "Олена".into(),
            birth_date: "24.08.1991".into(),
            ..PersonForm::default()
        },
        contact: ContactForm {
            phone: format!("+38067{:07}", i % 10_000_000),
            email: String::new(),
        },
        lang: domain::Lang::Uk,
        proof: None,
    }
}

async fn post<T: serde::de::DeserializeOwned>(
    env: &Env,
    base: &str,
    name: &str,
    body: &impl serde::Serialize,
) -> Option<T> {
    let r = env
        .client
        .post(format!("{base}/api/{name}"))
        .json(body)
        .send()
        .await
        .ok()?;
    if !r.status().is_success() {
        return None;
    }
    r.json().await.ok()
}

async fn book_one(env: &Env, mode: Mode, h: &HoldRequest, i: usize) -> bool {
    match mode {
        Mode::Http => {
            let Some(hold) = post::<HoldView>(env, env.base(i, 0), "hold", h).await else {
                return false;
            };
            let confirm = confirm_request(&hold, i);
            post::<TicketView>(env, env.base(i, 1), "confirm", &confirm)
                .await
                .is_some()
        }
        Mode::Direct => {
            let client = app::api::context::ClientAddr::default();
            let Ok(hold) = backend(env).hold(h.clone(), client).await else {
                return false;
            };
            backend(env)
                .confirm(confirm_request(&hold, i), client)
                .await
                .is_ok()
        }
    }
}

async fn run<F, Fut>(clients: usize, total: usize, work: F) -> Report
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = bool> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let report = Arc::new(Mutex::new(Report::default()));
    let work = Arc::new(work);
    let start = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let (next, report, work) = (next.clone(), report.clone(), work.clone());
            tokio::spawn(async move {
                let mut local = Report::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    let t = Instant::now();
                    if work(i).await {
                        local.ok += 1;
                        local.latencies.push(t.elapsed());
                    } else {
                        local.failed += 1;
                    }
                }
                let mut r = report.lock().await;
                r.ok += local.ok;
                r.failed += local.failed;
                r.latencies.extend(local.latencies);
            })
        })
        .collect();
    for t in tasks {
        let _ = t.await;
    }
    let mut r = std::mem::take(&mut *report.lock().await);
    r.elapsed = start.elapsed();
    r
}

/// Books every plan item once (hold + confirm).
pub async fn bookings(env: &Env, mode: Mode, plan: &[HoldRequest], clients: usize) -> Report {
    let env = Arc::new(env.clone());
    let plan = Arc::new(plan.to_vec());
    let total = plan.len();
    run(clients, total, move |i| {
        let (env, plan) = (env.clone(), plan.clone());
        async move { book_one(&env, mode, &plan[i], i).await }
    })
    .await
}

/// Reads the times of plan items' days `n` times.
pub async fn reads(
    env: &Env,
    mode: Mode,
    plan: &[HoldRequest],
    n: usize,
    clients: usize,
) -> Report {
    let env = Arc::new(env.clone());
    let plan = Arc::new(plan.to_vec());
    run(clients, n, move |i| {
        let (env, plan) = (env.clone(), plan.clone());
        async move {
            let req = Env::times_request(&plan, i * 7919);
            match mode {
                Mode::Http => post::<Vec<TimeView>>(&env, env.base(i, 0), "times", &req)
                    .await
                    .is_some(),
                Mode::Direct => backend(&env).times(req).await.is_ok(),
            }
        }
    })
    .await
}
