#!/usr/bin/env bash
# ARD demo: builds ARD, then builds a bundled two-module sample (app depends on core) on a feature
# branch: the first build runs and records every test; after a one-line change to a core class the
# second build runs only the test classes that change can reach, in both modules, and says why.
# Then `ard:select` answers a what-if without running tests, and `ard:stats` shows what was recorded.
# The attestation half: a second bundled sample is deployed to a local file repository with SLSA provenance
# and key-mode Sigstore bundles (and a CycloneDX SBOM when Maven Central is reachable), then a consumer runs
# `ard:verify` on the deployed files with the publisher's public key, and a copy with one changed byte is refused.
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

section "1/9  Building ARD $VERSION (mvnw install -DskipTests)"
(cd "$REPO" && "${MVN[@]}" -q install -DskipTests)
echo "ARD $VERSION installed${MAVEN_REPO_LOCAL:+ into $MAVEN_REPO_LOCAL}."

section "2/9  Copying the sample project into a git repository on branch $BRANCH"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ard-demo.XXXXXX")"
SAMPLE="$WORK/selection-sample"
cp -R "$SAMPLE_SRC" "$SAMPLE"
# The sample's .mvn/extensions.xml is what turns ARD on; it names ARD's version.
sed -i.bak "s/@project.version@/$VERSION/" "$SAMPLE/.mvn/extensions.xml" && rm "$SAMPLE/.mvn/extensions.xml.bak"
# git_init <dir> <branch>: a repository with one commit of everything in <dir>.
git_init() {
  if command -v git >/dev/null 2>&1; then
    git -C "$1" -c init.defaultBranch="$2" init -q
    git -C "$1" add -A
    git -C "$1" -c user.name="ARD demo" -c user.email=demo@ard.dev -c commit.gpgsign=false commit -q -m "sample"
  else
    # No git CLI: make the repository with JGit, which ARD's build has already downloaded.
    if [ ! -f "$WORK/jgit.classpath" ]; then
      (cd "$REPO" && "${MVN[@]}" -q -f ard-core/pom.xml dependency:build-classpath -Dmdep.outputFile="$WORK/jgit.classpath")
    fi
    java -cp "$(cat "$WORK/jgit.classpath")" "$REPO/demo/GitInit.java" "$1" "$2"
  fi
}
git_init "$SAMPLE" "$BRANCH"
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

section "3/9  First build on $BRANCH (mvn verify): no history yet, so every test runs and is recorded"
build_sample build1

section "4/9  Change one line of core's Leaf.java, build again (mvn verify -Dard.explain)"
sed -i.bak 's/return 1;/return 2 - 1;/' "$SAMPLE/core/src/main/java/com/acme/core/Leaf.java"
rm "$SAMPLE/core/src/main/java/com/acme/core/Leaf.java.bak"
echo "Only LeafTest (core), ServiceTest and ServiceIT (app, through Service) can see Leaf:"
echo
build_sample build2 -Dard.explain

section "5/9  What-if, no test run: which tests would a change to app's Standalone.java need? (ard:select)"
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

section "6/9  What ARD recorded (mvn ard:stats)"
STATS_LOG="$WORK/stats.log"
(cd "$SAMPLE" && "${MVN[@]}" "dev.ard:ard-maven-plugin:$VERSION:stats") >"$STATS_LOG" 2>&1 || {
  cat "$STATS_LOG"
  exit 1
}
# Only the report: the [INFO] lines after the goal's header, up to Maven's closing separator.
sed -n '/--- .*:stats /,/^\[INFO\] ---------/p' "$STATS_LOG" | sed '1d;$d' | sed 's/^\[INFO\] \{0,1\}//'
echo
echo "As JSON: (cd $SAMPLE && $REPO/mvnw -q${MAVEN_REPO_LOCAL:+ -Dmaven.repo.local=$MAVEN_REPO_LOCAL} dev.ard:ard-maven-plugin:$VERSION:stats -Dard.format=json)"

section "7/9  Attestations: a 2-module sample (lib, app) deployed with provenance and key-mode signatures"
SIGN="$WORK/sign-sample"
DEPLOYED="$WORK/repository"
cp -R "$REPO/it/src/it/sign-sample" "$SIGN"
sed -i.bak "s/@project.version@/$VERSION/" "$SIGN/pom.xml" && rm "$SIGN/pom.xml.bak"
# The publisher's key pair (JDK only). A demo key is unencrypted; real builds use an encrypted one + ARD_SIGN_KEY_PASSWORD.
java "$REPO/demo/KeyGen.java" "$WORK"
DEPLOY_ARGS=(clean deploy -Dard.sign.mode=key "-Dard.sign.key=$WORK/signing.pem"
  "-DaltDeploymentRepository=demo::file://$DEPLOYED")
