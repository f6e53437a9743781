-- Each hold knows its client (the hashed network address, an IPv6 address
-- by its /64), so that one client holds at most a few times at once.
-- Holds placed before carry none and count for nobody.
ALTER TABLE holds ADD COLUMN client_key TEXT;
CREATE INDEX holds_client ON holds (client_key, expires_at) WHERE client_key IS NOT NULL;
