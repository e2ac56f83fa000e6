#!/usr/bin/env bash
# Renders the HTML report of the project's own seeds to docs/report.png, the picture in the
# README. Needs headless Chromium (Debian: `apt-get install chromium`) and, to crop the
# screenshot to the content and keep it small, ImageMagick's `convert` (optional).
#
#   scripts/render-report.sh            # 1200 px wide, docs/report.png
#   WIDTH=420 OUT=/tmp/phone.png scripts/render-report.sh   # how it looks on a phone
#   CROSSCHECK=target/debug/crosscheck scripts/render-report.sh   # skip the release build
set -euo pipefail

cd "$(dirname "$0")/.."
WIDTH="${WIDTH:-1200}"
# Tall enough for the whole report; the blank rest is cropped below.
HEIGHT="${HEIGHT:-8000}"
OUT="${OUT:-docs/report.png}"

chrome="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$chrome" ]; then
    echo "error: no chromium on PATH (Debian: apt-get update && apt-get install -y chromium)" >&2
    exit 2
fi

bin="${CROSSCHECK:-}"
if [ -z "$bin" ]; then
    cargo build --release --quiet
    bin=target/release/crosscheck
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
html="$work/report.html"

# Exit 1 means "findings", which the seeds are meant to have; only 2 (an error) stops us.
status=0
"$bin" check --format html --output "$html" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then
    echo "error: crosscheck check exited $status" >&2
    exit "$status"
fi

mkdir -p "$(dirname "$OUT")"
raw="$work/raw.png"
# No network, no profile, no first-run or sync traffic: a local file, rendered and nothing else.
"$chrome" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --hide-scrollbars --user-data-dir="$work/profile" \
    --screenshot="$raw" --window-size="$WIDTH,$HEIGHT" "file://$html" 2>/dev/null

# The first `convert` on PATH that is ImageMagick (some PATHs carry a stand-in first).
magick=""
for c in $(type -ap convert); do
    if "$c" -version 2>/dev/null | grep -q ImageMagick; then magick="$c"; break; fi
done
if [ -n "$magick" ]; then
    # Crop the white margins to the content, put a small margin back, and reduce it to a
    # 128-colour palette without dithering (text and the flat fills survive exactly enough;
    # the file is under a third of the size; PNG8: alone shifted the pale blue band to cyan).
    "$magick" "$raw" -trim +repage -bordercolor white -border 24 +dither -colors 128 "$OUT"
else
    cp "$raw" "$OUT"
fi
echo "wrote $OUT ($(wc -c <"$OUT") bytes)"
