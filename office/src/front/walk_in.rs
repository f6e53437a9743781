//! The kiosk's walk-ins: the services the office takes today without a
//! booking, with the places left; a tap takes a ticket.

use super::js;
use super::{say, w};
use crate::api::{KioskServicesRequest, KioskTicket, KioskWalkInRequest, WalkInService};
use leptos::prelude::*;
use std::time::Duration;

/// The places left are read again this often.
const REFRESH: Duration = Duration::from_secs(60);

#[component]
pub fn WalkIns(office: StoredValue<String>, done: RwSignal<Option<KioskTicket>>) -> impl IntoView {
    let lang = super::lang();
    let services = RwSignal::new(None::<Vec<WalkInService>>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let load = move || {
        let req = KioskServicesRequest {
            office: office.get_value(),
        };
        leptos::task::spawn_local(async move {
            if let Ok(list) = js::post::<_, Vec<WalkInService>>("kiosk_services", &req).await {
                services.set(Some(list));
            }
        });
    };
    load();
    if let Ok(handle) = set_interval_with_handle(load, REFRESH) {
        on_cleanup(move || handle.clear());
    }
    let take = move |service: String| {
        busy.set(true);
        let req = KioskWalkInRequest {
            office: office.get_value(),
            service,
            lang: Some(lang.get_untracked().tag().into()),
        };
        leptos::task::spawn_local(async move {
            let answer = js::post::<_, KioskTicket>("kiosk_walk_in", &req).await;
            busy.set(false);
            load();
            match answer {
                Ok(ticket) => {
                    error.set(None);
                    done.set(Some(ticket));
                }
                Err(e) => error.set(Some(say(&e))),
            }
        });
    };
    let list = move || {
        services.get().map(|all| {
            if all.is_empty() {
                return view! { <p>{move || w().walk_in_none}</p> }.into_any();
            }
            all.into_iter()
                .map(|s| {
                    let (id, name, left) = (s.id.clone(), s.name.clone(), s.left);
                    let note = move || match left {
                        0 => w().walk_in_full.to_string(),
                        n => w().walk_in_left.replace("{left}", &n.to_string()),
                    };
                    view! {
                        <button type="button" class="kiosk-service" data-service=id.clone()
                            disabled=move || busy.get() || left == 0
                            on:click=move |_| take(id.clone())>
                            <strong>{move || name.get(lang.get()).to_string()}</strong>
                            <span>{note}</span>
                        </button>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="kiosk-walk-ins">
            <h2>{move || w().walk_in_title}</h2>
            <p class="kiosk-lead">{move || w().walk_in_lead}</p>
            <p class="kiosk-error" role="alert">{move || error.get()}</p>
            <div class="kiosk-services">{list}</div>
        </section>
    }
}

/// The QR code of `link` on this site, as SVG.
pub fn qr_svg(link: &str) -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    qrcode::QrCode::new(format!("{origin}{link}").as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color<'_>>()
                .min_dimensions(200, 200)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default()
}
