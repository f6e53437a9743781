-- The officer's console: a ticket's place in the office's queue and its calls.
--
-- `walk_in`: taken at the office without a booking (1) or booked (0);
-- `priority`: served first. `joined_at` (Unix seconds): when it joined the
-- queue (checked in, or put back or transferred: then `requeued` = 1).
-- `target_window`, `target_service`: where a transfer sent it (the booked
-- service and window stay as booked). `called_window`, `called_at`, `calls`:
-- the window it is called to or served at, its last call, how many calls.
-- `absent_at`: when an officer said the applicant is not here (annulled when
-- the grace time after the last call ends). `serving_at`, `served_at`:
-- service began and ended (the recent service times for the estimates).
ALTER TABLE tickets ADD COLUMN walk_in BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN priority BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN joined_at BIGINT;
ALTER TABLE tickets ADD COLUMN requeued BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN target_window TEXT;
ALTER TABLE tickets ADD COLUMN target_service TEXT;
ALTER TABLE tickets ADD COLUMN called_window TEXT;
ALTER TABLE tickets ADD COLUMN called_at BIGINT;
ALTER TABLE tickets ADD COLUMN calls BIGINT NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN absent_at BIGINT;
ALTER TABLE tickets ADD COLUMN serving_at BIGINT;
ALTER TABLE tickets ADD COLUMN served_at BIGINT;
-- Said not here, waiting for the grace time to end (the system's sweep).
CREATE INDEX tickets_absent ON tickets (absent_at) WHERE absent_at IS NOT NULL AND status = 'called';