# The SBOM comes from cyclonedx-maven-plugin, which ARD's extension adds with -Dard.sbom=true: only when it is in the
# local repository already or Maven Central answers, so the demo stays offline-capable.
SBOM_PLUGIN="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/org/cyclonedx/cyclonedx-maven-plugin"
if [ -d "$SBOM_PLUGIN" ] || curl -fsI --max-time 5 \
  https://repo.maven.apache.org/maven2/org/cyclonedx/cyclonedx-maven-plugin/maven-metadata.xml >/dev/null 2>&1; then
  mkdir -p "$SIGN/.mvn"
  sed "s/@project.version@/$VERSION/" "$REPO/it/src/it/selection-sample/.mvn/extensions.xml" >"$SIGN/.mvn/extensions.xml"
  DEPLOY_ARGS+=(-Dard.sbom=true)
  echo "mvn clean deploy -Dard.sign.mode=key -Dard.sign.key=signing.pem -Dard.sbom=true -DaltDeploymentRepository=demo::file://…"
else
  echo "(offline and cyclonedx-maven-plugin not in the local repository: no SBOM this time)"
  echo "mvn clean deploy -Dard.sign.mode=key -Dard.sign.key=signing.pem -DaltDeploymentRepository=demo::file://…"
fi
printf 'target/\n.ard/\n' >"$SIGN/.gitignore"
git_init "$SIGN" main
echo
DEPLOY_LOG="$WORK/deploy.log"
if ! (cd "$SIGN" && "${MVN[@]}" "${DEPLOY_ARGS[@]}") >"$DEPLOY_LOG" 2>&1; then
  tail -n 40 "$DEPLOY_LOG"
  echo "The sample deploy failed; full log: $DEPLOY_LOG" >&2
  exit 1
fi
grep -E '^\[[A-Z]+\] (ARD:|BUILD )' "$DEPLOY_LOG" || true
echo "(full log: $DEPLOY_LOG)"
LIB="$DEPLOYED/dev/ard/sample/sign-lib/1.0"
echo
echo "Deployed to $LIB:"
(cd "$LIB" && ls -1 | grep -vE '\.(md5|sha1|sha256|sha512)$' | sed 's/^/  /')

# verify_as_consumer <name> <ard:verify args...>: the standalone goal, run outside any project as a consumer would.
verify_as_consumer() {
  local name="$1"
  shift
  local log="$WORK/$name.log"
  local status=0
  (cd "$WORK" && "${MVN[@]}" "dev.ard:ard-maven-plugin:$VERSION:verify" "$@") >"$log" 2>&1 || status=$?
  # The verdict: ARD's line (a failure is inside Maven's "Failed to execute goal" line).
  grep -oE 'ARD: .*' "$log" | sed -e 's/ -> \[Help 1\]$//' -e 's/^/  /' || tail -n 20 "$log"
  echo "  exit code $status"
  return "$status"
}

section "8/9  As a consumer: ard:verify of the deployed files with the publisher's public key"
echo "The jar against its bundle (sign-lib-1.0.jar.sigstore.json beside it):"
verify_as_consumer verify-jar "-Dard.verify.artifact=$LIB/sign-lib-1.0.jar" "-Dard.verify.key=$WORK/signing.pub.pem"
echo
echo "The sources jar against the signed provenance (one statement names every artifact of the module):"
verify_as_consumer verify-provenance "-Dard.verify.artifact=$LIB/sign-lib-1.0-sources.jar" \
  "-Dard.verify.bundle=$LIB/sign-lib-1.0.provenance.sigstore.json" "-Dard.verify.key=$WORK/signing.pub.pem"

section "9/9  One changed byte: the consumer's ard:verify refuses it"
TAMPERED="$WORK/tampered/sign-lib-1.0.jar"
mkdir -p "$WORK/tampered"
cp "$LIB/sign-lib-1.0.jar" "$TAMPERED"
# The jar's last byte (the zip comment length, 0) becomes 'X'.
printf 'X' | dd of="$TAMPERED" bs=1 seek=$(($(wc -c <"$TAMPERED") - 1)) conv=notrunc 2>/dev/null
if verify_as_consumer verify-tampered "-Dard.verify.artifact=$TAMPERED" \
  "-Dard.verify.bundle=$LIB/sign-lib-1.0.jar.sigstore.json" "-Dard.verify.key=$WORK/signing.pub.pem"; then
  echo "A tampered jar verified: this must never happen." >&2
  exit 1
fi
echo
echo "Done. Everything is in $WORK."
