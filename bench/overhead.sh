#!/usr/bin/env bash
# Measures ARD's overhead: wall time of `mvn clean verify` on the bundled telemetry sample with and
# without the extension in .mvn/extensions.xml, alternating runs, median of RUNS (default 7) each.
# Usage: bash bench/overhead.sh [RUNS]    (env MAVEN_REPO_LOCAL=dir to use another local repository)
set -euo pipefail

RUNS="${1:-7}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$REPO/pom.xml" | head -1)"
MVN=("$REPO/mvnw" -B -q)
[ -n "${MAVEN_REPO_LOCAL:-}" ] && MVN+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")

(cd "$REPO" && "${MVN[@]}" install -DskipTests)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ard-bench.XXXXXX")"
cp -R "$REPO/it/src/it/telemetry-sample" "$WORK/sample"
cd "$WORK/sample"
sed -i "s/@project.version@/$VERSION/" .mvn/extensions.xml
mv .mvn/extensions.xml .mvn/extensions.xml.ard
git -c init.defaultBranch=main init -q && git add -A
git -c user.name=bench -c user.email=bench@ard.dev -c commit.gpgsign=false commit -qm sample

# One run: prints seconds. $1 = with|without.
run() {
  if [ "$1" = with ]; then cp .mvn/extensions.xml.ard .mvn/extensions.xml; else rm -f .mvn/extensions.xml; fi
  local t0 t1
  t0=$(date +%s.%N)
  "${MVN[@]}" -o clean verify >"$WORK/last-$1.log" 2>&1 || { cat "$WORK/last-$1.log"; exit 1; }
  t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.3f\n", b - a}'
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# Warm-up (downloads, JIT, page cache) for both variants; not counted.
run with >/dev/null; run without >/dev/null
: >"$WORK/with.txt"; : >"$WORK/without.txt"
for i in $(seq "$RUNS"); do
  run without >>"$WORK/without.txt"
  run with >>"$WORK/with.txt"
done
W=$(median <"$WORK/with.txt"); WO=$(median <"$WORK/without.txt")
printf 'runs per variant: %s\nwithout ARD (s): %s\nwith ARD (s):    %s\n' "$RUNS" "$(paste -sd' ' "$WORK/without.txt")" "$(paste -sd' ' "$WORK/with.txt")"
printf 'median without: %.2f s, median with: %.2f s, overhead: %+.1f %%\n' "$WO" "$W" "$(awk -v w="$W" -v wo="$WO" 'BEGIN {print (w - wo) / wo * 100}')"
echo "telemetry rows: $(ls -la .ard/telemetry.db | awk '{print $5}') bytes in .ard/telemetry.db; logs in $WORK"
