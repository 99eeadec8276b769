#!/usr/bin/env bash
# Renders a perfgate report.html to PNG with headless Chromium, to look at the report without a desktop.
#
#   scripts/screenshot-report.sh                       # the sample report (every verdict, two claims)
#   scripts/screenshot-report.sh path/to/report.html   # any report
#   scripts/screenshot-report.sh report.html out.png 1200 2400   # output file, window width and height
#
# Without a path it runs ReportWriterTest, which writes the sample to target/sample-report/. The PNG goes next to
# the HTML unless an output path is given. Chromium is installed with apt-get when it is missing (needs root).
set -euo pipefail

cd "$(dirname "$0")/.."

html="${1:-}"
if [[ -z "$html" ]]; then
  ./mvnw -B -q test -Dinvoker.skip=true -Dtest=ReportWriterTest -Dsurefire.failIfNoSpecifiedTests=false
  html=target/sample-report/report.html
fi
if [[ ! -f "$html" ]]; then
  echo "No report at $html" >&2
  exit 1
fi
html="$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
png="${2:-${html%.html}.png}"
mkdir -p "$(dirname "$png")"
png="$(cd "$(dirname "$png")" && pwd)/$(basename "$png")"
width="${3:-1200}"
height="${4:-900}"

browser=""
for candidate in chromium chromium-browser google-chrome; do
  if command -v "$candidate" >/dev/null 2>&1; then
    browser="$candidate"
    break
  fi
done
if [[ -z "$browser" ]]; then
  echo "Installing chromium with apt-get" >&2
  apt-get install -y chromium >/dev/null || { apt-get update >/dev/null && apt-get install -y chromium >/dev/null; }
  browser=chromium
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --disable-sync --no-first-run --user-data-dir="$profile" --hide-scrollbars --run-all-compositor-stages-before-draw --virtual-time-budget=3000 \
  --screenshot="$png" --window-size="$width,$height" "file://$html" 2>/dev/null
echo "$png"
