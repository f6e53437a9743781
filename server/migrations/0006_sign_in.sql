-- "My tickets" on any device: sign-in by a one-time code.
-- A ticket is found by the contact signed in with: `contact_key` is the
-- phone's hash when a phone was given (else the e-mail's); `email_key` is
-- the e-mail's hash whenever one was given. The server fills it for tickets
-- booked before (`Store::fill_email_keys`).
ALTER TABLE tickets ADD COLUMN email_key TEXT;
CREATE INDEX tickets_email_key ON tickets (email_key) WHERE email_key IS NOT NULL;
-- One sign-in attempt: its code only as a hash bound to the attempt's id;
-- the contact and the client address as hashes.
CREATE TABLE signin_attempts (
    id TEXT PRIMARY KEY,
    contact_key TEXT NOT NULL,
    client_key TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    tries BIGINT NOT NULL DEFAULT 0,
    used_at BIGINT
);
CREATE INDEX signin_attempts_contact ON signin_attempts (contact_key, created_at);
CREATE INDEX signin_attempts_client ON signin_attempts (client_key, created_at);
