//! Structured logs. Personal data never reaches them: request logs carry the
//! method, the path (which never holds personal data by design) and the status.

use tracing_subscriber::EnvFilter;

/// Starts logging with `filter`, falling back to `info` if it does not parse.
pub fn init(filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .try_init();
}
