#!/usr/bin/env bash
# Benchmark: booking over HTTP against the demo Ministry with communes (≈3,800 sites) on an embedded PostgreSQL.
# A: 1,000-site meetings booked one after another (target p99 < 200 ms).
# B: BOOKERS concurrent bookers × PER_BOOKER bookings into a few crowded hours, then a check through the API
#    that no region is over-committed and no room system or host is double-booked (exit 1 if any).
# Usage: orchestrator/bench/booking-load.sh [bookers=50] [per-booker=200] [big-meetings=50]
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18082}
JAR=orchestrator/target/hoinghi-orchestrator.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests -pl orchestrator -am package
LOG=$(mktemp)
java -Xmx2g -Dlogback.configurationFile=logback-text.xml -jar "$JAR" --demo --communes \
  -micronaut.server.port=$PORT > "$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -f "$LOG"' EXIT
for _ in $(seq 1 240); do curl -fs "http://localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
java orchestrator/bench/BookingLoad.java "http://localhost:$PORT" "${1:-50}" "${2:-200}" "${3:-50}"
