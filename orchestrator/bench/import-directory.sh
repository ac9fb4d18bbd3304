#!/usr/bin/env bash
# Benchmark: import the ≈450-site demo directory as CSV over HTTP against a running orchestrator on an embedded
# PostgreSQL, three ways: unchanged (idempotent re-import), every site changed (full rewrite + audit), dry run.
# Usage: orchestrator/bench/import-directory.sh [runs]   (builds and starts the demo itself on a free port)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
PORT=${PORT:-18080}
JAR=orchestrator/target/hoinghi-orchestrator.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests -pl orchestrator -am package
WORK=$(mktemp -d)
java -Dlogback.configurationFile=logback-text.xml -jar "$JAR" --demo -micronaut.server.port=$PORT > "$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 120); do curl -fs "http://localhost:$PORT/health" >/dev/null 2>&1 && break; sleep 0.5; done
BASE="http://localhost:$PORT"
curl -fs -c "$WORK/jar" -H 'Content-Type: application/json' \
  -d '{"username":"thuky","password":"hoinghi-demo"}' "$BASE/login" >/dev/null
curl -fs -b "$WORK/jar" "$BASE/api/v1/sites/export?format=csv" > "$WORK/same.csv"
echo "file: $(($(wc -l < "$WORK/same.csv") - 1)) sites, $(wc -c < "$WORK/same.csv") bytes"

time_import() { # file query -> seconds
  curl -fs -o /dev/null -w '%{time_total}\n' -b "$WORK/jar" -H 'Content-Type: text/csv' \
    --data-binary @"$1" "$BASE/api/v1/sites/import$2"
}
report() { # label values...
  local label=$1; shift
  printf '%s\n' "$@" | sort -n | awk -v l="$label" '{a[NR]=$1} END {printf "%-28s n=%d  median=%.3f s  max=%.3f s\n", l, NR, a[int((NR+1)/2)], a[NR]}'
}
for kind in unchanged changed dry-run; do
  times=()
  for i in $(seq 1 "$RUNS"); do
    if [ "$kind" = changed ]; then
      # a different contact name on every site each run: all 454 rows rewritten and audited
      sed "1!s/,Văn phòng [^,]*,/,Văn phòng lần $i,/" "$WORK/same.csv" > "$WORK/changed.csv"
      times+=("$(time_import "$WORK/changed.csv" "")")
    elif [ "$kind" = dry-run ]; then
      times+=("$(time_import "$WORK/same.csv" "?dryRun=true")")
    else
      times+=("$(time_import "$WORK/same.csv" "")")
    fi
  done
  report "import ($kind)" "${times[@]}"
done
echo "last 'changed' run rewrote: $(sed "1!s/,Văn phòng [^,]*,/,Văn phòng lần X,/" "$WORK/same.csv" > "$WORK/x.csv";
  curl -fs -b "$WORK/jar" -H 'Content-Type: text/csv' --data-binary @"$WORK/x.csv" "$BASE/api/v1/sites/import?dryRun=true" \
  | grep -o '"updated":[0-9]*') of $(($(wc -l < "$WORK/same.csv") - 1)) sites"
