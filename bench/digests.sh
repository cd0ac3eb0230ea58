#!/usr/bin/env bash
# Hashing throughput of ARD's Digests (ard-core) versus coreutils sha256sum on the same ~200 MB of jars
# from the local Maven repository, read from the page cache (a warm-up pass reads them first).
# Usage: bash bench/digests.sh [MB] [RUNS]   (needs ard-core compiled: ./mvnw -o -pl ard-core compile)
# env PICK=largest (default: the largest jars, ~10 MB each) or PICK=path (jars in path order: the mix of
# small and large files a real dependency list has).
set -euo pipefail

MB="${1:-200}"
RUNS="${2:-5}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
CLASSES="$REPO/ard-core/target/classes"
[ -d "$CLASSES/dev/ard/core/attest" ] || { echo "compile ard-core first: ./mvnw -o -pl ard-core compile" >&2; exit 1; }

LIST="$(mktemp "${TMPDIR:-/tmp}/ard-digests.XXXXXX")"
# Jars until MB megabytes, in a stable, repeatable order for one repository.
if [ "${PICK:-largest}" = path ]; then ORDER=(-k2); else ORDER=(-k1,1nr -k2); fi
find "$M2" -name '*.jar' -type f -printf '%s %p\n' | sort "${ORDER[@]}" >"$LIST.all"
awk -v limit=$((MB * 1000000)) '{ if (total >= limit) exit; total += $1; print $2 }' "$LIST.all" >"$LIST"
rm -f "$LIST.all"
TOTAL=$(xargs -a "$LIST" -d '\n' stat -c %s | awk '{s += $1} END {print s}')
echo "files: $(wc -l <"$LIST"), bytes: $TOTAL"
xargs -a "$LIST" -d '\n' cat >/dev/null   # into the page cache

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
timed() {
  local t0 t1
  t0=$(date +%s.%N); "$@" >/dev/null; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" -v n="$TOTAL" 'BEGIN {printf "%.1f\n", n / 1e6 / (b - a)}'
}
SHA256SUM=$(for i in $(seq "$RUNS"); do timed xargs -a "$LIST" -d '\n' sha256sum; done | median)
SHA512SUM=$(for i in $(seq "$RUNS"); do timed xargs -a "$LIST" -d '\n' sha512sum; done | median)
echo "sha256sum MB/s (median of $RUNS): $SHA256SUM"
echo "sha512sum MB/s (median of $RUNS): $SHA512SUM"

OUT=$(java -cp "$CLASSES" "$REPO/bench/DigestsBench.java" "$LIST" "$RUNS")
echo "$OUT"
J256=$(sed -n 's/^sha256 MB\/s=//p' <<<"$OUT")
JBOTH=$(sed -n 's/^sha256+sha512 MB\/s=//p' <<<"$OUT")
awk -v j="$J256" -v s="$SHA256SUM" 'BEGIN {printf "Digests.sha256 / sha256sum = %.2fx\n", j / s}'
awk -v j="$JBOTH" -v s="$SHA256SUM" -v t="$SHA512SUM" \
  'BEGIN {printf "Digests.sha256And512 (one read) / (sha256sum then sha512sum) = %.2fx\n", j / (1 / (1 / s + 1 / t))}'
rm -f "$LIST"
