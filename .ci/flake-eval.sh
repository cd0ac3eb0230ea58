#!/usr/bin/env bash
# Checks flake.nix as far as this machine allows (no nixpkgs download): it parses, and every output evaluates
# with nixpkgs replaced by .ci/nix-stub (which only checks the arguments; nothing is built).
# Needs nix (Debian: apt-get install -y nix-bin). Not part of .ci/run.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export NIX_CONFIG="experimental-features = nix-command flakes"
nix-instantiate --parse flake.nix >/dev/null
echo "flake.nix parses"
stub=(--offline --no-write-lock-file --override-input nixpkgs "path:$root/.ci/nix-stub")
nix flake show "${stub[@]}" .
nix eval "${stub[@]}" --raw .#packages.x86_64-linux.default.args.mvnParameters
echo
echo "flake.nix: every output evaluates (against the stub)"
