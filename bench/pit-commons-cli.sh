#!/usr/bin/env bash
# Safe test selection vs mutation-testing ground truth on Apache Commons CLI (see
# ../shared/data/pit/commons-cli/README.md): % of KILLED mutants whose killing test class is selected
# when only the mutated file changes, and the share of test classes / test time selected.
# Usage: bash bench/pit-commons-cli.sh <commons-cli checkout at the commit in COMMIT>
# (env SHARED=dir to point at the shared data elsewhere; default <repo root>/../shared)
set -euo pipefail

CLI="$(cd "${1:?usage: $0 <commons-cli checkout>}" && pwd)"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${SHARED:-$REPO/../shared}/data/pit/commons-cli"
[ -f "$DATA/mutants.csv" ] || { echo "no ground truth at $DATA" >&2; exit 1; }
if [ "$(git -C "$CLI" rev-parse HEAD)" != "$(cat "$DATA/COMMIT")" ]; then
  echo "warning: $CLI is not at $(cat "$DATA/COMMIT")" >&2
fi

# commons-parent's enforcer wants Maven 3.9: this repository's wrapper has it.
(cd "$CLI" && "$REPO/mvnw" -B -ntp -q -DskipTests test-compile)
cd "$REPO"
./mvnw -B -ntp -q -o -pl ard-core test-compile
CP_FILE="$(mktemp)"
./mvnw -B -ntp -q -o -pl ard-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >/dev/null
# Three times: the safe default (an inlined compile-time constant links its user to the constant's owner)
# and without those links (what a change to a method body, i.e. every PIT mutant, needs), then as a
# build comparing bytecode would select (each mutant's class is the one class whose bytecode differs).
for constants in true false bytecode; do
  java -cp "ard-core/target/classes:ard-core/target/test-classes:$(cat "$CP_FILE")" \
    dev.ard.core.impact.bench.PitGroundTruth "$CLI" "$DATA" "$constants"
  echo
done
# Member level, per mutant: only its line changed (what-if `path:line`), then as a build comparing bytecode
# would see it (a base snapshot in which only the mutated method's body differs).
for mode in true bytecode; do
  java -cp "ard-core/target/classes:ard-core/target/test-classes:$(cat "$CP_FILE")" \
    dev.ard.core.impact.bench.PitGroundTruth "$CLI" "$DATA" "$mode" lines
  echo
done
# As a build without a bytecode snapshot sees it: the line from git's diff, or the whole file when the line may
# declare something (git.ChangedLines).
java -cp "ard-core/target/classes:ard-core/target/test-classes:$(cat "$CP_FILE")" \
  dev.ard.core.impact.bench.PitGroundTruth "$CLI" "$DATA" true gitlines
rm -f "$CP_FILE"
