#!/usr/bin/env bash
# Builds the JMH jar (profile jmh) and times one admission decision over 10,000 overlapping reservations.
# Short by default (2 forks x 5 s measurement) because the reference machine has 2 shared cores; any arguments
# replace the defaults, e.g.  bench/run.sh -f 3 -wi 5 -i 10
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pjmh -DskipTests package
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "cpu: $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
if [ $# -eq 0 ]; then
  set -- -f 2 -wi 3 -w 1s -i 5 -r 1s
fi
java -jar target/benchmarks.jar AdmissionBenchmark "$@"
