//! `GET /api/board/{office}/events`: the office's display board as
//! server-sent events. No sign-in and no personal data (numbers and windows
//! only). Each event `calls` carries the whole list of the latest calls: the
//! first at once (a board that reconnects, as `EventSource` does by itself,
//! starts from a full list), the next whenever the office's queue changes on
//! any node.

use crate::service::Services;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures::StreamExt;
use tokio::sync::broadcast::error::RecvError;

/// The board's route.
pub fn routes(services: Services) -> Router {
    Router::new()
        .route("/api/board/{office}/events", get(events))
        .with_state(services)
}

async fn events(State(s): State<Services>, Path(office): Path<String>) -> Response {
    // Follow first, then read: no call falls between the two.
    let rx = s.board_events(&office);
    let first = match s.board(&office).await {
        Ok(view) => std::sync::Arc::new(view),
        Err(e) => {
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            return (status, Json(e)).into_response();
        }
    };
    let later = futures::stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(view) => return Some((view, rx)),
                // A board that fell behind takes the next list: each is whole.
                Err(RecvError::Lagged(_)) => continue,
                Err(RecvError::Closed) => return None,
            }
        }
    });
    let stream = futures::stream::once(async move { first })
        .chain(later)
        .map(|view| Event::default().event("calls").json_data(&*view));
    Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response()
}
