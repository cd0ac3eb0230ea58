#!/usr/bin/env bash
# ard:report and ard:stats on a generated SQLite store of 2 000 builds x 3 000 test classes (about 6 M result rows):
# generation through the real store writer (once, kept under target/), then three timed runs of what each goal reads
# and computes, the report file's size, and SQLite's plans of the report's row-level queries.
# Usage: bash bench/report-scale.sh [BUILDS] [CLASSES]          (SQLite, the file kept for later runs)
#        ARD_BENCH_STORE=postgres bash bench/report-scale.sh   (a fresh embedded PostgreSQL server each run)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
./mvnw -B -ntp -q -pl ard-core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
mkdir -p ard-core/target/report-scale
store="ard-core/target/report-scale/store-${1:-2000}x${2:-3000}.db"
[[ "${ARD_BENCH_STORE:-sqlite}" == postgres ]] && store=postgres
(cd ard-core && java -Xmx4g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
  dev.ard.core.report.bench.ReportScaleBench "$( [[ $store == postgres ]] && echo postgres || echo "$REPO/$store")" \
  "${1:-2000}" "${2:-3000}")
# How long a browser takes to open the report and draw every section (the page records it in data-ard-ms).
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -n "$browser" ]]; then
  for run in 1 2 3; do
    "$browser" --headless --no-sandbox --disable-gpu --window-size=1400,900 --virtual-time-budget=30000 --dump-dom \
      "file://$REPO/ard-core/target/report-scale/report.html" 2>/dev/null \
      | grep -o 'data-ard-ready="[a-z]*" data-ard-ms="[0-9]*"' || echo "run $run: the page did not finish drawing"
  done
else
  echo "SKIP browser timing: no chromium on PATH"
fi
