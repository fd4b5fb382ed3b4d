# Sourced by the benchmark scripts: compiles the tests, writes the test classpath and picks a JDK 21+ as $JAVA.
./mvnw -B -q test-compile -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
JAVA=${JAVA:-}
if [ -z "$JAVA" ]; then
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64/bin/java /usr/lib/jvm/*-25*/bin/java /usr/lib/jvm/*-21*/bin/java java; do
    if [ -x "$candidate" ] || command -v "$candidate" >/dev/null 2>&1; then JAVA=$candidate; break; fi
  done
fi
CLASSPATH_BENCH="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
