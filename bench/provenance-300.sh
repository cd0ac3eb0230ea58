#!/usr/bin/env bash
# Time of ard:provenance for a module with 300 dependencies: generates a project whose pom declares 300
# distinct artifacts found in the local Maven repository (each with <exclusions>*:*</exclusions>, so the
# build resolves offline), builds it offline RUNS times, and reports the median of the time
# ard:provenance logs for itself ("… written to … (0.42 s)"). ARD is installed into the bench's own
# local repository (never ~/.m2).
# Usage: bash bench/provenance-300.sh [RUNS] [DEPS]
set -euo pipefail

RUNS="${1:-7}"
DEPS="${2:-300}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
M2="${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$REPO/pom.xml" | head -1)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/ard-prov-bench.XXXXXX")"
LOCAL="$WORK/repo"
MVN_HOME_MVN="$REPO/mvnw"

(cd "$REPO" && ./mvnw -B -q -o -pl ard-maven-plugin -am package -DskipTests)
cat >"$WORK/settings.xml" <<XML
<settings>
  <pluginGroups><pluginGroup>dev.ard</pluginGroup></pluginGroups>
  <profiles><profile><id>outer</id>
    <repositories><repository><id>outer-local</id><url>$(realpath "$M2" | sed 's:^:file\://:')</url>
      <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></repository></repositories>
    <pluginRepositories><pluginRepository><id>outer-local</id><url>$(realpath "$M2" | sed 's:^:file\://:')</url>
      <releases><checksumPolicy>ignore</checksumPolicy></releases><snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
  </profile></profiles>
  <activeProfiles><activeProfile>outer</activeProfile></activeProfiles>
</settings>
XML
install() { # file pomFile
  (cd "$WORK" && "$MVN_HOME_MVN" -B -q -o -Dmaven.repo.local="$LOCAL" -s "$WORK/settings.xml" -Daether.offline.protocols=file \
    org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file -Dfile="$1" -DpomFile="$2")
}
mkdir -p "$WORK/p"
install "$REPO/pom.xml" "$REPO/pom.xml"
install "$REPO/ard-core/target/ard-core-$VERSION.jar" "$REPO/ard-core/pom.xml"
install "$REPO/ard-maven-plugin/target/ard-maven-plugin-$VERSION.jar" "$REPO/ard-maven-plugin/pom.xml"


# DEPS distinct groupId:artifactId with a main jar and a pom beside it (no classifier, no SNAPSHOT, not
# ARD) whose parent POM chain is in the local repository too (Maven needs it to read the descriptor).
python3 - "$M2" >"$WORK/deps.all" <<'PY'
import os, re, sys
m2 = sys.argv[1]
def parent(pom):
    try:
        text = open(pom, encoding="utf-8", errors="replace").read()
    except OSError:
        return None, False
    m = re.search(r"<parent>(.*?)</parent>", text, re.S)
    if not m:
        return None, True
    get = lambda tag: (re.search(r"<%s>\s*([^<\s]+)\s*</%s>" % (tag, tag), m.group(1)) or [None, None])[1]
    g, a, v = get("groupId"), get("artifactId"), get("version")
    if not (g and a and v) or "${" in v:
        return None, False
    return os.path.join(m2, *g.split("."), a, v, f"{a}-{v}.pom"), True
def chain_ok(pom, depth=0):
    if depth > 10 or not os.path.isfile(pom):
        return False
    nxt, ok = parent(pom)
    return ok and (nxt is None or chain_ok(nxt, depth + 1))
seen = set()
for root, dirs, files in sorted(os.walk(m2)):
    dirs.sort()
    version = os.path.basename(root); artifact = os.path.basename(os.path.dirname(root))
    group = os.path.relpath(os.path.dirname(os.path.dirname(root)), m2).replace(os.sep, ".")
    jar, pom = f"{artifact}-{version}.jar", os.path.join(root, f"{artifact}-{version}.pom")
    if jar not in files or "SNAPSHOT" in version or group.startswith("dev.ard") or (group, artifact) in seen:
        continue
    if chain_ok(pom):
        seen.add((group, artifact))
        print(group, artifact, version)
PY

generate() {
  head -n "$DEPS" "$WORK/deps.all" >"$WORK/deps.txt"
  {
    cat <<XML
  <project xmlns="http://maven.apache.org/POM/4.0.0">
    <modelVersion>4.0.0</modelVersion>
    <groupId>bench</groupId><artifactId>deps-$DEPS</artifactId><version>1.0</version>
    <properties><project.build.outputTimestamp>2026-11-28T00:00:00Z</project.build.outputTimestamp></properties>
    <dependencies>
XML
    while read -r g a v; do
      echo "    <dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version>"
      echo "      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>"
    done <"$WORK/deps.txt"
    cat <<XML
    </dependencies>
    <build>
      <plugins>
        <plugin><artifactId>maven-clean-plugin</artifactId><version>3.5.0</version></plugin>
        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
        <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.4</version></plugin>
        <plugin><groupId>dev.ard</groupId><artifactId>ard-maven-plugin</artifactId><version>$VERSION</version>
          <executions><execution><goals><goal>provenance</goal></goals></execution></executions></plugin>
      </plugins>
    </build>
  </project>
XML
  } >"$WORK/p/pom.xml"
}
build() { "$MVN_HOME_MVN" -B -o -Daether.offline.protocols=file -s "$WORK/settings.xml" -Dmaven.repo.local="$LOCAL" clean verify; }

# Some descriptors still cannot be read offline (an imported BOM missing, say): drop those and retry.
for attempt in 1 2 3 4 5; do
  generate
  [ "$(wc -l <"$WORK/deps.txt")" -eq "$DEPS" ] || { echo "only $(wc -l <"$WORK/deps.txt") usable artifacts" >&2; exit 1; }
  (cd "$WORK/p" && build >"$WORK/warmup.log" 2>&1) && break
  sed -n 's/.*Failed to read artifact descriptor for \([^:]*\):\([^:]*\):.*/\1 \2 /p' "$WORK/warmup.log" | sort -u >"$WORK/bad.txt"
  [ -s "$WORK/bad.txt" ] || { tail -40 "$WORK/warmup.log"; exit 1; }
  grep -v -F -f "$WORK/bad.txt" "$WORK/deps.all" >"$WORK/deps.tmp" && mv "$WORK/deps.tmp" "$WORK/deps.all"
done
cd "$WORK/p"
git -c init.defaultBranch=main init -q && git add -A && git -c user.name=bench -c user.email=b@ard.dev -c commit.gpgsign=false commit -qm bench

grep "ARD: provenance of" "$WORK/warmup.log"
: >"$WORK/times.txt"
for i in $(seq "$RUNS"); do
  build >"$WORK/run.log" 2>&1 || { tail -50 "$WORK/run.log"; exit 1; }
  sed -n 's/.*ARD: provenance of .* (\([0-9.]*\) s)$/\1/p' "$WORK/run.log" >>"$WORK/times.txt"
done
echo "ard:provenance seconds per run: $(sort -n "$WORK/times.txt" | tr '\n' ' ')"
echo "median: $(sort -n "$WORK/times.txt" | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}') s"
echo "dependencies hashed: $(python3 -c "import json,sys; d=json.load(open('target/ard/deps-$DEPS-1.0.provenance.json')); print(len(d['predicate']['buildDefinition']['resolvedDependencies']))" 2>/dev/null || echo '?') entries; work dir $WORK"
