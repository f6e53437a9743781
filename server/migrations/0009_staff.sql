-- The office: staff accounts, and a ticket being served at a window.
--
-- A staff account: its login (lowercase), role (`officer`, `admin`,
-- `sysadmin`), office (none for a system administrator), and its password
-- only as an Argon2id PHC string. `failures` counts the sign-in tries since
-- the last success (each counted before its password is checked);
-- `locked_until` (Unix seconds, 0 for none) stops tries for a while after
-- too many.
CREATE TABLE staff (
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    office_id TEXT,
    password_hash TEXT NOT NULL,
    failures BIGINT NOT NULL DEFAULT 0,
    locked_until BIGINT NOT NULL DEFAULT 0,
    disabled BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL
);
CREATE INDEX staff_office ON staff (office_id);

-- `serving` (the applicant at the window) is an active status too: the
-- indexes that keep one active ticket per person and service, one per
-- window and time, and a visit's occupancy count it.
DROP INDEX tickets_one_active_per_person;
CREATE UNIQUE INDEX tickets_one_active_per_person
    ON tickets (person_key, service_id) WHERE status IN ('booked', 'checked_in', 'called', 'serving');
DROP INDEX tickets_one_per_window;
CREATE UNIQUE INDEX tickets_one_per_window
    ON tickets (office_id, day, start_time, window_id) WHERE status IN ('booked', 'checked_in', 'called', 'serving');
DROP INDEX tickets_visit;
CREATE INDEX tickets_visit
    ON tickets (office_id, day, start_time, end_time, window_id, service_id, status)
    WHERE status IN ('booked', 'checked_in', 'called', 'serving');
DROP INDEX tickets_one_active_per_tax;
CREATE UNIQUE INDEX tickets_one_active_per_tax
    ON tickets (tax_key, service_id)
    WHERE status IN ('booked', 'checked_in', 'called', 'serving') AND tax_key IS NOT NULL;
