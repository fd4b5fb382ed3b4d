#!/usr/bin/env bash
# The reservation rush over HTTP: bench/rush.sh [households] [clients]   (defaults 100000, 128)
#
# Builds the jar, starts the server on its own port (BENCH_PORT, default 8092) with the bench profile against a fresh
# PostgreSQL database, creates the households, then in one run:
#   1. wrk against a trivial endpoint of the same server (GET /supply/public/ping), same connections, 15 s; and the
#      same endpoint through the rush's own Java client (what the rush pays for its client, for a like-for-like ratio);
#   2. the rush: every household reserves against one round with stock for 60 % (one in ten taps twice), closed loop
#      on C keep-alive connections, driven by wrk (bench/rush.lua) like the baseline: reservations/s (from the stored
#      reservations' times), p50/p99, oversold, doubles, lost acknowledgements; then the same rush through the Java
#      client, whose peak the paced step uses;
#   3. the same rush paced at 80 % of the peak reservation rate of step 2 (taps at 1.1 x that): p50/p99 there;
#   4. the rush again, the server killed with SIGKILL (kill -9) after 20 % of the households were acknowledged,
#      restarted, then every acknowledged reservation looked up (lost acknowledgements must be 0);
#   5. the naive transaction (insert the reservation, decrement one stock row) driven straight at PostgreSQL by
#      pgbench at the same concurrency, 20 s.
# Loopback only; every step is bounded in count and time. `uptime` is printed before each step.
set -euo pipefail
cd "$(dirname "$0")/.."
HOUSEHOLDS=${1:-100000}
CLIENTS=${2:-128}
PORT=${BENCH_PORT:-8092}
PG=${PG:-127.0.0.1}
DB=liandong_bench_rush
URL="jdbc:postgresql://$PG:5432/$DB"
DIR=target/bench/rush
KEY=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
mkdir -p "$DIR"
source bench/java-classpath.sh
./mvnw -B -q -DskipTests package >/dev/null
JAR=$(ls target/liandong-*.jar | grep -v plain | head -1)
load() { echo "load: $(uptime | sed 's/.*load average/load average/')"; }
client() { "$JAVA" -Xmx1g -cp "$CLASSPATH_BENCH" org.liandong.supply.ReservationRushBenchmark "$@" 2>&1 | { grep -v -E "INFO|WARN|DEBUG" || true; }; }
SERVER_PID=
start_server() {
  if curl -sf "http://127.0.0.1:$PORT/supply/public/ping" >/dev/null; then
    echo "port $PORT is already answering (a server left from an earlier run?); stop it or set BENCH_PORT"; exit 1
  fi
  "$JAVA" -Xmx1g -XX:+UseParallelGC -jar "$JAR" --spring.profiles.active=bench --server.port="$PORT" \
    --spring.datasource.url="$URL" --spring.datasource.username=postgres --spring.datasource.password= \
    --liandong.supply.bench-token-key="$KEY" --liandong.crypto.key-file="$DIR/bench.keys" \
    --server.tomcat.max-keep-alive-requests=-1 \
    --logging.level.root=WARN --logging.level.org.liandong.supply.ReservationBook=INFO >"$DIR/server.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$PORT/supply/public/ping" >/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "server did not start; see $DIR/server.log"; kill -9 "$SERVER_PID"; exit 1
}
stop_server() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=; }
trap 'stop_server' EXIT

echo "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory"}'); $(psql -h "$PG" -U postgres -tAc 'select version()' | cut -d, -f1); $("$JAVA" -version 2>&1 | head -1)"
psql -h "$PG" -U postgres -qc "drop database if exists $DB with (force)" -c "create database $DB"
start_server
client setup "$URL" "$HOUSEHOLDS" "$DIR"
WARMUP=${WARMUP:-30000}
echo "== warm-up: $WARMUP households on a round of their own (the server's JIT) =="
client run "http://127.0.0.1:$PORT" "$URL" "$KEY" "$DIR" warmup "$CLIENTS" 0 0 0 "$WARMUP" | grep -E "answers=|latency"

echo "== baseline: wrk, trivial endpoint GET /supply/public/ping, $CLIENTS connections, 15 s =="; load
wrk -t2 -c"$CLIENTS" -d15s --latency "http://127.0.0.1:$PORT/supply/public/ping" | grep -E "Requests/sec|50%|99%|Socket errors" || true
echo "== baseline: the same trivial endpoint through the rush's own client, $CLIENTS connections, 15 s =="; load
client ping "http://127.0.0.1:$PORT" "$CLIENTS" 15

