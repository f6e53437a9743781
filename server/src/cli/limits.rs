//! The flags of the limits on clients, requests and connections.

use crate::http::rate::{Rate, Rates};
use clap::Args;

/// Limits on clients, requests and connections.
#[derive(Debug, Clone, Args)]
pub struct LimitArgs {
    /// Live holds one client address may have at once (0: no limit).
    #[arg(long, env = "CHERGA_MAX_HOLDS_PER_CLIENT", default_value_t = 6)]
    pub max_holds_per_client: u8,
    /// The reverse proxies in front of Cherga (addresses or CIDR ranges,
    /// comma-separated): for a request from one of them, the client is the
    /// nearest address in `X-Forwarded-For` that is not a proxy. From any
    /// other peer the header is ignored (anybody can send it).
    #[arg(long, env = "CHERGA_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_net)]
    pub trusted_proxies: Vec<ipnet::IpNet>,
    /// The networks the offices' kiosks call from (addresses or CIDR
    /// ranges, comma-separated): check-ins and walk-in tickets from any
    /// other client are refused. None given: any client (the demo).
    #[arg(long, env = "CHERGA_KIOSK_NETWORKS", value_delimiter = ',', value_parser = parse_net)]
    pub kiosk_networks: Vec<ipnet::IpNet>,
    /// Seconds a request may take from its first byte to its answer (a body
    /// sent slowly included); then it is answered 408.
    #[arg(long, env = "CHERGA_REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,
    /// Seconds a connection may take to send a request's headers, and stay
    /// idle between two requests; then it is closed.
    #[arg(long, env = "CHERGA_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,
    /// The largest request head (the request line and headers), in bytes;
    /// a larger one is answered 431.
    #[arg(long, env = "CHERGA_MAX_HEADER_BYTES", default_value_t = 16 * 1024)]
    pub max_header_bytes: usize,
    /// API requests served at once; one more is answered 503 with
    /// `Retry-After` at once rather than queued.
    #[arg(long, env = "CHERGA_MAX_IN_FLIGHT", default_value_t = 1024)]
    pub max_in_flight: usize,
    /// Free disk space (MiB) under which the server reports itself not ready.
    #[arg(long, env = "CHERGA_MIN_FREE_DISK_MB", default_value_t = 256)]
    pub min_free_disk_mb: u64,
    /// Seconds after 00:00 Kyiv in which the holds of the date that has just
    /// opened are served in a random order, all at the window's end, rather
    /// than as they arrive (0: no lottery).
    #[arg(long, env = "CHERGA_LOTTERY_SECONDS", default_value_t = 5)]
    pub lottery_seconds: i64,
    /// Holds that may wait for the lottery's draw at this node without
    /// counting among `--max-in-flight` (each costs a waiting task); those
    /// beyond wait as requests in flight.
    #[arg(long, env = "CHERGA_LOTTERY_MAX_WAITING", default_value_t = 16_384)]
    pub lottery_max_waiting: usize,
    /// The addresses (or CIDR ranges) that may read `GET /metrics`, by the
    /// connection's peer (a proxy's `X-Forwarded-For` does not count).
    #[arg(long, env = "CHERGA_METRICS_FROM", value_delimiter = ',', value_parser = parse_net,
          default_value = "127.0.0.0/8,::1")]
    pub metrics_from: Vec<ipnet::IpNet>,
    /// Holds one client address may ask for: CALLS/SECONDS (a burst of
    /// CALLS, then one each SECONDS/CALLS); 0/0 for no limit.
    #[arg(long, env = "CHERGA_RATE_HOLD", default_value = "30/60")]
    pub rate_hold: Rate,
    /// Confirms one client address may ask for.
    #[arg(long, env = "CHERGA_RATE_CONFIRM", default_value = "10/60")]
    pub rate_confirm: Rate,
    /// Cancels and moves one client address may ask for.
    #[arg(long, env = "CHERGA_RATE_CHANGE", default_value = "10/60")]
    pub rate_change: Rate,
    /// Sign-in steps (code asked for, code entered) one client address may take.
    #[arg(long, env = "CHERGA_RATE_SIGNIN", default_value = "10/60")]
    pub rate_signin: Rate,
    /// Check-ins one kiosk (client address) may make at the office.
    #[arg(long, env = "CHERGA_RATE_KIOSK", default_value = "30/60")]
    pub rate_kiosk: Rate,
    /// Receipt codes one client address may check.
    #[arg(long, env = "CHERGA_RATE_CHECK", default_value = "20/600")]
    pub rate_check: Rate,
    /// Other calls one client address may make (the catalog aside).
    #[arg(long, env = "CHERGA_RATE_READ", default_value = "600/60")]
    pub rate_read: Rate,
    /// Confirms for one phone or e-mail.
    #[arg(
        long,
        env = "CHERGA_RATE_CONFIRM_PER_CONTACT",
        default_value = "10/3600"
    )]
    pub rate_confirm_per_contact: Rate,
    /// Holds and confirms one client address may ask for before each must
    /// bring a proof of work: CALLS/SECONDS; 0/0: never for this reason.
    #[arg(long, env = "CHERGA_PROOF_AFTER", default_value = "12/600")]
    pub proof_after: Rate,
    /// The hashes a proof of work takes on average at its lowest level
    /// (30–50 ms in a desktop browser; 0: no proofs at all).
    #[arg(long, env = "CHERGA_PROOF_WORK", default_value_t = 30_000)]
    pub proof_work: u32,
    /// The share (percent) of `--max-in-flight` in use from which every
    /// hold and confirm must bring a proof; the work grows to four times at
    /// the limit (over 100: never for load alone).
    #[arg(long, env = "CHERGA_PROOF_BUSY_PERCENT", default_value_t = 50)]
    pub proof_busy_percent: u8,
    /// Ask every hold and confirm for a proof, whatever the load.
    #[arg(long, env = "CHERGA_PROOF_ALWAYS")]
    pub proof_always: bool,
}

