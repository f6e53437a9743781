//! The listener: HTTP/1.1 connections with a bounded request head and a
//! time to send it (which also ends an idle kept-alive connection), closed
//! gracefully on shutdown. `axum::serve` sets neither limit, so a client
//! that sends its headers a byte a second would hold a connection for as
//! long as it liked.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper::Request;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// The limits of a connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConnLimits {
    /// The time to send a request's head, and to stay idle between requests.
    pub header_read: Duration,
    /// The largest request head in bytes (answered 431 above it).
    pub max_header_bytes: usize,
}

impl ConnLimits {
    /// The limits `serve` was given.
    pub fn of(limits: &crate::cli::LimitArgs) -> Self {
        ConnLimits {
            header_read: Duration::from_secs(limits.header_timeout_secs.max(1)),
            max_header_bytes: limits.max_header_bytes.max(1024),
        }
    }
}

/// Serves `router` on `listener` with `limits` in a task of its own, until
/// the process ends (the tests, the benchmark).
pub fn spawn(
    listener: TcpListener,
    router: Router,
    limits: &crate::cli::LimitArgs,
) -> tokio::task::JoinHandle<std::io::Result<()>> {
    let limits = ConnLimits::of(limits);
    tokio::spawn(serve(listener, router, limits, std::future::pending()))
}

/// How long connections still open at shutdown may finish their requests.
const DRAIN: Duration = Duration::from_secs(20);

/// Serves `router` on `listener` until `shutdown` completes, then lets the
/// open connections finish their requests (for at most [`DRAIN`]).
pub async fn serve(
    listener: TcpListener,
    router: Router,
    limits: ConnLimits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, a connection reset before it
                    // was taken: wait a moment and take the next.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let service = tower::service_fn(move |mut req: Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo::<SocketAddr>(peer));
            router.clone().oneshot(req.map(Body::new))
        });
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_read)
            .max_header_size(limits.max_header_bytes);
        let conn =
            builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "a connection ended with an error");
            }
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(DRAIN) => {
            tracing::warn!("connections still open after {DRAIN:?}: closing them");
        }
    }
    Ok(())
}
