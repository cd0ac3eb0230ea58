#!/usr/bin/env bash
# ARD demo: builds ARD, then builds a bundled two-module sample (app depends on core) on a feature
# branch: the first build runs and records every test; after a one-line change to a core class the
# second build runs only the test classes that change can reach, in both modules, and says why.
# Then `ard:select` answers a what-if without running tests, and `ard:stats` shows what was recorded.
#
# Needs only Java 17+: the Maven wrapper downloads Maven, git is used when present (else JGit).
# ARD is installed into your local Maven repository (~/.m2/repository), as a user would; set
# MAVEN_REPO_LOCAL=/some/dir to use another one. The sample is built in a temporary directory that
# is kept (its path is printed) so you can look at .ard/telemetry.db afterwards.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
SAMPLE_SRC="$REPO/it/src/it/selection-sample"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$REPO/pom.xml" | head -1)"
MVN=("$REPO/mvnw" -B -ntp)
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
  MVN+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
fi
BRANCH="feature/demo"

section() { printf '\n==== %s ====\n\n' "$*"; }

section "1/6  Building ARD $VERSION (mvnw install -DskipTests)"
(cd "$REPO" && "${MVN[@]}" -q install -DskipTests)
echo "ARD $VERSION installed${MAVEN_REPO_LOCAL:+ into $MAVEN_REPO_LOCAL}."

section "2/6  Copying the sample project into a git repository on branch $BRANCH"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ard-demo.XXXXXX")"
SAMPLE="$WORK/selection-sample"
cp -R "$SAMPLE_SRC" "$SAMPLE"
# The sample's .mvn/extensions.xml is what turns ARD on; it names ARD's version.
sed -i.bak "s/@project.version@/$VERSION/" "$SAMPLE/.mvn/extensions.xml" && rm "$SAMPLE/.mvn/extensions.xml.bak"
if command -v git >/dev/null 2>&1; then
  git -C "$SAMPLE" -c init.defaultBranch="$BRANCH" init -q
  git -C "$SAMPLE" add -A
  git -C "$SAMPLE" -c user.name="ARD demo" -c user.email=demo@ard.dev -c commit.gpgsign=false commit -q -m "sample"
else
  # No git CLI: make the repository with JGit, which ARD's build has already downloaded.
  (cd "$REPO" && "${MVN[@]}" -q -f ard-core/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/jgit.classpath")
  java -cp "$(cat "$WORK/jgit.classpath")" "$REPO/demo/GitInit.java" "$SAMPLE" "$BRANCH"
fi
echo "Sample: $SAMPLE"
echo "  core: Leaf, Other, Plugin, Registry  + tests LeafTest, OtherTest, RegistryTest, DynamicTest, EnvTest"
echo "  app:  Service (uses core's Leaf), Standalone  + tests ServiceTest, StandaloneTest, ServiceIT (Failsafe)"

# Runs `mvn verify <args>` on the sample; shows ARD's lines, Surefire's totals and the result (full log kept).
build_sample() {
  local name="$1"
  shift
  local log="$WORK/$name.log"
  if (cd "$SAMPLE" && "${MVN[@]}" verify "$@") >"$log" 2>&1; then
    grep -E '^\[[A-Z]+\] (ARD:|Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+(, Flakes: [0-9]+)?$|BUILD )' "$log" || true
    echo "(full log: $log)"
  else
    tail -n 40 "$log"
    echo "The sample build failed; full log: $log" >&2
    exit 1
  fi
}

section "3/6  First build on $BRANCH (mvn verify): no history yet, so every test runs and is recorded"
build_sample build1

section "4/6  Change one line of core's Leaf.java, build again (mvn verify -Dard.explain)"
sed -i.bak 's/return 1;/return 2 - 1;/' "$SAMPLE/core/src/main/java/com/acme/core/Leaf.java"
rm "$SAMPLE/core/src/main/java/com/acme/core/Leaf.java.bak"
echo "Only LeafTest (core), ServiceTest and ServiceIT (app, through Service) can see Leaf:"
echo
build_sample build2 -Dard.explain

section "5/6  What-if, no test run: which tests would a change to app's Standalone.java need? (ard:select)"
SELECT_LOG="$WORK/select.log"
(cd "$SAMPLE" && "${MVN[@]}" "dev.ard:ard-maven-plugin:$VERSION:select" \
  -Dard.changed=app/src/main/java/com/acme/app/Standalone.java) >"$SELECT_LOG" 2>&1 || {
  cat "$SELECT_LOG"
  exit 1
}
grep -E '^\[INFO\] ARD:' "$SELECT_LOG" | sed 's/^\[INFO\] //'
echo
echo "target/ard/selections.jsonl:"
cat "$SAMPLE/target/ard/selections.jsonl"

section "6/6  What ARD recorded (mvn ard:stats)"
STATS_LOG="$WORK/stats.log"
(cd "$SAMPLE" && "${MVN[@]}" "dev.ard:ard-maven-plugin:$VERSION:stats") >"$STATS_LOG" 2>&1 || {
  cat "$STATS_LOG"
  exit 1
}
# Only the report: the [INFO] lines after the goal's header, up to Maven's closing separator.
sed -n '/--- .*:stats /,/^\[INFO\] ---------/p' "$STATS_LOG" | sed '1d;$d' | sed 's/^\[INFO\] \{0,1\}//'
echo
echo "As JSON: (cd $SAMPLE && $REPO/mvnw -q${MAVEN_REPO_LOCAL:+ -Dmaven.repo.local=$MAVEN_REPO_LOCAL} dev.ard:ard-maven-plugin:$VERSION:stats -Dard.format=json)"
