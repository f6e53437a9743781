-- The proofs of work taken, by their challenge's nonce, until the challenge
-- expires: one proof opens one request across every node (PostgreSQL; a
-- single SQLite node keeps them in its memory).
CREATE TABLE proof_nonces (
    nonce TEXT PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX proof_nonces_expiry ON proof_nonces (expires_at);
