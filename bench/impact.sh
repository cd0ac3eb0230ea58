#!/usr/bin/env bash
# Impact analysis decision time on a generated module (5 000 main + 2 000 test classes, javac-compiled):
# cold (no cache) and warm (cache of the previous build) ImpactAnalyzer.analyze() for one changed file.
# Then the same fresh-JVM measurement for a change inside one method body (member level: call graph and walk).
# Usage: bash bench/impact.sh [RUNS] [WORKDIR]   (default 7 runs, WORKDIR /tmp/ard-impact-bench;
# the generated sources are compiled once and kept there). Needs ard-core's dependencies in ~/.m2.
set -euo pipefail

RUNS="${1:-7}"
WORK="${2:-${TMPDIR:-/tmp}/ard-impact-bench}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
./mvnw -B -ntp -q -o -pl ard-core test-compile
./mvnw -B -ntp -q -o -pl ard-core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$WORK.cp" >/dev/null
mkdir -p "$WORK"
CP="ard-core/target/classes:ard-core/target/test-classes:$(cat "$WORK.cp")"
# Same JVM: cold (no cache) and warm (cache of the previous call) per run.
java -cp "$CP" dev.ard.core.impact.bench.ImpactBench "$WORK" "$RUNS"
# A fresh JVM per run with the cache left by the previous one: what a Maven build sees.
for _ in $(seq "$RUNS"); do
  java -cp "$CP" dev.ard.core.impact.bench.ImpactBench "$WORK" 0
done | tee "$WORK.fresh"
sed -n 's/^fresh JVM, warm cache: \([0-9.]*\) s.*/\1/p' "$WORK.fresh" | sort -n \
  | awk '{a[NR]=$1} END {printf "median fresh JVM, warm cache: %.3f s over %d JVMs\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), NR}'
# The same with the change inside one method body: the member-level walk and its call graph, in a fresh JVM.
for _ in $(seq "$RUNS"); do
  java -cp "$CP" dev.ard.core.impact.bench.ImpactBench "$WORK" 0 member
done | tee "$WORK.member"
sed -n 's/^fresh JVM, warm cache, member level: \([0-9.]*\) s.*/\1/p' "$WORK.member" | sort -n \
  | awk '{a[NR]=$1} END {printf "median fresh JVM, warm cache, member level: %.3f s over %d JVMs\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), NR}'
# After a recompile (new file times, same bytes) every class file is read and checksummed, none parsed.
for _ in $(seq "$RUNS"); do
  find "$WORK/big/target" -name '*.class' -exec touch {} +
  java -cp "$CP" dev.ard.core.impact.bench.ImpactBench "$WORK" 0
done | tee "$WORK.touched"
sed -n 's/^fresh JVM, warm cache: \([0-9.]*\) s.*/\1/p' "$WORK.touched" | sort -n \
  | awk '{a[NR]=$1} END {printf "median fresh JVM, warm cache, all class files touched: %.3f s over %d JVMs\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), NR}'
