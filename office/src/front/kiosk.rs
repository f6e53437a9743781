//! The office's kiosk (`/office/ID/kiosk`), a touch screen at the door: the
//! applicant checks in by the ticket's number and check-in code, or by
//! showing the ticket's QR code to the camera (`BarcodeDetector`, where the
//! browser has one), and learns the people ahead and the wait; one without
//! a booking takes a ticket for today (`walk_in`).

use super::js::{self, BarcodeDetector};
use super::walk_in::{qr_svg, WalkIns};
use super::{say, w, LangSwitch};
use crate::api::{KioskCheckInRequest, KioskTicket, StaffError};
use crate::show::ticket_link;
use domain::office::{CheckInCode, Estimate};
use domain::ticket::TicketNumber;
use leptos::html::Video;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsValue;

/// How often the camera's picture is read for a QR code.
const SCAN_EVERY: Duration = Duration::from_millis(300);
/// The answer stays this long, then the kiosk is ready for the next person.
const SHOW_FOR: Duration = Duration::from_secs(25);

#[component]
pub fn Kiosk(office: String) -> impl IntoView {
    let number = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<KioskTicket>);
    let scanning = RwSignal::new(false);
    let stream = StoredValue::new_local(None::<JsValue>);
    let video = NodeRef::<Video>::new();
    let reader = StoredValue::new_local(js::qr_reader());
    let office = StoredValue::new(office);

    let stop_camera = move || {
        if let Some(s) = stream.get_value() {
            js::stop_stream(&s);
        }
        stream.set_value(None);
        scanning.set(false);
    };
    let send = move |req: KioskCheckInRequest| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let answer = js::post::<_, KioskTicket>("kiosk_checkin", &req).await;
            busy.set(false);
            match answer {
                Ok(ticket) => {
                    number.set(String::new());
                    code.set(String::new());
                    error.set(None);
                    let shown = ticket.number.clone();
                    done.set(Some(ticket));
                    // Ready for the next person, unless they came already.
                    set_timeout(
                        move || {
                            if done
                                .with_untracked(|d| d.as_ref().is_some_and(|t| t.number == shown))
                            {
                                done.set(None);
                            }
                        },
                        SHOW_FOR,
                    );
                }
                Err(StaffError::NotFound { .. }) => error.set(Some(w().kiosk_not_found.into())),
                Err(e) => error.set(Some(say(&e))),
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(n) = TicketNumber::read(&number.get_untracked()) else {
            error.set(Some(w().kiosk_bad_number.into()));
            return;
        };
        // The server's own reading of a typed code (`domain`).
        let Ok(c) = CheckInCode::parse(&code.get_untracked()) else {
            error.set(Some(w().kiosk_bad_code.into()));
            return;
        };
        send(KioskCheckInRequest {
            office: office.get_value(),
            number: Some(n.to_string()),
            code: Some(c.as_str().to_string()),
            ticket: None,
            token: None,
        });
    };
    let scan = move |_| {
        let Some(reader) = reader.get_value() else {
            return;
        };
        error.set(None);
        scanning.set(true);
        leptos::task::spawn_local(async move {
            let Some(s) = js::camera().await else {
                scanning.set(false);
                error.set(Some(w().kiosk_no_camera.into()));
                return;
            };
            stream.set_value(Some(s.clone()));
            if let Some(v) = video.get_untracked() {
                js::show_stream(&v, &s);
            }
            scan_until_read(reader, video, scanning, move |id, token| {
                stop_camera();
                send(KioskCheckInRequest {
                    office: office.get_value(),
                    number: None,
                    code: None,
                    ticket: Some(id),
                    token: Some(token),
                });
            });
        });
    };
    on_cleanup(stop_camera);

    view! {
        <main class="kiosk">
            <header class="kiosk-head">
                <h1>{move || w().kiosk_title}</h1>
                <LangSwitch />
            </header>
            {move || match done.get() {
                Some(ticket) => view! { <Done ticket done /> }.into_any(),
                None => view! {
                    <p class="kiosk-lead">{move || w().kiosk_lead}</p>
                    <form class="kiosk-form" on:submit=submit novalidate>
                        <label for="kiosk-number">{move || w().kiosk_number}</label>
                        <input id="kiosk-number" name="number" autocomplete="off" autocapitalize="characters"
                            placeholder=move || w().kiosk_number_hint
                            prop:value=number on:input=move |ev| number.set(event_target_value(&ev)) />
                        <label for="kiosk-code">{move || w().kiosk_code}</label>
                        <input id="kiosk-code" name="code" inputmode="numeric" autocomplete="off" maxlength="7"
                            placeholder=move || w().kiosk_code_hint
                            prop:value=code on:input=move |ev| code.set(event_target_value(&ev)) />
                        <p class="kiosk-error" role="alert">{move || error.get()}</p>
                        <button type="submit" class="kiosk-submit" disabled=busy>{move || w().kiosk_submit}</button>
                    </form>
                    <Show when=move || reader.with_value(Option::is_some)>
                        <div class="kiosk-scan">
                            <Show
                                when=move || scanning.get()
                                fallback=move || view! {
                                    <button type="button" class="kiosk-scan-button" on:click=scan>{move || w().kiosk_scan}</button>
                                }
                            >
                                <p>{move || w().kiosk_scan_help}</p>
                                <button type="button" class="kiosk-scan-button" on:click=move |_| stop_camera()>
                                    {move || w().kiosk_scan_stop}
                                </button>
                            </Show>
                            <video node_ref=video class="kiosk-video" class:hidden=move || !scanning.get() playsinline></video>
                        </div>
                    </Show>
                    <WalkIns office done />
                }
                .into_any(),
            }}
        </main>
    }
}

