#!/usr/bin/env bash
# Fetches the public test data that ARD's conformance, keyless-tamper and SLSA-sample tests read from
# ../shared/data next to the repository, each pinned and checked:
#   sigstore-conformance  test/assets/bundle-verify of sigstore/sigstore-conformance at a fixed commit (git checks
#                         every object against the commit), plus production_trusted_root.json: the Sigstore
#                         public-good trusted root embedded in the npm package @sigstore/tuf 5.0.1 (npm integrity
#                         and the root's sha256 checked)
#   slsa/gha_maven        cli/slsa-verifier/testdata/gha_maven of slsa-framework/slsa-verifier at a fixed commit
# Then run the tests with ARD_REQUIRE_SHARED=sigstore-conformance,slsa so that missing data fails instead of skipping.
# Usage: .ci/fetch-public-data.sh [shared-dir]   (default: ../shared next to the repository; existing sets are kept)
# Env: ARD_CONFORMANCE_GIT, ARD_SLSA_VERIFIER_GIT override the git URLs (a local mirror, for instance).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
data=$shared/data
conformance_git=${ARD_CONFORMANCE_GIT:-https://github.com/sigstore/sigstore-conformance.git}
conformance_commit=a73de4970176d258e0154c530b89d20b89444e4d
slsa_git=${ARD_SLSA_VERIFIER_GIT:-https://github.com/slsa-framework/slsa-verifier.git}
slsa_commit=aaf98fd77ddc1963c0f34f34c46bd84d7a08c260
tuf_tarball=https://registry.npmjs.org/@sigstore/tuf/-/tuf-5.0.1.tgz
tuf_sha256=5957180cc0095d1531477e2fb65d9a3de1aeec7188962502a1a53c29ca130acb
root_sha256=6494e21ea73fa7ee769f85f57d5a3e6a08725eae1e38c755fc3517c9e6bc0b66

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# export <git url> <commit> <path in repo> <target dir>: one folder of one commit, nothing else.
export_folder() {
    local repo=$work/repo-$RANDOM
    git init -q "$repo"
    git -C "$repo" fetch -q --depth 1 "$1" "$2"
    [ "$(git -C "$repo" rev-parse FETCH_HEAD)" = "$2" ] || { echo "fetch-public-data: $1 did not serve $2" >&2; exit 1; }
    mkdir -p "$4"
    git -C "$repo" archive FETCH_HEAD "$3" | tar -x -C "$work"
    cp -R "$work/$3/." "$4/"
}

if [ -d "$data/sigstore-conformance" ]; then
    echo "fetch-public-data: $data/sigstore-conformance exists, kept"
else
    export_folder "$conformance_git" "$conformance_commit" test/assets/bundle-verify "$work/conformance"
    curl -fsSL --retry 3 -o "$work/tuf.tgz" "$tuf_tarball"
    echo "$tuf_sha256  $work/tuf.tgz" | sha256sum -c --quiet -
    tar -xzf "$work/tuf.tgz" -C "$work" package/seeds.json
    # seeds.json: {"https://tuf-repo-cdn.sigstore.dev": {"targets": {"trusted_root.json": "<base64>"}}}
    python3 -c 'import base64, json, sys
seeds = json.load(open(sys.argv[1]))
sys.stdout.buffer.write(base64.b64decode(seeds["https://tuf-repo-cdn.sigstore.dev"]["targets"]["trusted_root.json"]))' \
        "$work/package/seeds.json" > "$work/conformance/production_trusted_root.json"
    echo "$root_sha256  $work/conformance/production_trusted_root.json" | sha256sum -c --quiet -
    printf 'repo: %s\ncommit: %s\npath: test/assets/bundle-verify/\nproduction_trusted_root.json: @sigstore/tuf 5.0.1 seeds.json, sha256 %s\n' \
        "$conformance_git" "$conformance_commit" "$root_sha256" > "$work/conformance/SOURCE.txt"
    mkdir -p "$data"
    mv "$work/conformance" "$data/sigstore-conformance"
    echo "fetch-public-data: $data/sigstore-conformance ($(find "$data/sigstore-conformance" -mindepth 1 -maxdepth 1 -type d | wc -l) cases)"
fi

if [ -d "$data/slsa/gha_maven" ]; then
    echo "fetch-public-data: $data/slsa/gha_maven exists, kept"
else
    export_folder "$slsa_git" "$slsa_commit" cli/slsa-verifier/testdata/gha_maven "$work/gha_maven"
    mkdir -p "$data/slsa"
    mv "$work/gha_maven" "$data/slsa/gha_maven"
    echo "fetch-public-data: $data/slsa/gha_maven ($(find "$data/slsa/gha_maven" -name '*.build.slsa' | wc -l) provenance files)"
fi
