-- A booking's shape in plain SQL, for pgbench, round trip for round trip as
-- Cherga sends it on PostgreSQL (`\;` joins statements into one query):
-- the hold's transaction (BEGIN with the office-day's lock, committed
-- without waiting for the flush; its occupancy; the hold's row), the hold
-- looked up, then the confirm's (BEGIN with the office-day's and the
-- contact's locks; the hold gone, the board counted on, the occupancy and
-- the person's tickets read in one statement; the ticket, its event and its
-- message written in another). Over small tables of its own: the
-- database's limit for this work.
\set office random(1, 50)
\set day random(1, 14)
\set n random(1, 2000000000)
BEGIN \; SET LOCAL synchronous_commit = off \; SELECT pg_advisory_xact_lock(:office * 100 + :day);
SELECT count(*) FROM b_holds WHERE office = :office AND day = :day;
INSERT INTO b_holds (office, day, n, expires) VALUES (:office, :day, :n, now() + interval '10 minutes');
COMMIT;
SELECT office, day, expires FROM b_holds WHERE office = :office AND day = :day AND n = :n;
BEGIN \; SELECT pg_advisory_xact_lock(:office * 100 + :day) \; SELECT pg_advisory_xact_lock(:n);
WITH gone AS (DELETE FROM b_holds WHERE office = :office AND day = :day AND n = :n RETURNING n),
  counted AS (INSERT INTO b_counters (office, day, seq) SELECT :office, :day, 1 FROM gone
              ON CONFLICT (office, day) DO UPDATE SET seq = b_counters.seq + 1 RETURNING seq)
SELECT 'n', seq FROM counted
UNION ALL SELECT 'o', count(*) FROM b_tickets WHERE office = :office AND day = :day AND status = 'booked'
UNION ALL SELECT 'a', id FROM b_tickets WHERE person = :n AND status = 'booked';
WITH t AS (INSERT INTO b_tickets (office, day, person, status, payload)
           VALUES (:office, :day, :n, 'booked', repeat('x', 400)) RETURNING id),
  e AS (INSERT INTO b_events (person, event, at) SELECT :n, 'book', now() FROM t),
  o AS (INSERT INTO b_outbox (person, kind, at) SELECT :n, 'booked', now() FROM t)
SELECT id FROM t;
COMMIT;
