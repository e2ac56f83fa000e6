#!/usr/bin/env bash
# Throughput and memory of `extract` and `check` on generated news corpora, with ripgrep over
# the same files as the floor a scanner can hope for. Reports medians (hyperfine) and peak RSS
# (/usr/bin/time -v) per corpus size, so linear growth shows across 10 MB / 100 MB / 1 GB.
#
# Usage: scripts/bench-scale.sh                 # 10M and 100M, 5 runs each
#        SIZES="10M 100M 1G" RUNS=3 scripts/bench-scale.sh
# Env:   SIZES (default "10M 100M"), RUNS (5), SEED (42), CORPORA (/tmp; corpora are kept and
#        reused, about 4 KB per file), THREADS (check's --threads; default: all CPUs).
# What the numbers mean and the last results: docs/performance.md.
set -euo pipefail

SIZES=${SIZES:-"10M 100M"}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
CORPORA=${CORPORA:-/tmp}
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
# Measure a copy, so a rebuild while the benchmark runs cannot swap the binary under it.
cp "$BIN" "$OUT/crosscheck"
BIN=$OUT/crosscheck

# An amount-finding regex: what a plain scanner would match (currency sign or number, then
# an optional magnitude or percent word). crosscheck does much more per match.
RG_PATTERN='[$€£¥]\s?[0-9][0-9,.]*(\s?(bn|billion|million|m|tn|trillion))?|[0-9][0-9,.]*\s?(%|per cent|percent|billion|million)'
THREAD_FLAG=""
[ -n "${THREADS:-}" ] && THREAD_FLAG="--threads $THREADS"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" >&2
printf '%-6s %-26s %10s %10s %10s %10s\n' size command median_s MB/s vs_rg peak_MiB
for SIZE in $SIZES; do
    CORPUS=$CORPORA/crosscheck-news-$SIZE-$SEED
    RULES=$CORPUS.rules.toml
    if [ ! -f "$CORPUS/.complete" ] || [ ! -f "$RULES" ]; then
        echo "== generating $SIZE corpus (seed $SEED) in $CORPUS" >&2
        rm -rf "$CORPUS"
        python3 "$ROOT/scripts/gen-corpus.py" --size "$SIZE" --seed "$SEED" --out "$CORPUS" \
            --rules "$RULES"
        touch "$CORPUS/.complete"
    fi
    BYTES=$(find "$CORPUS" -type f -name '*.txt' -printf '%s\n' | awk '{s += $1} END {print s}')
    FILES=$(find "$CORPUS" -type f -name '*.txt' | wc -l)
    echo "== $SIZE: $FILES files, $BYTES bytes; $RUNS runs each" >&2

    EXTRACT="$BIN extract --format jsonl --threads 1 $CORPUS"
    RG="rg -j1 -o --no-filename $(printf '%q' "$RG_PATTERN") $CORPUS"
    CHECK="$BIN check --quiet --rules $RULES $THREAD_FLAG --format json $CORPUS"
    # check exits 1 on findings (and rg when nothing matches): expected; 2 is a real error.
    hyperfine --warmup 1 --runs "$RUNS" --export-json "$OUT/$SIZE.json" \
        -n extract-1-thread "$EXTRACT > /dev/null" \
        -n rg-1-thread "$RG > /dev/null || [ \$? -eq 1 ]" \
        -n check "$CHECK > /dev/null || [ \$? -eq 1 ]" >&2
    for name in extract check; do
        cmd=$EXTRACT
        [ "$name" = check ] && cmd=$CHECK
        /usr/bin/time -v $cmd > "$OUT/$SIZE.$name.out" 2> "$OUT/$SIZE.$name.time" || true
    done
    python3 - "$OUT" "$SIZE" "$BYTES" <<'EOF'
import json, re, sys
out, size, nbytes = sys.argv[1], sys.argv[2], int(sys.argv[3])
res = {r["command"]: r for r in json.load(open(f"{out}/{size}.json"))["results"]}
rg = res["rg-1-thread"]["median"]
def peak(name):
    text = open(f"{out}/{size}.{name}.time").read()
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return f"{int(m.group(1)) / 1024:.0f}" if m else "-"
for name, label in [("extract-1-thread", "extract"), ("rg-1-thread", None), ("check", "check")]:
    med = res[name]["median"]
    ratio = f"{rg / med:.2f}x" if name != "rg-1-thread" else "1.00x"
    print(f"{size:<6} {name:<26} {med:10.3f} {nbytes / med / 1e6:10.1f} {ratio:>10} "
          f"{peak(label) if label else '-':>10}")
report = json.load(open(f"{out}/{size}.check.out"))
s = report["summary"]
print(f"{size:<6} check: {s['sources']} sources, {s['claims']} claims, {s['linked']} linked, "
      f"{s['findings']} findings, {len(report['metrics'])} metrics")
EOF
done
echo "raw results: $OUT" >&2
