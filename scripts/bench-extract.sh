#!/usr/bin/env bash
# End-to-end extraction throughput: `crosscheck extract --format jsonl` over a generated news
# corpus, against a ripgrep regex pass over the same files as the floor (what reading the
# bytes and matching figure-shaped text costs at minimum), plus crosscheck's peak RSS.
#
# Usage: scripts/bench-extract.sh            # 100 MB corpus in /tmp, 5 runs each
#        SIZE=1G RUNS=3 scripts/bench-extract.sh
# Env:   SIZE (10M|100M|1G, default 100M), SEED (42), RUNS (5),
#        CORPUS (default /tmp/crosscheck-corpus-$SIZE-$SEED; reused if complete).
# See docs/performance.md for what the numbers mean.
set -euo pipefail

SIZE=${SIZE:-100M}
SEED=${SEED:-42}
RUNS=${RUNS:-5}
CORPUS=${CORPUS:-/tmp/crosscheck-corpus-$SIZE-$SEED}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/target/release/crosscheck
OUT=$(mktemp -d /tmp/crosscheck-bench.XXXXXX)

need=()
command -v hyperfine >/dev/null || need+=(hyperfine)
command -v rg >/dev/null || need+=(ripgrep)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== building release" >&2
(cd "$ROOT" && cargo build --release --quiet)

if [ ! -f "$CORPUS/.complete" ]; then
    echo "== generating $SIZE corpus (seed $SEED) in $CORPUS" >&2
    rm -rf "$CORPUS"
    python3 "$ROOT/scripts/gen-corpus.py" --size "$SIZE" --seed "$SEED" --out "$CORPUS"
    touch "$CORPUS/.complete"
fi
BYTES=$(find "$CORPUS" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
FILES=$(find "$CORPUS" -type f -name '*.txt' | wc -l)
echo "== corpus: $FILES files, $BYTES bytes" >&2

THREADS=""
if "$BIN" extract --help | grep -q -- '--threads'; then
    THREADS="--threads 1"
fi
RG_PATTERN='[$€£]\s?[0-9][0-9,.]*\s?(bn|billion|million|m|tn|trillion)?|[0-9][0-9,.]*\s?(%|per cent|percent)'
CC_CMD="$BIN extract --format jsonl $THREADS $CORPUS > /dev/null"
RG_CMD="rg -j1 -o $(printf '%q' "$RG_PATTERN") $CORPUS > /dev/null"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" >&2
# rg exits 1 when nothing matches; both must find something, so failures are real errors.
hyperfine --warmup 1 --runs "$RUNS" --export-json "$OUT/hyperfine.json" \
    -n crosscheck "$CC_CMD" -n rg "$RG_CMD"

/usr/bin/time -v "$BIN" extract --format jsonl $THREADS "$CORPUS" > "$OUT/claims.jsonl" 2> "$OUT/time.txt"
CLAIMS=$(wc -l < "$OUT/claims.jsonl")
RSS_KB=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$OUT/time.txt")

python3 - "$OUT/hyperfine.json" "$BYTES" "$RSS_KB" "$CLAIMS" <<'EOF'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
nbytes, rss_kb, claims = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
med = {}
for name in ("crosscheck", "rg"):
    r = results[name]
    med[name] = r["median"]
    print(f"{name:>10}: median {r['median']:.3f} s (min {r['min']:.3f}, max {r['max']:.3f}, "
          f"{len(r['times'])} runs)  {nbytes / r['median'] / 1e6:.1f} MB/s  "
          f"{nbytes / r['median'] / 2**20:.1f} MiB/s")
print(f"     ratio: crosscheck takes {med['crosscheck'] / med['rg']:.2f}x the rg floor's time")
print(f"crosscheck: peak RSS {rss_kb / 1024:.0f} MiB, {claims} claims "
      f"({nbytes / 2**20:.0f} MiB of input)")
EOF
echo "raw results: $OUT" >&2
