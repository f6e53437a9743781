#!/usr/bin/env bash
# The PostgreSQL at 127.0.0.1:5432 measured by pgbench, for the booking
# benchmark's figures (docs/PERFORMANCE.md): its default transaction
# (TPC-B-like, scale 10) and a booking's shape (scripts/pgbench/booking.sql:
# the hold's and the confirm's round trips, one pair per pgbench
# "transaction"), with the benchmark's 16 connections, in a database of its
# own (cherga_pgbench, made if missing).
#   scripts/pgbench.sh [SECONDS]     each run SECONDS long (default 20)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH="${1:-20}"
PG=(-h 127.0.0.1 -p 5432 -U "${PGUSER:-root}")
DB=cherga_pgbench
psql "${PG[@]}" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || psql "${PG[@]}" -d postgres -qc "CREATE DATABASE $DB"
pgbench "${PG[@]}" -i -q -s 10 "$DB" >/dev/null 2>&1
psql "${PG[@]}" -d "$DB" -q <<'SQL'
SET client_min_messages = warning;
DROP TABLE IF EXISTS b_holds, b_tickets, b_events, b_outbox, b_counters;
CREATE TABLE b_holds (office int, day int, n bigint, expires timestamptz);
CREATE INDEX ON b_holds (office, day);
CREATE TABLE b_counters (office int, day int, seq bigint, PRIMARY KEY (office, day));
CREATE TABLE b_tickets (id bigserial PRIMARY KEY, office int, day int, person bigint, status text, payload text);
CREATE INDEX ON b_tickets (office, day) WHERE status = 'booked';
CREATE INDEX ON b_tickets (person) WHERE status = 'booked';
CREATE TABLE b_events (id bigserial PRIMARY KEY, person bigint, event text, at timestamptz);
CREATE TABLE b_outbox (id bigserial PRIMARY KEY, person bigint, kind text, at timestamptz);
SQL
tps() { grep -E '^tps' | sed -E 's/^tps = ([0-9]+).*/\1/'; }
echo "default (TPC-B-like), 16 clients: $(pgbench "${PG[@]}" -c 16 -j 2 -T "$SECONDS_EACH" "$DB" 2>/dev/null | tps) tps"
echo "a booking's shape, 16 clients: $(pgbench "${PG[@]}" -c 16 -j 2 -T "$SECONDS_EACH" -n -f scripts/pgbench/booking.sql "$DB" 2>/dev/null | tps) bookings/s"
