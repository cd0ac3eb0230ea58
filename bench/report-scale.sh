#!/usr/bin/env bash
# ard:report and ard:stats on a generated SQLite store of 2 000 builds x 3 000 test classes (about 6 M result rows):
# generation through the real store writer (once, kept under target/), then three timed runs of what each goal reads
# and computes, the report file's size, and SQLite's plans of the report's row-level queries.
# Usage: bash bench/report-scale.sh [BUILDS] [CLASSES]
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
./mvnw -B -ntp -q -pl ard-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
mkdir -p ard-core/target/report-scale
java -Xmx4g -cp "ard-core/target/test-classes:ard-core/target/classes:$(cat ard-core/target/cp.txt)" \
  dev.ard.core.report.bench.ReportScaleBench ard-core/target/report-scale/store-"${1:-2000}"x"${2:-3000}".db "${1:-2000}" "${2:-3000}"