impl LimitArgs {
    /// The rate limits.
    pub fn rates(&self) -> Rates {
        Rates {
            hold: self.rate_hold,
            confirm: self.rate_confirm,
            change: self.rate_change,
            signin: self.rate_signin,
            kiosk: self.rate_kiosk,
            check: self.rate_check,
            read: self.rate_read,
            per_contact: self.rate_confirm_per_contact,
            proof_after: self.proof_after,
        }
    }

    /// When proofs of work are asked for.
    pub fn proof_policy(&self) -> domain::proof::ProofPolicy {
        domain::proof::ProofPolicy {
            work: self.proof_work,
            busy_percent: self.proof_busy_percent,
            always: self.proof_always,
        }
    }

    /// The same limits with no rate limit at all (benchmarks, tests whose
    /// clients all come from one address).
    pub fn without_rates(mut self) -> Self {
        let off = Rate {
            calls: 0,
            per_seconds: 0,
        };
        self.rate_hold = off;
        self.rate_confirm = off;
        self.rate_change = off;
        self.rate_signin = off;
        self.rate_kiosk = off;
        self.rate_check = off;
        self.rate_read = off;
        self.rate_confirm_per_contact = off;
        self.proof_after = off;
        self
    }
}

/// An address (one host) or a CIDR range.
pub fn parse_net(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{text:?} is neither an IP address nor a CIDR range"))
}

const fn rate(calls: u32, per_seconds: u32) -> Rate {
    Rate { calls, per_seconds }
}

impl Default for LimitArgs {
    fn default() -> Self {
        LimitArgs {
            max_holds_per_client: 6,
            trusted_proxies: Vec::new(),
            kiosk_networks: Vec::new(),
            request_timeout_secs: 30,
            header_timeout_secs: 10,
            max_header_bytes: 16 * 1024,
            max_in_flight: 1024,
            min_free_disk_mb: 256,
            lottery_seconds: 5,
            lottery_max_waiting: 16_384,
            metrics_from: ["127.0.0.0/8", "::1/128"]
                .iter()
                .filter_map(|n| n.parse().ok())
                .collect(),
            rate_hold: rate(30, 60),
            rate_confirm: rate(10, 60),
            rate_change: rate(10, 60),
            rate_signin: rate(10, 60),
            rate_kiosk: rate(30, 60),
            rate_check: rate(20, 600),
            rate_read: rate(600, 60),
            rate_confirm_per_contact: rate(10, 3600),
            proof_after: rate(12, 600),
            proof_work: 30_000,
            proof_busy_percent: 50,
            proof_always: false,
        }
    }
}
