#!/usr/bin/env bash
# Notice fan-out benchmark: bench/fanout.sh [households] [dbs]  (defaults 50000, "h2,postgres")
set -euo pipefail
cd "$(dirname "$0")/.."
HOUSEHOLDS=${1:-50000}
DBS=${2:-h2,postgres}
./mvnw -B -q test-compile -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
JAVA=${JAVA:-}
if [ -z "$JAVA" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*-25*/bin/java /usr/lib/jvm/*-21*/bin/java java; do
    if [ -x "$candidate" ] || command -v "$candidate" >/dev/null 2>&1; then JAVA=$candidate; break; fi
  done
fi
echo "machine: $(nproc) cores; $(free -h | awk '/Mem:/ {print $2 " memory"}'); load $(cut -d' ' -f1-3 /proc/loadavg)"
"$JAVA" -version 2>&1 | head -1
"$JAVA" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.liandong.notice.bench.FanOutBenchmark "$HOUSEHOLDS" "$DBS"
