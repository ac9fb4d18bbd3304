#!/usr/bin/env bash
# Benchmark (issue 15 part 1): the Ministry's all-hands end to end at full size. A real Prosody (Debian package) with
# the fake Jicofo/Jibri/Jigasi of the XMPP tests and one Prosody per visitor node (each with mod_hoinghi_roll_call),
# the orchestrator as deployed (its shaded jar in its own JVM, job runner on the real clock, driven over HTTP), the
# telemetry collector (its shaded jar, embedded PostgreSQL, attribution from the orchestrator over HTTP) and the
# collector's rtcstats load generator. Imports the directory, books a meeting, prepares it, dials the room systems,
# lets one participant per site join with its site identity, streams rtcstats for every one of them, lets it end.
# Prints booking, preparation, dial-out, joins and roll-call times, collector lag and attribution, and the
# orchestrator's and collector's RSS and CPU (each its own process).
# Usage: orchestrator/bench/all-hands.sh [sites=4000] [interactive=50] [room-systems=120] [rtcstats-seconds=60]
#        [visitor-nodes=viewers/500] [meeting-minutes=8]
# ORCH_JAVA_OPTS: the orchestrator's JVM options (default: the ansible unit's, with its default heap).
set -euo pipefail
cd "$(dirname "$0")/../.."
SITES=${1:-4000}
ORCH_PORT=${ORCH_PORT:-18081}
COLLECTOR_PORT=${COLLECTOR_PORT:-18091}
KEY=all-hands-bench-service-key-0123456789
mvn -B -q -pl orchestrator package -DskipTests
mvn -B -q -pl monitoring/collector package -DskipTests
CP=$(mktemp)
GEN_CP=$(mktemp)
mvn -B -q -pl orchestrator dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP"
mvn -B -q -pl monitoring/collector dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$GEN_CP.deps"
echo "$PWD/monitoring/collector/target/test-classes:$(cat "$GEN_CP.deps")" > "$GEN_CP"
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true

rm -rf monitoring/collector/target/all-hands-pg
java -Xms512m -Xmx512m -XX:+UseParallelGC \
  -Dcollector.http.port="$COLLECTOR_PORT" -Dcollector.db.embedded=true \
  -Dcollector.db.embedded-dir=monitoring/collector/target/all-hands-pg \
  -Dcollector.ingest.max-connections=$((SITES + 100)) \
  -Dcollector.attribution.mode=http -Dcollector.attribution.orchestrator-url="http://127.0.0.1:$ORCH_PORT" \
  -Dcollector.attribution.service-key="$KEY" \
  -jar monitoring/collector/target/collector-0.1.0-SNAPSHOT.jar > monitoring/collector/target/all-hands-collector.log 2>&1 &
COLLECTOR=$!
trap 'kill $COLLECTOR 2>/dev/null || true; wait $COLLECTOR 2>/dev/null || true; rm -f "$CP" "$GEN_CP" "$GEN_CP.deps"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$COLLECTOR_PORT/health" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$COLLECTOR_PORT/health" >/dev/null \
  || { echo "collector did not start"; cat monitoring/collector/target/all-hands-collector.log; exit 1; }

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(prosodyctl about 2>/dev/null | awk '/^Prosody/ {print $1, $2; exit}')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# This JVM holds the fakes and the crowds; the orchestrator's own JVM options are ORCH_JAVA_OPTS (RSS target 512 MiB).
java -Xmx1g -XX:+UseParallelGC -Dlogback.configurationFile=logback-text.xml \
  -Dallhands.orchestrator-jvm="${ORCH_JAVA_OPTS:--Xms128m -Xmx256m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}" \
  -Dallhands.orchestrator-jar=orchestrator/target/hoinghi-orchestrator.jar \
  -Dallhands.orchestrator-port="$ORCH_PORT" -Dallhands.service-key="$KEY" \
  -Dallhands.collector-port="$COLLECTOR_PORT" -Dallhands.collector-pid="$COLLECTOR" \
  -Dallhands.generator-classpath="$GEN_CP" -Dallhands.rtcstats-seconds="${4:-60}" \
  -cp "orchestrator/target/test-classes:orchestrator/target/classes:$(cat "$CP")" \
  vn.hoinghi.orchestrator.provisioning.xmpp.AllHandsBenchmark "$SITES" "${2:-50}" "${3:-120}" "${5:-$(( (SITES - ${2:-50} + 499) / 500 ))}" "${6:-8}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
