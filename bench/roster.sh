#!/usr/bin/env bash
# Roster solving benchmark: bench/roster.sh [seconds] [volunteers]  (defaults 30 s, 500 volunteers)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LIMIT=${1:-30}
VOLUNTEERS=${2:-500}
source bench/java-classpath.sh
echo "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory"}')"
"$JAVA" -version 2>&1 | head -1
"$JAVA" -Xmx2g -cp "$CLASSPATH_BENCH" \
  org.liandong.volunteer.roster.RosterBenchmark "$SECONDS_LIMIT" "$VOLUNTEERS"
