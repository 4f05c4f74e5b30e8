#!/usr/bin/env bash
# Builds the benchmarks module in the reactor (no install) and runs every benchmark; prints a table of ratios.
# Usage: benchmarks/run.sh [--rounds 7] [--only logs,cli] [--rows 10000] [--work DIR] [--python-sdk DIR] [--java-cli launcher|jar] [--warmup-windows N]
set -euo pipefail
cd "$(dirname "$0")/.."
# the endpoint, CLI and startup benchmarks run the packaged sample app (sample-app/target)
mvn -B -q -Dara.benchmarks -pl benchmarks,sample-app -am package -DskipTests >&2
exec java -cp "$PWD/benchmarks/target/ara-benchmarks-0.1.0-SNAPSHOT.jar:$(cat benchmarks/target/classpath.txt)" so.ara.benchmarks.Benchmarks "$@"
