-- SQLite: the audit trail refuses updates and deletes (0017).
CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER staff_events_no_update BEFORE UPDATE ON staff_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER staff_events_no_delete BEFORE DELETE ON staff_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
