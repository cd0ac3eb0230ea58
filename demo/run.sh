#!/usr/bin/env bash
# ARD demo: builds ARD, builds a bundled sample project twice with ARD recording every test, then
# shows what ARD learned with `ard:stats`.
#
# Needs only Java 17+: the Maven wrapper downloads Maven, git is used when present (else JGit).
# ARD is installed into your local Maven repository (~/.m2/repository), as a user would; set
# MAVEN_REPO_LOCAL=/some/dir to use another one. The sample is built in a temporary directory that
# is kept (its path is printed) so you can look at .ard/telemetry.db afterwards.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
SAMPLE_SRC="$REPO/it/src/it/telemetry-sample"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$REPO/pom.xml" | head -1)"
MVN=("$REPO/mvnw" -B -ntp)
if [ -n "${MAVEN_REPO_LOCAL:-}" ]; then
  MVN+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
fi

section() { printf '\n==== %s ====\n\n' "$*"; }

section "1/5  Building ARD $VERSION (mvnw install -DskipTests)"
(cd "$REPO" && "${MVN[@]}" -q install -DskipTests)
echo "ARD $VERSION installed${MAVEN_REPO_LOCAL:+ into $MAVEN_REPO_LOCAL}."

section "2/5  Copying the sample project"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ard-demo.XXXXXX")"
SAMPLE="$WORK/telemetry-sample"
cp -R "$SAMPLE_SRC" "$SAMPLE"
# The sample's .mvn/extensions.xml is what turns ARD on; it names ARD's version.
sed -i.bak "s/@project.version@/$VERSION/" "$SAMPLE/.mvn/extensions.xml" && rm "$SAMPLE/.mvn/extensions.xml.bak"
if command -v git >/dev/null 2>&1; then
  git -C "$SAMPLE" -c init.defaultBranch=main init -q
  git -C "$SAMPLE" add -A
  git -C "$SAMPLE" -c user.name="ARD demo" -c user.email=demo@ard.dev -c commit.gpgsign=false commit -q -m "sample"
else
  # No git CLI: make the repository with JGit, which ARD's build has already downloaded.
  (cd "$REPO" && "${MVN[@]}" -q -f ard-core/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/jgit.classpath")
  java -cp "$(cat "$WORK/jgit.classpath")" "$REPO/demo/GitInit.java" "$SAMPLE"
fi
echo "Sample: $SAMPLE (3 modules: JUnit 5 with a flaky test and a Failsafe IT, JUnit 4, TestNG)"

# Runs `mvn verify` on the sample; shows ARD's line, Surefire's totals and the result (full log kept).
build_sample() {
  local log="$WORK/$1.log"
  if (cd "$SAMPLE" && "${MVN[@]}" verify) >"$log" 2>&1; then
    grep -E '^\[[A-Z]+\] (ARD:|Tests run: [0-9]+, Failures: [0-9]+, Errors: [0-9]+, Skipped: [0-9]+(, Flakes: [0-9]+)?$|BUILD )' "$log" || true
    echo "(full log: $log)"
  else
    tail -n 40 "$log"
    echo "The sample build failed; full log: $log" >&2
    exit 1
  fi
}

section "3/5  First build of the sample (mvn verify)"
echo "FlakyTest fails once and passes on its rerun; JUnit 4's BrokenTest fails on purpose"
echo "(testFailureIgnore keeps the build green). ARD adds one line at the end."
echo
build_sample build1

section "4/5  Second build of the sample (mvn verify)"
build_sample build2

section "5/5  What ARD recorded (mvn ard:stats)"
STATS_LOG="$WORK/stats.log"
(cd "$SAMPLE" && "${MVN[@]}" "dev.ard:ard-maven-plugin:$VERSION:stats") >"$STATS_LOG" 2>&1 || {
  cat "$STATS_LOG"
  exit 1
}
# Only the report: the [INFO] lines after the goal's header, up to Maven's closing separator.
sed -n '/--- .*:stats /,/^\[INFO\] ---------/p' "$STATS_LOG" | sed '1d;$d' | sed 's/^\[INFO\] \{0,1\}//'
echo
echo "As JSON: (cd $SAMPLE && $REPO/mvnw -q${MAVEN_REPO_LOCAL:+ -Dmaven.repo.local=$MAVEN_REPO_LOCAL} dev.ard:ard-maven-plugin:$VERSION:stats -Dard.format=json)"
