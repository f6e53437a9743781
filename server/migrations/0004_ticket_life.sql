-- The ticket's life after booking.
-- One person, two keys: `person_key` is now always the hash of the name and
-- date of birth, `tax_key` the hash of the tax number when given; the database
-- refuses a second active ticket for one service by either. Rows booked
-- before carry `keys_version` 1 (their `person_key` was the tax number's hash
-- when one was given): `tax_key` is that hash, and the server recomputes
-- their name key at start (`Store::upgrade_keys`).
ALTER TABLE tickets ADD COLUMN tax_key TEXT;
UPDATE tickets SET tax_key = person_key WHERE rnokpp IS NOT NULL;
ALTER TABLE tickets ADD COLUMN keys_version BIGINT NOT NULL DEFAULT 1;
UPDATE tickets SET keys_version = 2 WHERE rnokpp IS NULL;
CREATE UNIQUE INDEX tickets_one_active_per_tax
    ON tickets (tax_key, service_id)
    WHERE status IN ('booked', 'checked_in', 'called') AND tax_key IS NOT NULL;
-- What the confirm that made the ticket asked (a hash of the hold and the
-- person): a retry with the same idempotency key must ask the same.
ALTER TABLE tickets ADD COLUMN request_hash TEXT;
-- The language the booking was made in (for the messages).
ALTER TABLE tickets ADD COLUMN lang TEXT NOT NULL DEFAULT 'uk';
