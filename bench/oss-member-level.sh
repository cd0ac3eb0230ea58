#!/usr/bin/env bash
# Member level vs class level on a real multi-module project: google/gson at a pinned commit, modules
# gson, extras, metrics, proto (test-jpms, test-shrinker and test-graal-native-image are left out).
# One method body of the JSON parser (com.google.gson.stream.JsonReader#nextLong) is edited and
#   * the what-if (ard:select) gives the test classes class level (plain path) and member level (changed line)
#     would select;
#   * three builds of the same edited tree, same goals (`clean verify`), are timed RUNS times each, interleaved:
#       full      -Dard.selection=all
#       class     -Dard.selection=safe, the base's bytecode snapshot moved aside (source files decide: class level)
#       member    -Dard.selection=safe with the snapshot (changes: bytecode vs <base>: member level)
#   * honesty check: a breaking edit of the same method, built full and selective with
#     -Dmaven.test.failure.ignore=true: every test class failing in the full build must be selected (and fail).
#
# Usage: bash bench/oss-member-level.sh <git clone of google/gson containing PIN> [RUNS]   (default 3 runs)
#   The clone is reset: branches main, ard-bench-feature and ard-bench-break are (re)created at PIN, `git clean -fdx`
#   removes .ard/ and every target/. Use a clone made for this.
# Needs: ARD installed in ~/.m2 (`./mvnw -B -o -q install -DskipTests` in this repository), Maven 3.9
#   (MVN, default: the 3.9 distribution ARD's wrapper downloaded, else `mvn`), python3, and gson's plugins in ~/.m2
#   (the first run needs Central: OFFLINE= bash bench/oss-member-level.sh …).
# Output: a Markdown table on stdout; logs and results.tsv in WORK (default /tmp/ard-oss-member-level).
set -euo pipefail

CLONE="$(cd "${1:?usage: oss-member-level.sh <gson clone> [RUNS]}" && pwd)"
RUNS="${2:-3}"
PIN=9835b6f90192f79cdf5300c528fc6212455fb6c1 # google/gson main, 2026-08-08 ("Fix typos and grammar issues (#3092)")
PL=gson,extras,metrics,proto
SRC=gson/src/main/java/com/google/gson/stream/JsonReader.java
# The edit: a quoted long is trimmed before Long.parseLong (" 9007199254740993 " now parses exactly instead of
# through a double): a real behaviour change in one method body, which gson's own tests keep passing.
EDIT_LINE=1103
EDIT='s/Long.parseLong(peekedString);/Long.parseLong(peekedString.trim());/'
# The breaking edit (honesty check): every unquoted long comes back one too big.
BREAK="1089s/return peekedLong;/return peekedLong + 1;/"
OFFLINE="${OFFLINE--o}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' "$REPO/pom.xml" | head -1)"
if [[ -z "${MVN:-}" ]]; then
  MVN="$(ls -d "$HOME"/.m2/wrapper/dists/apache-maven-3.9.*/*/bin/mvn 2>/dev/null | tail -1 || true)"
  MVN="${MVN:-mvn}"
fi
WORK="${WORK:-${TMPDIR:-/tmp}/ard-oss-member-level}"
mkdir -p "$WORK"
: > "$WORK/results.tsv"
GIT=(git -c user.name=ard-bench -c user.email=ard-bench@localhost -c advice.detachedHead=false)

cd "$CLONE"
"${GIT[@]}" cat-file -e "$PIN^{commit}" || { echo "$CLONE does not contain $PIN" >&2; exit 1; }
"${GIT[@]}" checkout -q -f -B main "$PIN"
"${GIT[@]}" clean -q -ffdx
mkdir -p .mvn
cat > .mvn/extensions.xml <<EOF
<extensions>
  <extension>
    <groupId>dev.ard</groupId>
    <artifactId>ard-maven-extension</artifactId>
    <version>$VERSION</version>
  </extension>
</extensions>
EOF
# ignored, not committed: the work tree stays clean and HEAD stays PIN
grep -qx '.mvn/extensions.xml' .git/info/exclude 2>/dev/null || printf '.mvn/extensions.xml\n.ard/\n' >> .git/info/exclude

# build NAME ARGS…: one timed `clean verify`, its log in $WORK/NAME.log, a row in results.tsv
build() {
  local name="$1"; shift
  local load t0 t1 rc=0
  load="$(cut -d' ' -f1 /proc/loadavg)"
  t0="$(date +%s.%N)"
  "$MVN" -B $OFFLINE clean verify -pl "$PL" "$@" > "$WORK/$name.log" 2>&1 || rc=$?
  t1="$(date +%s.%N)"
  python3 - "$name" "$t0" "$t1" "$load" "$rc" "$WORK/$name.log" >> "$WORK/results.tsv" <<'PY'
import glob, re, sys, xml.etree.ElementTree as ET
name, t0, t1, load, rc, log = sys.argv[1:]
text = open(log, encoding="utf-8", errors="replace").read()
m = re.search(r"ARD: ran (\d+)/(\d+) test classes.*", text)
sel, tot = (m.group(1), m.group(2)) if m else ("all", "-")
seen = re.search(r"changes: ([^)]*)\)", text)
tests, secs, failed = 0, 0.0, set()
for f in glob.glob("*/target/*-reports/TEST-*.xml"):
    s = ET.parse(f).getroot()
    tests += int(s.get("tests", 0)); secs += float(s.get("time", 0) or 0)
    if int(s.get("failures", 0)) + int(s.get("errors", 0)):
        failed.add(s.get("name"))
print("\t".join([name, "%.1f" % (float(t1) - float(t0)), load, rc, sel, tot, str(tests), "%.1f" % secs,
                 seen.group(1) if seen else "-", ",".join(sorted(failed))]))
PY
  tail -1 "$WORK/results.tsv" | cut -f1-9 >&2
}