/// Reads the camera's picture every `SCAN_EVERY` until a ticket's QR code
/// is seen (then `found` with its id and token) or scanning stops.
fn scan_until_read(
    reader: BarcodeDetector,
    video: NodeRef<Video>,
    scanning: RwSignal<bool>,
    found: impl Fn(String, String) + Clone + 'static,
) {
    set_timeout(
        move || {
            if !scanning.get_untracked() {
                return;
            }
            leptos::task::spawn_local(async move {
                let seen = match video.get_untracked() {
                    Some(v) => js::read_qr(&reader, &v).await,
                    None => None,
                };
                match seen.as_deref().and_then(ticket_link) {
                    Some((id, token)) => found(id, token),
                    None => scan_until_read(reader, video, scanning, found),
                }
            });
        },
        SCAN_EVERY,
    );
}

/// The answer: checked in, the number, the people ahead and the wait.
#[component]
fn Done(ticket: KioskTicket, done: RwSignal<Option<KioskTicket>>) -> impl IntoView {
    let lang = super::lang();
    // The same words as the ticket page's (`domain::office::Estimate`).
    let ahead = move || match (ticket.ahead, ticket.minutes) {
        (Some(ahead), Some(minutes)) => Some(Estimate { ahead, minutes }.message(lang.get())),
        _ => None,
    };
    let service = ticket.service.clone();
    let link = ticket.link.clone();
    view! {
        <section class="kiosk-done" role="status">
            <h2>{move || w().kiosk_done}</h2>
            <p class="kiosk-number" data-number=ticket.number.clone()>{ticket.number.clone()}</p>
            <p class="kiosk-service">{move || service.get(lang.get()).to_string()}</p>
            {ticket.starts.clone().map(|s| view! { <p>{move || w().kiosk_starts} " " {s.clone()}</p> })}
            // Checked in late, and moved to the walk-ins.
            <Show when=move || ticket.walk_in && ticket.starts.is_some()>
                <p class="kiosk-walk-in">{move || w().kiosk_walk_in}</p>
            </Show>
            <p class="kiosk-ahead">{ahead}</p>
            <p>{move || w().kiosk_watch}</p>
            {link.map(|link| view! {
                <figure class="kiosk-qr">
                    <div inner_html=qr_svg(&link)></div>
                    <figcaption>{move || w().walk_in_follow}</figcaption>
                </figure>
            })}
            <button type="button" class="kiosk-submit" on:click=move |_| done.set(None)>{move || w().kiosk_again}</button>
        </section>
    }
}
