//! The browser's half of a proof of work (see `domain::proof`): the search
//! for the counter an ALTCHA challenge hides, by the `altcha` crate. It is
//! called only from the booking part, so it loads with that part, never
//! with the first visit. The challenge crosses the wire as JSON text and
//! goes back inside the proof as it came: the browser reads only the
//! parameters the search needs (no JSON values, no maps: a smaller part).

use serde::Deserialize;

/// What the search needs of a challenge.
#[derive(Deserialize)]
struct Wanted {
    parameters: Parameters,
}

#[derive(Deserialize)]
struct Parameters {
    algorithm: String,
    cost: u32,
    #[serde(rename = "keyLength")]
    key_length: usize,
    #[serde(rename = "keyPrefix")]
    key_prefix: String,
    nonce: String,
    salt: String,
}

/// Solves the challenge (the JSON text a `proof` answer carries) within
/// 30 s; the proof, as the JSON text of ALTCHA's payload to send back.
/// None if the challenge is malformed or the search ran out of time.
pub fn solve(challenge: &str) -> Option<String> {
    let Wanted { parameters: p } = serde_json::from_str(challenge).ok()?;
    let theirs = altcha::Challenge {
        parameters: altcha::ChallengeParameters {
            algorithm: p.algorithm,
            cost: p.cost,
            data: None,
            expires_at: None,
            key_length: p.key_length,
            key_prefix: p.key_prefix,
            key_signature: None,
            memory_cost: None,
            nonce: p.nonce,
            parallelism: None,
            salt: p.salt,
        },
        signature: None,
    };
    let mut options = altcha::SolveChallengeOptions::new(&theirs);
    options.timeout_ms = 30_000;
    let found = altcha::solve_challenge(options).ok().flatten()?;
    // The key is hex digits: nothing in it needs escaping.
    Some(format!(
        r#"{{"challenge":{challenge},"solution":{{"counter":{},"derivedKey":"{}"}}}}"#,
        found.counter, found.derived_key
    ))
}
