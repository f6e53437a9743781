//! The keys that the rules about people count by (one active ticket per
//! person and service, tickets per contact, limits per client address, "My
//! tickets"), kept as keyed hashes: HMAC-SHA-256 under a server secret that
//! is never in the database. A plain SHA-256 of a phone number is undone by
//! hashing every number (some 10⁹ of them, seconds on a GPU); without the
//! secret a copy of the database yields nothing.

use domain::ticket::to_hex as hex;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// The shortest secret taken, in bytes (128 bits as 32 hex digits).
pub const MIN_SECRET: usize = 32;

/// HMAC-SHA-256 keyed by the server's secret.
#[derive(Clone)]
pub struct PersonalKeys {
    mac: Hmac<Sha256>,
}

impl std::fmt::Debug for PersonalKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PersonalKeys(…)")
    }
}

impl PersonalKeys {
    /// Keys under `secret`, at least [`MIN_SECRET`] bytes.
    pub fn new(secret: &[u8]) -> Result<Self, String> {
        if secret.len() < MIN_SECRET {
            return Err(format!(
                "the key secret is {} bytes; it needs {MIN_SECRET} or more (e.g. `openssl rand -hex 32`)",
                secret.len()
            ));
        }
        Hmac::<Sha256>::new_from_slice(secret)
            .map(|mac| PersonalKeys { mac })
            .map_err(|e| e.to_string())
    }

    /// Keys under a fresh random secret (a node whose keys no other node
    /// must match: tests, benchmarks).
    pub fn random() -> Result<Self, app::api::ApiError> {
        let secret = hex(&super::secrets::random::<32>()?);
        Self::new(secret.as_bytes()).map_err(|_| app::api::ApiError::Internal)
    }

    /// The key of `value` for `purpose` (`person`, `contact`, `client`): hex.
    pub fn key(&self, purpose: &str, value: &str) -> String {
        let mut mac = self.mac.clone();
        mac.update(purpose.as_bytes());
        mac.update(b":");
        mac.update(value.as_bytes());
        hex(&mac.finalize().into_bytes())
    }

    /// What the database keeps to know the secret again: a key of a fixed
    /// text, which tells nothing of the secret. A node started with another
    /// secret would find nobody's tickets, so it refuses to start.
    pub fn fingerprint(&self) -> String {
        self.key("fingerprint", "cherga")
    }

    /// The key a client's limits count under ([`super::secrets::client_network`]);
    /// no address (an in-process call): one key for all.
    pub fn client(&self, client: Option<std::net::IpAddr>) -> String {
        let text = client.map(|ip| super::secrets::client_network(ip).to_string());
        self.key("client", text.as_deref().unwrap_or_default())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha2::Digest;

    #[test]
    fn keys_depend_on_the_secret_and_are_no_plain_hash() {
        let a = PersonalKeys::new(&[1u8; 32]).unwrap();
        let b = PersonalKeys::new(&[2u8; 32]).unwrap();
        assert_eq!(
            a.key("contact", "p:+380671234567"),
            a.key("contact", "p:+380671234567")
        );
        assert_ne!(
            a.key("contact", "p:+380671234567"),
            b.key("contact", "p:+380671234567")
        );
        assert_ne!(a.key("contact", "p:1"), a.key("person", "p:1"));
        assert_ne!(a.fingerprint(), b.fingerprint());
        let plain = hex(&Sha256::digest(b"contact:p:+380671234567"));
        assert_ne!(a.key("contact", "p:+380671234567"), plain);
        assert_eq!(a.key("x", "y").len(), 64);
    }

    #[test]
    fn a_short_secret_is_refused() {
        assert!(PersonalKeys::new(&[7u8; 31]).is_err());
        assert!(PersonalKeys::new(b"").is_err());
        assert_ne!(
            PersonalKeys::random().unwrap().fingerprint(),
            PersonalKeys::random().unwrap().fingerprint()
        );
    }

    #[test]
    fn clients_count_by_their_network() {
        let k = PersonalKeys::new(&[3u8; 32]).unwrap();
        let key = |s: &str| k.client(Some(s.parse().unwrap()));
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_ne!(key("203.0.113.1"), key("203.0.113.2"));
        assert_eq!(k.client(None), k.client(None));
    }

    #[test]
    fn debug_shows_no_secret() {
        let k = PersonalKeys::new(&[b'z'; 32]).unwrap();
        assert_eq!(format!("{k:?}"), "PersonalKeys(…)");
    }
}
