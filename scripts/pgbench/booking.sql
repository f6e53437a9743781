-- A booking's shape in plain SQL, for pgbench: the hold's transaction (the
-- office-day's lock, its occupancy, the hold's row), then the confirm's (the
-- office-day's and the contact's locks, the hold gone, the occupancy and
-- the person's tickets read, the ticket, its event and its message
-- written). The same statements and round trips as Cherga's, over small
-- tables of their own: the database's limit for this work.
\set office random(1, 50)
\set day random(1, 14)
\set n random(1, 2000000000)
BEGIN;
SELECT pg_advisory_xact_lock(:office * 100 + :day);
SELECT count(*) FROM b_holds WHERE office = :office AND day = :day;
INSERT INTO b_holds (office, day, n, expires) VALUES (:office, :day, :n, now() + interval '10 minutes');
COMMIT;
BEGIN;
SELECT pg_advisory_xact_lock(:office * 100 + :day);
SELECT pg_advisory_xact_lock(:n);
DELETE FROM b_holds WHERE office = :office AND day = :day AND n = :n;
SELECT count(*) FROM b_tickets WHERE office = :office AND day = :day AND status = 'booked';
SELECT id FROM b_tickets WHERE person = :n AND status = 'booked';
INSERT INTO b_tickets (office, day, person, status, payload) VALUES (:office, :day, :n, 'booked', repeat('x', 400));
INSERT INTO b_events (person, event, at) VALUES (:n, 'book', now());
INSERT INTO b_outbox (person, kind, at) VALUES (:n, 'booked', now());
COMMIT;
