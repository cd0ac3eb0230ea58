#!/usr/bin/env bash
# Key-mode sign + verify time per artifact (ard-core's KeySigner/KeyVerifier, as ard:sign/ard:verify use
# them), for artifacts of 100 KB, 1 MB and 10 MB, 200 each, in one fresh JVM per size.
# Usage: bash bench/sign-verify.sh [COUNT]   (needs ard-core compiled: ./mvnw -o -pl ard-core compile)
set -euo pipefail
COUNT="${1:-200}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
./mvnw -B -ntp -q -o -pl ard-core dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=target/sign-bench.cp >/dev/null
CP="ard-core/target/classes:$(cat ard-core/target/sign-bench.cp)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ard-sign-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
for SIZE in 100000 1000000 10000000; do
  java -cp "$CP" bench/SignVerifyBench.java "$WORK/$SIZE" "$SIZE" "$COUNT"
done
