#!/usr/bin/env bash
# Roster solving benchmark: bench/roster.sh [seconds] [volunteers]  (defaults 30 s, 500 volunteers)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_LIMIT=${1:-30}
VOLUNTEERS=${2:-500}
./mvnw -B -q test-compile -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
JAVA=${JAVA:-}
if [ -z "$JAVA" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*-25*/bin/java /usr/lib/jvm/*-21*/bin/java java; do
    if [ -x "$candidate" ] || command -v "$candidate" >/dev/null 2>&1; then JAVA=$candidate; break; fi
  done
fi
echo "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory"}')"
"$JAVA" -version 2>&1 | head -1
"$JAVA" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.liandong.volunteer.roster.RosterBenchmark "$SECONDS_LIMIT" "$VOLUNTEERS"
