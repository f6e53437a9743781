-- Walk-ins: tickets for today taken at the kiosk without a booking
-- (`walk_in` = 1). They hold no window and no booked time, so the rule of
-- one active ticket per window and time leaves them out; their start_time
-- is when they were taken, their window_id empty.
DROP INDEX tickets_one_per_window;
CREATE UNIQUE INDEX tickets_one_per_window
    ON tickets (office_id, day, start_time, window_id)
    WHERE status IN ('booked', 'checked_in', 'called', 'serving') AND walk_in = 0;
