-- When a ticket first joined the office's queue (checked in, or a walk-in's
-- ticket taken) and was first called: set once, beside `joined_at` and
-- `called_at` (which a ticket put back or called again changes), so that
-- the reports read the waits from the tickets alone. Earlier tickets take
-- them from their history.
ALTER TABLE tickets ADD COLUMN first_joined_at BIGINT;
ALTER TABLE tickets ADD COLUMN first_called_at BIGINT;
UPDATE tickets SET
    first_joined_at = (SELECT MIN(e.at) FROM ticket_events e
                        WHERE e.ticket_id = tickets.id AND e.event IN ('check_in', 'walk_in')),
    first_called_at = (SELECT MIN(e.at) FROM ticket_events e
                        WHERE e.ticket_id = tickets.id AND e.event = 'call')
 WHERE joined_at IS NOT NULL;
