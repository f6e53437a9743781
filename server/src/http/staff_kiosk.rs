//! The kiosk's calls of the staff API: no staff session, but only from the
//! offices' networks where a deployment names them (`--kiosk-networks`).

use super::{answer, parse};
use crate::service::Services;
use app::api::context::ClientAddr;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::Response;
use axum::Extension;
use domain::office::OfficeError;
use office::api::*;

/// Refuses a kiosk's call from outside `--kiosk-networks` (when given).
fn from_a_kiosk(s: &Services, client: ClientAddr) -> Result<(), StaffError> {
    let networks = &s.limits().kiosk_networks;
    let inside = |ip: &std::net::IpAddr| networks.iter().any(|n| n.contains(ip));
    if networks.is_empty() || client.0.as_ref().is_some_and(inside) {
        return Ok(());
    }
    tracing::info!("refused: a kiosk's call from outside the kiosk networks");
    crate::metrics::refused("kiosk_network", "kiosk");
    Err(OfficeError::Forbidden.into())
}

pub(super) async fn kiosk_checkin(
    State(s): State<Services>,
    client: Option<Extension<ClientAddr>>,
    body: Bytes,
) -> Response {
    answer(
        async {
            from_a_kiosk(&s, client.map(|c| c.0).unwrap_or_default())?;
            let req: KioskCheckInRequest = parse(&body)?;
            s.kiosk_checkin(&req).await
        }
        .await,
    )
}

pub(super) async fn kiosk_services(State(s): State<Services>, body: Bytes) -> Response {
    answer(
        async {
            let req: KioskServicesRequest = parse(&body)?;
            s.kiosk_services(&req).await
        }
        .await,
    )
}

pub(super) async fn kiosk_walk_in(
    State(s): State<Services>,
    client: Option<Extension<ClientAddr>>,
    body: Bytes,
) -> Response {
    answer(
        async {
            from_a_kiosk(&s, client.map(|c| c.0).unwrap_or_default())?;
            let req: KioskWalkInRequest = parse(&body)?;
            s.kiosk_walk_in(&req).await
        }
        .await,
    )
}
