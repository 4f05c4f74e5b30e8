#!/usr/bin/env bash
# Builds the benchmarks module in the reactor (no install) and runs every benchmark; prints a table of ratios.
# Usage: benchmarks/run.sh [--rounds 7] [--only logs] [--rows 10000] [--work DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
# the endpoint benchmark runs the packaged sample app (sample-app/target/sample-app.jar)
mvn -B -q -Dara.benchmarks -pl benchmarks,sample-app -am package -DskipTests >&2
exec java -cp "$PWD/benchmarks/target/ara-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)" so.ara.benchmarks.Benchmarks "$@"
