#!/usr/bin/env bash
# Check-in ingestion over HTTP: bench/checkins.sh [clients] [seconds] [cases]  (defaults 50, 30, 20000)
# BASELINE_SECONDS (default: seconds) shortens the bare-insert baseline of a long run; WARMUP (default 120).
# Starts the application from its jar on port ${BENCH_PORT:-8091} with its own PostgreSQL database; then, in the
# same run: a bare-INSERT baseline from [clients] JDBC connections, and [clients] wrk connections posting
# check-ins to /api/v1/care/check-ins (bench/checkins.lua) while a probe measures the fever alert's latency.
set -euo pipefail
cd "$(dirname "$0")/.."
CLIENTS=${1:-50}
PHASE=${2:-30}
CASES=${3:-20000}
PORT=${BENCH_PORT:-8091}
PG=${PG:-127.0.0.1}
DB=liandong_bench_care
URL="jdbc:postgresql://$PG:5432/$DB"
source bench/java-classpath.sh
./mvnw -B -q -DskipTests package
JAR=$(ls target/liandong-*.jar | grep -v plain | head -1)
bench() { "$JAVA" -Xmx512m -cp "$CLASSPATH_BENCH" org.liandong.care.bench.CheckInBenchmark "$@"; }
echo "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory"}'); $(psql -h "$PG" -U postgres -tAc 'select version()' | cut -d, -f1)"
"$JAVA" -version 2>&1 | head -1
psql -h "$PG" -U postgres -qc "drop database if exists $DB with (force)" -c "create database $DB" 2>/dev/null
export LIANDONG_DB_URL="$URL" LIANDONG_CRYPTO_KEY=$(head -c 32 /dev/urandom | base64) \
  LIANDONG_CRYPTO_HASH_KEY=$(head -c 32 /dev/urandom | base64)
mkdir -p target/bench
"$JAVA" -Xmx1g -Djdk.virtualThreadScheduler.parallelism=${BENCH_CARRIERS:-8} -jar "$JAR" --server.port="$PORT" --spring.profiles.active=prod --spring.datasource.url="$URL" \
  --spring.datasource.username=postgres --spring.datasource.password= \
  --spring.datasource.hikari.maximum-pool-size=8 --logging.level.root=WARN > target/bench/checkins-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; psql -h "$PG" -U postgres -qc "drop database if exists $DB with (force)" || true' EXIT
for _ in $(seq 1 300); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { tail -50 target/bench/checkins-server.log; exit 1; }
  sleep 1
done
bench setup "$URL" "$CASES" target/bench/checkin-codes.txt
echo "== warm-up: ${WARMUP:-120} s of check-ins over HTTP (the JIT compiles for minutes on a busy machine) =="
wrk -t2 -c"$CLIENTS" -d"${WARMUP:-120}s" -s bench/checkins.lua "http://127.0.0.1:$PORT" -- target/bench/checkin-codes.txt warm \
  | grep -E "Requests/sec|Non-2xx"
echo "load before: $(uptime)"
echo "== baseline =="
bench baseline "$URL" "$CLIENTS" "${BASELINE_SECONDS:-$PHASE}" | tee target/bench/checkins-baseline.txt
echo "== check-ins over HTTP: wrk, 2 threads, $CLIENTS connections, $PHASE s; fever probe alongside =="
rm -f target/bench/checkins-probe.ready
bench probe "$URL" "http://127.0.0.1:$PORT" "$((PHASE - 2))" target/bench/checkin-codes.txt > target/bench/checkins-probe.txt &
PROBE=$!
for _ in $(seq 1 120); do [ -f target/bench/checkins-probe.ready ] && break; sleep 0.5; done
wrk -t2 -c"$CLIENTS" -d"${PHASE}s" --timeout 10s --latency -s bench/checkins.lua "http://127.0.0.1:$PORT" \
  -- target/bench/checkin-codes.txt run | tee target/bench/checkins-wrk.txt
wait $PROBE
cat target/bench/checkins-probe.txt
echo "load after: $(uptime)"
TOTAL=$(awk '/requests in/ {print $1}' target/bench/checkins-wrk.txt)
BAD=$(awk '/Non-2xx/ {print $5}' target/bench/checkins-wrk.txt); BAD=${BAD:-0}
ERR=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' target/bench/checkins-wrk.txt); ERR=${ERR:-0}
bench verify "$URL" run "$((TOTAL - BAD))"
RATE=$(awk '/Requests\/sec/ {print $2}' target/bench/checkins-wrk.txt)
BASE=$(awk '{for (i = 1; i <= NF; i++) if ($i == "rows/s") print $(i-1)}' target/bench/checkins-baseline.txt)
awk -v r="$RATE" -v b="$BASE" -v bad="$BAD" -v err="$ERR" 'BEGIN {
  printf "summary: %.0f check-ins/s over HTTP (errors: %d non-2xx, %d socket) vs %.0f bare inserts/s: ratio %.2f\n", r, bad, err, b, r / b }'
