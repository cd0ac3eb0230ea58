#!/usr/bin/env bash
# ard:verify-dependencies' decision on 300 artifacts with bundles (cold: empty verdict cache; warm: cache filled),
# and the cost of one real keyless bundle check (sigstore-java). Needs ../shared/data/sigstore-conformance.
# Usage: bash bench/dependency-verify.sh [COUNT]
set -euo pipefail
COUNT="${1:-300}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
./mvnw -B -ntp -q -o -pl ard-core,ard-maven-support,ard-maven-plugin compile >/dev/null
./mvnw -B -ntp -q -o -pl ard-maven-plugin dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.outputFile=target/trust-bench.cp >/dev/null
CP="ard-maven-plugin/target/classes:ard-core/target/classes:ard-maven-support/target/classes:$(cat ard-maven-plugin/target/trust-bench.cp)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ard-trust-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
java -cp "$CP" bench/DependencyVerifyBench.java "$WORK" "$COUNT" "$REPO/../shared/data/sigstore-conformance"
