//! The Cherga server as a library, so the integration tests start the real thing.

pub mod cli;
pub mod data;
pub mod http;
pub mod telemetry;

use cli::ServeArgs;
use std::net::SocketAddr;
use thiserror::Error;
use tokio::net::TcpListener;

/// Why the server stopped.
#[derive(Debug, Error)]
pub enum ServerError {
    /// The data files are broken.
    #[error(transparent)]
    Data(#[from] data::DataError),
    /// The socket could not be bound or served.
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
}

/// Binds `args.addr` and serves until Ctrl-C or SIGTERM.
pub async fn serve(args: ServeArgs) -> Result<(), ServerError> {
    let listener = TcpListener::bind(args.addr).await?;
    let (router, addr) = prepare(&args, &listener)?;
    tracing::info!(%addr, "Cherga is listening on http://{addr}");
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

/// Loads the data and builds the router for a bound listener.
pub fn prepare(
    args: &ServeArgs,
    listener: &TcpListener,
) -> Result<(axum::Router, SocketAddr), ServerError> {
    let data = data::load(&args.data.data_dir)?;
    let addr = listener.local_addr()?;
    Ok((http::router(data, &args.site_root), addr))
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down");
}
