-- The audit trail. A ticket's changes were already in `ticket_events`;
-- each now names the node that made it. What staff do besides changing a
-- ticket (signing in, failing to, signing out; an administrator's changes
-- with before and after) goes to `staff_events`. Both are append-only: the
-- code has no update or delete of them, and triggers (0017_audit_*.sql,
-- per database) refuse any. Personal data appears only as a ticket's id.
ALTER TABLE ticket_events ADD COLUMN node TEXT NOT NULL DEFAULT '';
CREATE TABLE staff_events (
    id TEXT PRIMARY KEY,
    at BIGINT NOT NULL,
    node TEXT NOT NULL,
    -- NULL: a sign-in failed for a login no account has (the login typed
    -- is not kept: it may be a password typed in the wrong field).
    staff_id TEXT,
    office_id TEXT,
    event TEXT NOT NULL,
    -- JSON: what changed, before and after.
    detail TEXT
);
CREATE INDEX staff_events_at ON staff_events (at);
CREATE INDEX staff_events_staff ON staff_events (staff_id, at);
-- The search by day, and by staff member (only staff's rows: most are the
-- applicant's or the system's).
CREATE INDEX ticket_events_at ON ticket_events (at);
CREATE INDEX ticket_events_staff ON ticket_events (actor, at)
    WHERE actor <> 'applicant' AND actor <> 'system';
