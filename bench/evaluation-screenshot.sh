#!/usr/bin/env bash
# Renders an ard:evaluate HTML page with headless Chromium and checks the screenshot is a non-trivial PNG.
# Usage: bench/evaluation-screenshot.sh <evaluation.html> [<out.png>]
# Skips (exit 0, with a message) when Chromium is not installed: `apt-get install -y chromium` (Debian).
set -euo pipefail
html="${1:?usage: $0 <evaluation.html> [<out.png>]}"
png="${2:-${html%.html}.png}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [[ -z "$browser" ]]; then
  echo "SKIP: no chromium on PATH (Debian: apt-get install -y chromium)"
  exit 0
fi
[[ -f "$html" ]] || { echo "no such file: $html" >&2; exit 1; }
rm -f "$png"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,900 \
  --screenshot="$png" "file://$(realpath "$html")" >/dev/null 2>&1
[[ -s "$png" ]] || { echo "FAIL: no screenshot written" >&2; exit 1; }
size=$(stat -c %s "$png")
# a blank 1000x900 page compresses to a few KB; a table and a chart make it larger
if (( size < 15000 )); then
  echo "FAIL: screenshot $png is only $size bytes: the page looks empty" >&2
  exit 1
fi
echo "OK: $png ($size bytes)"
