-- Cherga schema, portable between SQLite and PostgreSQL: TEXT and BIGINT only,
-- dates as 'YYYY-MM-DD', times as 'HH:MM' (Kyiv local), instants as Unix seconds.

-- The catalog and the holiday calendars in force, as imported (JSON).
CREATE TABLE catalog (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    calendar TEXT NOT NULL,
    imported_at BIGINT NOT NULL
);

-- A time held while the applicant fills the form. An expired hold counts as
-- free at read time: no sweeper is needed for correctness.
CREATE TABLE holds (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    day TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    window_id TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX holds_office_day ON holds (office_id, day);

CREATE TABLE tickets (
    id TEXT PRIMARY KEY,
    office_id TEXT NOT NULL,
    service_id TEXT NOT NULL,
    day TEXT NOT NULL,
    start_time TEXT NOT NULL,
    end_time TEXT NOT NULL,
    window_id TEXT NOT NULL,
    board_number TEXT NOT NULL,
    board_seq BIGINT NOT NULL,
    status TEXT NOT NULL,
    paid BIGINT NOT NULL DEFAULT 0,
    -- Hashes for the booking rules (one active ticket per person and service,
    -- a cap per contact); the data themselves are below, for the office.
    person_key TEXT NOT NULL,
    contact_key TEXT NOT NULL,
    surname TEXT NOT NULL,
    given_name TEXT NOT NULL,
    patronymic TEXT,
    birth_date TEXT NOT NULL,
    rnokpp TEXT,
    phone TEXT,
    email TEXT,
    answers TEXT NOT NULL,
    -- Only a hash of the access token; the token sealed with a pad derived from
    -- the client's idempotency key, so a retried confirm can return it.
    token_hash TEXT NOT NULL UNIQUE,
    idempotency_hash TEXT NOT NULL UNIQUE,
    token_sealed TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX tickets_office_day ON tickets (office_id, day);
CREATE INDEX tickets_contact ON tickets (contact_key);
-- The database itself refuses a second active ticket for one person and service.
CREATE UNIQUE INDEX tickets_one_active_per_person
    ON tickets (person_key, service_id) WHERE status IN ('booked', 'checked_in', 'called');
-- And one window at one time for two active tickets.
CREATE UNIQUE INDEX tickets_one_per_window
    ON tickets (office_id, day, start_time, window_id) WHERE status IN ('booked', 'checked_in', 'called');
CREATE UNIQUE INDEX tickets_board ON tickets (office_id, day, board_seq);

-- Every change of a ticket: who and when.
CREATE TABLE ticket_events (
    ticket_id TEXT NOT NULL,
    seq BIGINT NOT NULL,
    event TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    actor TEXT NOT NULL,
    at BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, seq)
);

-- The board numbers' sequence per office and day.
CREATE TABLE day_counters (
    office_id TEXT NOT NULL,
    day TEXT NOT NULL,
    seq BIGINT NOT NULL,
    PRIMARY KEY (office_id, day)
);
