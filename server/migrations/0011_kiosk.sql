-- Check-in at the kiosk: wrong check-in codes typed for a ticket (after five
-- the kiosk takes no more codes for it; staff still check it in).
ALTER TABLE tickets ADD COLUMN checkin_failures BIGINT NOT NULL DEFAULT 0;
