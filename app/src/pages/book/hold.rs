//! Taking a hold (from the time grid, or from the alternatives after a "taken"
//! answer), the hold's countdown, and the alternatives list.

use crate::api::{hold, ApiError, HoldRequest, SlotRef};
use crate::browser;
use crate::components::error_view::ErrorView;
use crate::components::lang::use_lang;
use crate::draft::Draft;
use crate::i18n::{date_short, t, time};
use domain::Localized;
use leptos::prelude::*;
use std::time::Duration;

/// Holds `slot` for the draft's service and office; on success the draft keeps
/// the hold (and forgets earlier alternatives), on "taken" it keeps the new
/// alternatives. The error is returned for the caller to show.
pub(super) async fn take(draft: RwSignal<Draft>, slot: SlotRef) -> Result<(), ApiError> {
    let (service, office, replaces) = draft.with_untracked(|d| {
        let held = d.hold.as_ref().map(|h| h.hold_id.clone());
        (d.service.clone(), d.office.clone(), held)
    });
    let (Some(service), Some(office)) = (service, office) else {
        return Err(ApiError::not_found("office"));
    };
    let asked = super::proof::with_proof(|proof| {
        hold(HoldRequest {
            service: service.clone(),
            office: office.clone(),
            date: slot.date,
            time: slot.time,
            replaces: replaces.clone(),
            proof,
        })
    });
    match asked.await {
        Ok(h) => {
            draft.update(|d| {
                d.date = Some(h.date);
                d.hold = Some(h);
                d.alternatives.clear();
            });
            Ok(())
        }
        Err(e) => {
            if let ApiError::Taken { alternatives } | ApiError::HoldExpired { alternatives } = &e {
                let alternatives = alternatives.clone();
                draft.update(|d| d.alternatives = alternatives);
            }
            Err(e)
        }
    }
}

/// The hold's remaining time, counting down each second; says so when it ran out.
#[component]
pub(super) fn HoldTimer(draft: RwSignal<Draft>) -> impl IntoView {
    let lang = use_lang();
    let now = RwSignal::new(browser::now_ms());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(browser::now_ms()), Duration::from_secs(1))
    {
        on_cleanup(move || handle.clear());
    }
    move || {
        let expires = draft.with(|d| d.hold.as_ref().map(|h| h.expires_at.timestamp_millis()))?;
        let left = ((expires as f64 - now.get()) / 1000.0).max(0.0) as u64;
        let w = t(lang.get());
        Some(if left == 0 {
            view! { <p class="hold expired" role="status">{w.hold_expired}</p> }.into_any()
        } else {
            view! {
                <p class="hold" role="timer" aria-live="off">
                    {w.hold_left} " " <strong>{format!("{}:{:02}", left / 60, left % 60)}</strong>
                </p>
            }
            .into_any()
        })
    }
}

/// What went wrong with a hold or a confirm. A time taken meanwhile (or a hold
/// that ran out and lost its place) says so and offers the nearest free times;
/// choosing one takes it, then `on_held` runs. Other errors are shown as such,
/// with `on_retry` if given and trying again may help (a lost connection).
#[component]
pub(super) fn HoldProblem(
    draft: RwSignal<Draft>,
    error: RwSignal<Option<ApiError>>,
    on_held: Callback<()>,
    #[prop(optional)] on_retry: Option<Callback<()>>,
) -> impl IntoView {
    let lang = use_lang();
    let choose = Action::new_local(move |slot: &SlotRef| {
        let slot = slot.clone();
        async move {
            match take(draft, slot).await {
                Ok(()) => {
                    error.set(None);
                    on_held.run(());
                }
                Err(e) => error.set(Some(e)),
            }
        }
    });
    move || {
        let e = error.get()?;
        Some(match &e {
            ApiError::Taken { .. } | ApiError::HoldExpired { .. } => {
                let list = draft.with(|d| d.alternatives.clone());
                let l = lang.get();
                let message = if list.is_empty() {
                    t(l).no_alternatives.to_string()
                } else {
                    e.message(l)
                };
                let buttons = list
                    .into_iter()
                    .map(|slot| {
                        let label = format!("{}, {}", date_short(slot.date, l), time(slot.time));
                        view! {
                            <li><button type="button" class="button slot" on:click=move |_| { choose.dispatch(slot.clone()); }>{label}</button></li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="taken" role="alert">
                        <p>{message}</p>
                        <ul class="times">{buttons}</ul>
                    </div>
                }
                .into_any()
            }
            _ => view! { <ErrorView error=e on_retry /> }.into_any(),
        })
    }
}