# 1. the base: everything runs on main, the bytecode snapshot of PIN is written
build base -Dard.selection=all
[[ -d ".ard/cache/bytecode/$PIN" ]] || { echo "no bytecode snapshot for $PIN after the base build" >&2; exit 1; }
rm -rf "$WORK/reports" && mkdir -p "$WORK/reports" && cp */target/*-reports/TEST-*.xml "$WORK/reports/"

# 2. the feature branch: one method body edited
"${GIT[@]}" checkout -q -B ard-bench-feature "$PIN"
sed -i "$EDIT" "$SRC"
[[ "$(git diff --numstat)" == $'1\t1\t'"$SRC" ]] || { echo "the edit did not apply to exactly one line" >&2; exit 1; }
"${GIT[@]}" commit -q -am "JsonReader.nextLong: trim a quoted value before Long.parseLong"
git show --format='edit: %h %s' -U0 HEAD | grep -E '^(edit|[-+] )' >&2

# 3. what-if: class level (the path) and member level (the changed line)
printf '%s\n%s:%s-%s\n' "$SRC" "$SRC" "$EDIT_LINE" "$EDIT_LINE" > "$WORK/changesets.txt"
"$MVN" -B $OFFLINE test-compile "dev.ard:ard-maven-plugin:$VERSION:select" -pl "$PL" \
  -Dard.changeSets="$WORK/changesets.txt" > "$WORK/whatif.log" 2>&1
cp "$(ls -t */target/ard/selections.jsonl | head -1)" "$WORK/selections.jsonl"

# 4. timed builds, interleaved
for i in $(seq "$RUNS"); do
  build "member-$i" -Dard.selection=safe -Dard.baseRef="$PIN" -Dard.explain
  mv ".ard/cache/bytecode/$PIN" "$WORK/snapshot-aside"
  build "class-$i" -Dard.selection=safe -Dard.baseRef="$PIN" -Dard.explain
  mv "$WORK/snapshot-aside" ".ard/cache/bytecode/$PIN"
  build "full-$i" -Dard.selection=all
done

# 5. honesty check: a breaking edit of the same method
"${GIT[@]}" checkout -q -B ard-bench-break "$PIN"
sed -i "$BREAK" "$SRC"
[[ "$(git diff --numstat)" == $'1\t1\t'"$SRC" ]] || { echo "the breaking edit did not apply" >&2; exit 1; }
"${GIT[@]}" commit -q -am "JsonReader.nextLong: off by one (breaking)"
build break-member -Dard.selection=safe -Dard.baseRef="$PIN" -Dard.explain -Dmaven.test.failure.ignore=true
build break-full -Dard.selection=all -Dmaven.test.failure.ignore=true
"${GIT[@]}" checkout -q ard-bench-feature

# 6. the table
python3 - "$WORK" "$RUNS" <<'PY'
import json, statistics, sys, glob, os, xml.etree.ElementTree as ET
work, runs = sys.argv[1], int(sys.argv[2])
rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(work, "results.tsv"))]
by = {r[0]: r for r in rows}
sets = [json.loads(l) for l in open(os.path.join(work, "selections.jsonl"))]
dur = {}  # test class -> seconds in the base build (everything ran)
for f in glob.glob(os.path.join(work, "reports", "TEST-*.xml")):
    s = ET.parse(f).getroot()
    dur[s.get("name")] = float(s.get("time", 0) or 0)
def med(prefix, col):
    return statistics.median(float(by[f"{prefix}-{i}"][col]) for i in range(1, runs + 1))
def each(prefix, col):
    return ", ".join(by[f"{prefix}-{i}"][col] for i in range(1, runs + 1))
print(f"| | what-if `ard:select`: selected / total (never run before) | build: ran / total | build: changes seen | tests run | test time (reports, median) | wall time `clean verify`, median of {runs} (each run) |")
print("|---|---|---|---|---|---|---|")
for label, s, prefix in (("class level", sets[0], "class"), ("member level", sets[1], "member")):
    never = sum(1 for t in s["selected"] if s["reasons"].get(t, "").startswith("never run"))
    b = by[f"{prefix}-1"]
    print(f"| {label} | {len(s['selected'])}/{len(s['selected']) + len(s['skipped'])} ({never}) "
          f"| {b[4]}/{b[5]} | {b[8]} | {b[6]} | {med(prefix, 7):.1f} s | {med(prefix, 1):.1f} s ({each(prefix, 1)}) |")
b = by["full-1"]
print(f"| full build (`-Dard.selection=all`) | – | all | – | {b[6]} | {med('full', 7):.1f} s | {med('full', 1):.1f} s ({each('full', 1)}) |")
print()
for label, s in (("class level", sets[0]), ("member level", sets[1])):
    print(f"{label}: base-build test time of the selected classes {sum(dur.get(t, 0) for t in s['selected']):.1f} s "
          f"of {sum(dur.values()):.1f} s")
print("load average (1 min) at the start of each build: " + ", ".join(f"{r[0]} {r[2]}" for r in rows))
fb, sb = by["break-full"], by["break-member"]
ff = set(filter(None, fb[9].split(","))); sf = set(filter(None, sb[9].split(",")))
print(f"breaking edit: the full build failed {len(ff)} test classes; the selective build ran {sb[4]}/{sb[5]} "
      f"and failed {len(sf)}; failing in the full build but not selected: {sorted(ff - sf) or 'none'}")
print("failing classes: " + ", ".join(sorted(ff)))
PY
