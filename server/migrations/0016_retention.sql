-- When a ticket's personal data was erased (its day long past): NULL while
-- it is kept. The tickets not yet erased are found by their day.
ALTER TABLE tickets ADD COLUMN erased_at BIGINT;
CREATE INDEX tickets_unerased_day ON tickets (day) WHERE erased_at IS NULL;