echo "== rush driven by wrk (the same load client as the baseline): $HOUSEHOLDS households, $CLIENTS connections =="; load
client prepare "$URL" "$KEY" "$DIR" wrk
rm -f "$DIR"/done-wrk-* "$DIR"/acks-wrk-*
RUSH_DIR="$DIR" RUSH_LABEL=wrk RUSH_THREADS=2 wrk -t2 -c"$CLIENTS" -d600s --timeout 60s --latency -s bench/rush.lua \
  "http://127.0.0.1:$PORT" >"$DIR/wrk-rush.txt" 2>&1 &
WRK_PID=$!
# until both threads have every answer, or nothing new was answered for 20 s (an answer lost to a socket error)
LAST=-1; SAME=0
while [ "$(ls "$DIR"/done-wrk-* 2>/dev/null | wc -l)" -lt 2 ] && [ "$SAME" -lt 40 ]; do
  sleep 0.5
  NOW=$(cat "$DIR"/acks-wrk-* 2>/dev/null | wc -l)
  if [ "$NOW" = "$LAST" ]; then SAME=$((SAME + 1)); else SAME=0; LAST=$NOW; fi
done
kill -INT "$WRK_PID" 2>/dev/null || true
wait "$WRK_PID" 2>/dev/null || true
grep -E "^\[wrk\]|Socket errors" "$DIR/wrk-rush.txt" || cat "$DIR/wrk-rush.txt"
client check "$URL" "$DIR" wrk

echo "== rush through the Java client (for the paced step): $HOUSEHOLDS households, $CLIENTS connections, closed loop =="; load
client run "http://127.0.0.1:$PORT" "$URL" "$KEY" "$DIR" peak "$CLIENTS" 0 | tee "$DIR/peak.txt"
# 80 % of the peak *reservation* rate (the answer rate is inflated by the cheap sold-out answers at the end); taps are
# sent at 1.1 x that, since one household in ten taps twice, so reservations arrive at about 80 % of the peak
PEAK=$(grep -oE '[0-9]+ reservations/s' "$DIR/peak.txt" | grep -oE '[0-9]+')
RATE=$((PEAK * 8 / 10 * 11 / 10))

echo "== rush paced at 80 % of the peak reservation rate ($((PEAK * 8 / 10))/s): taps at $RATE/s =="; load
client run "http://127.0.0.1:$PORT" "$URL" "$KEY" "$DIR" paced "$CLIENTS" "$RATE"

echo "== rush with kill -9 of the server after $((HOUSEHOLDS / 5)) acknowledged reservations, then restart =="; load
client run "http://127.0.0.1:$PORT" "$URL" "$KEY" "$DIR" kill "$CLIENTS" 0 $((HOUSEHOLDS / 5)) "$SERVER_PID"
wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=
start_server
client check "$URL" "$DIR" kill
stop_server

# PostgreSQL's max_connections (100 here, shared with other users) caps pgbench's clients: at most 64
PGCLIENTS=$(( CLIENTS < 64 ? CLIENTS : 64 ))
echo "== naive baseline: pgbench, one stock row, $PGCLIENTS clients, 20 s =="; load
psql -h "$PG" -U postgres -d $DB -qc "create table naive_stock (id int primary key, remaining int not null check (remaining >= 0))" \
  -c "insert into naive_stock values (1, 1000000000)" \
  -c "create table naive_reservation (household bigint primary key, at timestamp not null)"
cat > "$DIR/naive.sql" <<'SQL'
\set h random(1, 2000000000)
BEGIN;
INSERT INTO naive_reservation (household, at) VALUES (:h, now()) ON CONFLICT DO NOTHING;
UPDATE naive_stock SET remaining = remaining - 5 WHERE id = 1 AND remaining >= 5;
COMMIT;
SQL
pgbench -h "$PG" -U postgres -n -c "$PGCLIENTS" -j 2 -T 20 -f "$DIR/naive.sql" $DB 2>&1 | grep -E "^tps|latency average|number of clients"
load
psql -h "$PG" -U postgres -qc "drop database if exists $DB with (force)"
