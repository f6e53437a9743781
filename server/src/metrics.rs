//! Counted events, for Prometheus at `GET /metrics` (served to the
//! addresses of `--metrics-from` only): every request refused before its
//! endpoint (by the gate, the in-flight limit, a rate, a time-out) and every
//! error an endpoint answers, by kind. Labels come from fixed sets (a kind,
//! a class of endpoint), never from what a client sent, and never carry
//! personal data.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::registry::Registry;
use std::sync::LazyLock;

/// Why a request was refused before its endpoint, and its endpoint's class.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Refused {
    reason: &'static str,
    class: &'static str,
}

/// The kind of an error answer.
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Answered {
    kind: &'static str,
}

/// How a confirm on PostgreSQL was written (`store/confirm_batch.rs`).
#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Written {
    how: &'static str,
}

struct Metrics {
    registry: Registry,
    refused: Family<Refused, Counter>,
    errors: Family<Answered, Counter>,
    confirms: Family<Written, Counter>,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::with_prefix("cherga");
    let refused = Family::<Refused, Counter>::default();
    registry.register(
        "refused",
        "Requests refused before their endpoint (cross-site, not JSON, too large, in flight, rate, time-out)",
        refused.clone(),
    );
    let errors = Family::<Answered, Counter>::default();
    registry.register(
        "api_errors",
        "Error answers of the API by kind (a limit's kind includes the limit)",
        errors.clone(),
    );
    let confirms = Family::<Written, Counter>::default();
    registry.register(
        "confirms",
        "Confirms on PostgreSQL by how they were written: together (a batch of several), one (a batch of one), alone (left by a batch to a transaction of its own)",
        confirms.clone(),
    );
    Metrics {
        registry,
        refused,
        errors,
        confirms,
    }
});

/// Counts a request refused for `reason` before an endpoint of `class`.
pub fn refused(reason: &'static str, class: &'static str) {
    METRICS
        .refused
        .get_or_create(&Refused { reason, class })
        .inc();
}

/// Counts an error answer of `kind`.
pub fn answered(kind: &'static str) {
    METRICS.errors.get_or_create(&Answered { kind }).inc();
}

/// Counts `n` confirms written `how` (`together`, `one`, `alone`).
pub fn confirms(how: &'static str, n: usize) {
    let n = u64::try_from(n).unwrap_or(u64::MAX);
    METRICS.confirms.get_or_create(&Written { how }).inc_by(n);
}

/// Every metric in Prometheus's text format.
pub fn text() -> String {
    let mut out = String::new();
    if prometheus_client::encoding::text::encode(&mut out, &METRICS.registry).is_err() {
        out.clear();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_events_show_in_the_text() {
        refused("rate", "hold");
        refused("rate", "hold");
        answered("limited_holds");
        let text = text();
        assert!(
            text.contains(r#"cherga_refused_total{reason="rate",class="hold"} 2"#),
            "{text}"
        );
        assert!(text.contains(r#"cherga_api_errors_total{kind="limited_holds"} 1"#));
        assert!(text.ends_with("# EOF\n"));
    }
}
