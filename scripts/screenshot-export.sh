#!/usr/bin/env bash
# Renders the seed report's HTML export with headless Chromium and saves PNG screenshots,
# so the official layout (merged header cells, A4 print styles) can be checked by eye.
#
# Usage:   scripts/screenshot-export.sh [OUTPUT_DIR]      (default: .build/screenshots)
# Needs:   chromium (Debian: apt-get install chromium fonts-noto-cjk) — any of
#          chromium, chromium-browser, google-chrome on PATH.
# Output:  seed.html            the exported page (golden file from the test fixtures)
#          seed-screen.png      the page as seen on screen (1280 px wide)
#          seed-a4.pdf          the page printed to A4 by Chromium (print CSS)
#          seed-a4-*.png        the PDF's pages as pictures, if pdftoppm (poppler-utils) is installed
#
# The HTML is the golden file Tests/NianbaoCoreTests/Fixtures/golden/seed.html, which
# `swift test --filter Export` keeps identical to ReportExporter.html(seed); re-record it with
# NIANBAO_RECORD_SNAPSHOTS=1 after changing the exporter. The test suite does not depend on this script.
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/.build/screenshots}"
mkdir -p "$out"

browser=""
for candidate in chromium chromium-browser google-chrome google-chrome-stable; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$candidate"; break; fi
done
if [ -z "$browser" ]; then
  echo "没有找到 Chromium（chromium / chromium-browser / google-chrome）。Debian 上可用：apt-get install chromium fonts-noto-cjk" >&2
  exit 3
fi

cp "$here/Tests/NianbaoCoreTests/Fixtures/golden/seed.html" "$out/seed.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-dev-shm-usage)

"$browser" "${flags[@]}" --window-size=1280,4200 --screenshot="$out/seed-screen.png" "file://$out/seed.html" 2>/dev/null
"$browser" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/seed-a4.pdf" "file://$out/seed.html" 2>/dev/null

if command -v pdftoppm >/dev/null 2>&1; then
  pdftoppm -r 60 -png "$out/seed-a4.pdf" "$out/seed-a4"
fi
ls -1 "$out"
