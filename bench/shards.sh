#!/usr/bin/env bash
# Shard balance (ShardPlan) on real durations:
#  1. ARD's own unit suite, whole: the JUnit XML reports of the last `./mvnw verify` (run it first), split 2/4/8 ways;
#  2. the CI histories in ../shared/data/history: each of the last 100 builds' classes, planned with the mean durations
#     of the 50 builds before it and timed with what that build recorded; and each dataset's whole suite in 4 shards.
# Usage: bash bench/shards.sh   (from anywhere; needs ard-core's dependencies in ~/.m2)
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
./mvnw -B -ntp -q -o -pl ard-core test-compile
./mvnw -B -ntp -q -o -pl ard-core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$REPO/ard-core/target/shard-bench.cp" >/dev/null
CP="ard-core/target/classes:ard-core/target/test-classes:$(cat ard-core/target/shard-bench.cp)"
REPORTS=()
for dir in ard-core ard-maven-support ard-maven-extension ard-maven-plugin ard-surefire-reporter; do
  if [ -d "$dir/target/surefire-reports" ]; then REPORTS+=("$dir/target/surefire-reports"); fi
done
if [ "${#REPORTS[@]}" -gt 0 ]; then
  java -cp "$CP" dev.ard.core.selection.bench.ShardBench --reports "${REPORTS[@]}"
else
  echo "no surefire reports: run ./mvnw -B verify first for the whole-suite table"
fi
if [ -d ../shared/data/history ]; then
  java -cp "$CP" dev.ard.core.selection.bench.ShardBench ../shared/data/history/*/
else
  echo "../shared/data/history is absent: no history tables"
fi
