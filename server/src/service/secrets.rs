//! Random ids and secrets (from the OS CSPRNG), and the hashes storage keeps
//! instead of secrets and personal keys.

use app::api::ApiError;
use chrono::{DateTime, Utc};
use domain::ticket::to_hex as hex;
use sha2::{Digest, Sha256};

/// `N` random bytes from the OS CSPRNG.
pub fn random<const N: usize>() -> Result<[u8; N], ApiError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| {
        tracing::error!(error = %e, "no randomness");
        ApiError::Internal
    })?;
    Ok(buf)
}

/// A random id of 128 bits, as 32 hex digits.
pub fn random_id() -> Result<String, ApiError> {
    Ok(hex(&random::<16>()?))
}

/// An id of 128 bits made at `at`, as 32 hex digits: the first 48 bits are the
/// milliseconds since 1970, the other 80 random. Ids made later sort after
/// earlier ones, so an index keyed by them grows at its end: a commit of many
/// bookings changes one or two of its pages instead of one page per booking
/// (README, "Booking load"). An id is no secret (a ticket opens only with its
/// token); its random part still makes it unguessable.
pub fn ordered_id(at: DateTime<Utc>) -> Result<String, ApiError> {
    let millis = u64::try_from(at.timestamp_millis())
        .unwrap_or(0)
        .to_be_bytes();
    let mut bytes = random::<16>()?;
    bytes[..6].copy_from_slice(&millis[2..]);
    Ok(hex(&bytes))
}

/// SHA-256 of `purpose:value`, hex: a purpose-separated hash.
pub fn hash(purpose: &str, value: &str) -> String {
    let mut h = Sha256::new();
    h.update(purpose.as_bytes());
    h.update(b":");
    h.update(value.as_bytes());
    hex(&h.finalize())
}

/// The network a client's limits count for: an IPv4 address itself, an IPv6
/// address by its /64 (one household or phone has a whole /64 to pick
/// addresses from).
pub fn client_network(ip: std::net::IpAddr) -> std::net::IpAddr {
    match ip {
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            std::net::IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

/// An idempotency key must look random (128 bits or more): 32 to 128
/// characters of letters, digits, `-` and `_`, at least 8 of them different
/// and none making up half the key. So `000…0001`, `abab…` or a word typed
/// again and again are refused, while a key from a CSPRNG (32 hex digits: 14
/// different ones on average) is refused with a chance below 10⁻¹⁵. A retry
/// must also ask what the first request asked (the confirm checks it), so a
/// key guessed or seen still opens nothing.
pub fn check_idempotency_key(key: &str) -> Result<(), ApiError> {
    let ok = (32..=128).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && looks_random(key.as_bytes());
    if ok {
        Ok(())
    } else {
        Err(ApiError::BadRequest {
            detail: "idempotency_key must be 32 to 128 random letters, digits, - or _".into(),
        })
    }
}

/// At least 8 different bytes, none more than half of them.
fn looks_random(key: &[u8]) -> bool {
    let mut counts = [0usize; 256];
    for &b in key {
        counts[usize::from(b)] += 1;
    }
    let distinct = counts.iter().filter(|&&c| c > 0).count();
    let most = counts.iter().copied().max().unwrap_or(0);
    distinct >= 8 && most * 2 <= key.len()
}

fn pad(idempotency_key: &str) -> [u8; 32] {
    Sha256::digest(format!("cherga-seal:{idempotency_key}").as_bytes()).into()
}

/// Seals the 32-byte token with a pad only the holder of the idempotency key can
/// make: the database alone never yields a token.
pub fn seal(token: &[u8; 32], idempotency_key: &str) -> String {
    let p = pad(idempotency_key);
    hex(&std::array::from_fn::<u8, 32, _>(|i| token[i] ^ p[i]))
}

/// Opens a sealed token (for a retried confirm).
pub fn unseal(sealed: &str, idempotency_key: &str) -> Option<[u8; 32]> {
    if sealed.len() != 64 {
        return None;
    }
    let p = pad(idempotency_key);
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        let byte = u8::from_str_radix(sealed.get(2 * i..2 * i + 2)?, 16).ok()?;
        *o = byte ^ p[i];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_round_trips_only_with_the_key() {
        let token = [7u8; 32];
        let key = "a".repeat(32);
        let sealed = seal(&token, &key);
        assert_eq!(unseal(&sealed, &key), Some(token));
        assert_ne!(unseal(&sealed, &"b".repeat(32)), Some(token));
        assert!(!sealed.contains(&hex(&token)));
    }

    #[test]
    fn idempotency_keys_need_128_bits() {
        assert!(check_idempotency_key(&"x".repeat(31)).is_err());
        assert!(check_idempotency_key("0123456789abcdef0123456789abcdef").is_ok());
        assert!(check_idempotency_key("0123456789abcdef0123456789abcde!").is_err());
        // Not random: one character, two in turn, a counter, a word again.
        for weak in [
            "a".repeat(32),
            "ab".repeat(16),
            format!("{:032x}", 1),
            "retry-".repeat(6),
            "0123456".repeat(5),
        ] {
            assert!(check_idempotency_key(&weak).is_err(), "{weak}");
        }
        // A thousand keys from the CSPRNG all pass.
        for _ in 0..1000 {
            let k = random_id().unwrap();
            assert!(check_idempotency_key(&k).is_ok(), "{k}");
        }
    }

    #[test]
    fn ids_are_random() {
        assert_ne!(random_id().ok(), random_id().ok());
        assert_eq!(random_id().map(|s| s.len()).ok(), Some(32));
    }

    #[test]
    fn ordered_ids_sort_by_time_and_differ_within_a_millisecond() {
        let at = |ms: i64| DateTime::from_timestamp_millis(ms).unwrap_or_default();
        let t = 1_795_000_000_123;
        let (a, b) = (ordered_id(at(t)).ok(), ordered_id(at(t)).ok());
        assert_ne!(a, b);
        let a = a.unwrap_or_default();
        assert_eq!(a.len(), 32);
        // The first 12 hex digits are the milliseconds.
        assert_eq!(a.get(..12), Some(format!("{t:012x}").as_str()));
        let later = ordered_id(at(t + 1)).unwrap_or_default();
        assert!(later > a && later.get(..12) > a.get(..12));
        // Times before 1970 (a wrong clock) still make an id.
        assert_eq!(ordered_id(at(-5)).map(|s| s.len()).ok(), Some(32));
    }
}
