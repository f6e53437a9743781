//! Random ids and secrets (from the OS CSPRNG), and the hashes storage keeps
//! instead of secrets and personal keys.

use app::api::ApiError;
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

/// SHA-256 of `purpose:value`, hex: a purpose-separated hash.
pub fn hash(purpose: &str, value: &str) -> String {
    let mut h = Sha256::new();
    h.update(purpose.as_bytes());
    h.update(b":");
    h.update(value.as_bytes());
    hex(&h.finalize())
}

/// An idempotency key must carry at least 128 bits: 32 to 128 characters of
/// letters, digits, `-` and `_`.
pub fn check_idempotency_key(key: &str) -> Result<(), ApiError> {
    let ok = (32..=128).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ApiError::BadRequest {
            detail: "idempotency_key must be 32 to 128 letters, digits, - or _".into(),
        })
    }
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
    }

    #[test]
    fn ids_are_random() {
        assert_ne!(random_id().ok(), random_id().ok());
        assert_eq!(random_id().map(|s| s.len()).ok(), Some(32));
    }
}
