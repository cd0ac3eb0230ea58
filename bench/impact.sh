#!/usr/bin/env bash
# Impact analysis decision time on a generated module (5 000 main + 2 000 test classes, javac-compiled):
# cold (no cache) and warm (cache of the previous build) ImpactAnalyzer.analyze() for one changed file.
# Usage: bash bench/impact.sh [RUNS] [WORKDIR]   (default 7 runs, WORKDIR /tmp/ard-impact-bench;
# the generated sources are compiled once and kept there).
set -euo pipefail

RUNS="${1:-7}"
WORK="${2:-${TMPDIR:-/tmp}/ard-impact-bench}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
./mvnw -B -ntp -q -o -pl ard-core test-compile
./mvnw -B -ntp -q -o -pl ard-core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK.cp" >/dev/null
mkdir -p "$WORK"
java -cp "ard-core/target/classes:ard-core/target/test-classes:$(cat "$WORK.cp")" \
  dev.ard.core.impact.bench.ImpactBench "$WORK" "$RUNS"
