-- What overlaps a visit (every hold and confirm asks, under the write lock),
-- answered from the index alone: no lookup of each earlier ticket's row.
CREATE INDEX tickets_visit
    ON tickets (office_id, day, start_time, end_time, window_id, service_id, status)
    WHERE status IN ('booked', 'checked_in', 'called');
