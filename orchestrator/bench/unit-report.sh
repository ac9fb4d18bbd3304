#!/usr/bin/env bash
# Benchmark: the 12-month unit report over two years of generated history for 4,013 sites (target < 1 s).
# Uses the real migrations on an embedded PostgreSQL 17 and the orchestrator's own ReportStore/UnitReports.
# Usage: orchestrator/bench/unit-report.sh [runs=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -d orchestrator/target/classes/vn ] || mvn -B -q -DskipTests -pl orchestrator -am compile
CP_FILE=orchestrator/target/bench.classpath
mvn -B -q -pl orchestrator dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "orchestrator/target/classes:$(cat "$CP_FILE")" \
  orchestrator/bench/UnitReportBench.java "${1:-20}"
