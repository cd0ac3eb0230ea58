#!/usr/bin/env bash
# ard:evaluate on a store made by real builds: the bundled selection sample (2 modules, 8 test classes) built BUILDS
# times on main (a full branch: every test runs, impact facts recorded), each build after a one-line edit of one of
# three classes; every 4th edit breaks the class (Leaf → LeafTest, ServiceTest, ServiceIT fail; Other → OtherTest;
# Standalone → StandaloneTest), the next edit repairs it. Then `ard:evaluate` replays the store: all, random, lastFail,
# failDensity, safe (from the recorded impact facts) and predictive.
# Usage: bash bench/store-evaluate.sh [BUILDS]   (default 24; ARD is installed into ~/.m2 first)
set -euo pipefail

BUILDS="${1:-24}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$REPO/pom.xml" | head -1)"
MVN=("$REPO/mvnw" -B -ntp -q)
(cd "$REPO" && "${MVN[@]}" install -DskipTests)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/ard-store-eval.XXXXXX")"
cp -R "$REPO/it/src/it/selection-sample" "$WORK/sample"
cd "$WORK/sample"
sed -i "s/@project.version@/$VERSION/" .mvn/extensions.xml
git -c init.defaultBranch=main init -q && git add -A
commit() { git add -A && git -c user.name=bench -c user.email=bench@ard.dev -c commit.gpgsign=false commit -qm "$1"; }
commit sample

FILES=(core/src/main/java/com/acme/core/Leaf.java core/src/main/java/com/acme/core/Other.java
  app/src/main/java/com/acme/app/Standalone.java)
GOOD=('return 1;' 'return "other";' 'return 3;')
BAD=('return 0;' 'return "";' 'return 4;')
broken=-1
for i in $(seq 1 "$BUILDS"); do
  if [ "$broken" -ge 0 ]; then
    sed -i "s/${BAD[$broken]}/${GOOD[$broken]}/" "${FILES[$broken]}"   # repair
    broken=-1
  elif [ $((i % 4)) -eq 0 ]; then
    broken=$(( (i / 4) % 3 ))
    sed -i "s/${GOOD[$broken]}/${BAD[$broken]}/" "${FILES[$broken]}"   # break
  else
    f=$(( i % 3 ))
    printf '// edit %s\n' "$i" >> "${FILES[$f]}"                          # a harmless edit
  fi
  commit "build $i"
  "$REPO/mvnw" -B -ntp verify -Dmaven.test.failure.ignore=true > "$WORK/build-$i.log" 2>&1 || true
  grep -h '^\[INFO\] ARD: ' "$WORK/build-$i.log" | tail -1 || true
done
"$REPO/mvnw" -B -ntp "dev.ard:ard-maven-plugin:$VERSION:evaluate" -Dard.evaluate.retrainEvery=4 -Dard.train.minBuilds=8 | grep -E 'ARD|strategy|^\[INFO\] (all|random|lastFail|failDensity|safe|predictive)' || true
echo "store and logs kept in $WORK"
