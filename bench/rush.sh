#!/usr/bin/env bash
# Reservation rush at PostgreSQL: bench/rush.sh [households] [clients] [pool]  (defaults 100000, 64, 8)
# 1. the module's reservation code (sharded stock, unique household per round), C clients over a small pool;
# 2. baseline in the same run: the naive transaction (insert the reservation, decrement one stock row) driven
#    straight at PostgreSQL by pgbench at the same concurrency.
set -euo pipefail
cd "$(dirname "$0")/.."
HOUSEHOLDS=${1:-100000}
CLIENTS=${2:-64}
POOL=${3:-8}
PG=${PG:-127.0.0.1}
DB=liandong_bench_rush
source bench/java-classpath.sh
echo "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory"}'); $(psql -h "$PG" -U postgres -tAc 'select version()' | cut -d, -f1)"
psql -h "$PG" -U postgres -qc "drop database if exists $DB with (force)" -c "create database $DB"
echo "== Liandong reservation code =="
"$JAVA" -Xmx2g -cp "$CLASSPATH_BENCH" \
  org.liandong.supply.ReservationRushBenchmark "jdbc:postgresql://$PG:5432/$DB" "$HOUSEHOLDS" "$CLIENTS" "$POOL" 2>&1 \
  | grep -v -E "INFO|WARN"
echo "== naive baseline: pgbench, one stock row, $CLIENTS clients, 20 s =="
psql -h "$PG" -U postgres -d $DB -qc "create table naive_stock (id int primary key, remaining int not null check (remaining >= 0))" \
  -c "insert into naive_stock values (1, 1000000000)" \
  -c "create table naive_reservation (household bigint primary key, at timestamp not null)"
cat > target/naive.sql <<'SQL'
\set h random(1, 2000000000)
BEGIN;
INSERT INTO naive_reservation (household, at) VALUES (:h, now()) ON CONFLICT DO NOTHING;
UPDATE naive_stock SET remaining = remaining - 5 WHERE id = 1 AND remaining >= 5;
COMMIT;
SQL
pgbench -h "$PG" -U postgres -n -c "$CLIENTS" -j 2 -T 20 -f target/naive.sql $DB 2>&1 | grep -E "tps|latency|clients"
psql -h "$PG" -U postgres -qc "drop database if exists $DB with (force)"
