#!/usr/bin/env bash
# Runs flake.nix's package build the way nixpkgs' maven.buildMavenPackage does, without Nix (which cannot fetch
# nixpkgs here): phase 1 (the fixed-output dependency fetch) `mvn package <mvnParameters>` online into an empty
# local repository; phase 2 (the build) `mvn package -o -nsu <mvnParameters>` from a copy of that repository,
# in a clean copy of the tracked sources without .git, with HOME=/homeless-shelter and, when `unshare -n`
# works (root), no network at all. Prints the jars' sha256. The wrapper's Maven stands in for nixpkgs' Maven.
#
#   .ci/nix-phases.sh      # ~3-5 min on 2 cores; downloads the build's dependencies once (~100 MB)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ard-nix-phases.XXXXXX")
trap 'rm -rf "$work"' EXIT

# mvnParameters, read from flake.nix (one quoted string per line between `mvnParameters = … [` and `];`).
mapfile -t params < <(sed -n '/mvnParameters = lib.escapeShellArgs \[/,/\];/p' "$root/flake.nix" \
  | sed -n 's/^ *"\(.*\)"$/\1/p')
[[ ${#params[@]} -gt 0 ]] || { echo "nix-phases: no mvnParameters in flake.nix" >&2; exit 2; }
echo "mvnParameters: ${params[*]}"

src="$work/src"
mkdir -p "$src"
(cd "$root" && git ls-files -z | tar --null -T - -cf -) | tar -xf - -C "$src"

wrapper_home=${MAVEN_USER_HOME:-$HOME/.m2}   # where the wrapper keeps its Maven
cd "$src"
start=$SECONDS
if ! ./mvnw -B -ntp package -Dmaven.repo.local="$work/deps" "${params[@]}" >"$work/phase1.log" 2>&1; then
  tail -40 "$work/phase1.log"; echo "nix-phases: phase 1 (fetch) failed" >&2; exit 1
fi
echo "phase 1 (fetch, online): $((SECONDS - start)) s, $(du -sh "$work/deps" | cut -f1)"
find "$work/deps" -type f \( -name '*.lastUpdated' -o -name resolver-status.properties \
  -o -name _remote.repositories \) -delete
cp -dpR "$work/deps" "$work/deps-copy"
find . -name target -type d -prune -exec rm -rf {} +

isolate=()
if unshare -n true 2>/dev/null; then isolate=(unshare -n); else echo "(unshare -n unavailable: network left on)"; fi
start=$SECONDS
if ! env MAVEN_USER_HOME="$wrapper_home" HOME=/homeless-shelter "${isolate[@]}" \
     ./mvnw -B -ntp package -o -nsu -Dmaven.repo.local="$work/deps-copy" "${params[@]}" >"$work/phase2.log" 2>&1; then
  tail -40 "$work/phase2.log"; echo "nix-phases: phase 2 (offline build) failed" >&2; exit 1
fi
echo "phase 2 (build, offline${isolate[*]:+, no network}): $((SECONDS - start)) s"
grep -E 'Tests run:.*Skipped: [0-9]+$' "$work/phase2.log" || true
sha256sum ard-*/target/ard-*.jar
