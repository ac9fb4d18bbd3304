#!/usr/bin/env bash
# Benchmark (issue 6 point 11): dial-outs issued through a real Prosody (Debian package) to the fake Jicofo,
# Jigasi and Jibri of the XMPP tests, from many job threads at once; half Jibri SIP video, half Rayo audio.
# Prints rooms prepared, dial-outs per second, latency percentiles and hang-ups.
# Usage: orchestrator/bench/xmpp-dial-out.sh [rooms=100] [calls-per-room=10] [threads=64]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl orchestrator test-compile
CP=$(mktemp)
trap 'rm -f "$CP"' EXIT
mvn -B -q -pl orchestrator dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(prosodyctl about 2>/dev/null | awk '/^Prosody/ {print $1, $2; exit}')"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dlogback.configurationFile=logback-text.xml \
  -cp "orchestrator/target/test-classes:orchestrator/target/classes:$(cat "$CP")" \
  vn.hoinghi.orchestrator.provisioning.xmpp.DialOutBenchmark "${1:-100}" "${2:-10}" "${3:-64}"
