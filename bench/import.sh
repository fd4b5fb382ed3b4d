#!/usr/bin/env bash
# Import throughput: generates a registry sheet (default 100,000 rows), checks and commits it through the
# application's own import code in a Spring context (profile "bench"), and times plain JDBC batch inserts
# (and PostgreSQL COPY) of the same rows as baselines in the same run. Usage: bench/import.sh [rows]
# DBS="h2" or DBS="postgres" runs one database only. PostgreSQL: 127.0.0.1:5432, user postgres, trust auth;
# the database liandong_bench is dropped and created.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-100000}

java_21_or_newer() {
    local candidate
    for candidate in ${JAVA:-} ${JAVA_HOME:+$JAVA_HOME/bin/java} /usr/lib/jvm/*/bin/java $(command -v java || true); do
        [ -x "$candidate" ] || continue
        local major
        major=$("$candidate" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p')
        if [ "${major:-0}" -ge 21 ] 2>/dev/null; then echo "$candidate"; return; fi
    done
    echo "No Java 21 or newer found: set JAVA=/path/to/java" >&2; exit 1
}
JAVA_BIN=$(java_21_or_newer)

./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
mkdir -p target/bench
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"

echo "## $(date -u +%Y-%m-%dT%H:%MZ) on $(hostname): $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg)"
free -h | sed 's/^/    /'
"$JAVA_BIN" -version 2>&1 | sed 's/^/    /'
for db in ${DBS:-h2 postgres}; do
    "$JAVA_BIN" -Xmx2g -cp "$CP" org.liandong.community.importing.ImportBenchmark "$db" "$ROWS"
done
