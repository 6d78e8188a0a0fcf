#!/usr/bin/env bash
# Benchmarks/compare.sh: scrub beside the codec floors and beside what a data engineer would pick instead.
#
# Generates the data once (scrub sample generate), builds the registry index once, then times, in one
# session: scrub run with each gzip backend, `zcat | gzip -1`, `zcat | pigz -p 2 -1`, `igzip -dc | igzip -1`,
# and the same scrub as a DuckDB query and a Polars program. Prints a markdown table: wall time, rows/s,
# peak RSS, and each row's wall time as a multiple of the pigz floor. Tools that are absent are skipped.
#
#   Benchmarks/compare.sh                     # 10,000,000 rows, 50,000,000-entry registry, 100,000 opt-outs
#   SCRUB_ROWS=1000000 Benchmarks/compare.sh  # smaller; the registry is 5x the rows unless SCRUB_REGISTRY_SIZE
#
# Environment: SCRUB_ROWS, SCRUB_REGISTRY_SIZE, SCRUB_SUPPRESSION_SIZE, SCRUB_REGISTRY_HIT_RATE (0.25),
# SCRUB_SUPPRESSION_HIT_RATE (0.005), SCRUB_SEED, SCRUB_BENCH_DIR (data and
# outputs; default /tmp/scrub-compare-ROWS), SCRUB_SKIP_BUILD=1 (use the release binaries already built).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rows=${SCRUB_ROWS:-10000000}
registry_size=${SCRUB_REGISTRY_SIZE:-$((rows * 5))}
suppression_size=${SCRUB_SUPPRESSION_SIZE:-100000}
# Shares of lead rows on each list: a quarter of US leads on the registry, 0.5% of leads opted out
# (48,000 of the 100,000 opt-outs at 10M rows).
registry_hit_rate=${SCRUB_REGISTRY_HIT_RATE:-0.25}
suppression_hit_rate=${SCRUB_SUPPRESSION_HIT_RATE:-0.005}
seed=${SCRUB_SEED:-1}
work=${SCRUB_BENCH_DIR:-/tmp/scrub-compare-$rows}
data=$work/data
mkdir -p "$work"

scrub_zlib=$root/.build/release/scrub
scrub_isal=$root/.build-isal/release/scrub
have_isal=0
pkg-config --exists libisal 2>/dev/null && have_isal=1

if [ "${SCRUB_SKIP_BUILD:-0}" != 1 ]; then
    echo "== building scrub (release, zlib)" >&2
    (cd "$root" && swift build -c release --product scrub >&2)
    if [ $have_isal = 1 ]; then
        echo "== building scrub (release, ISA-L: --traits ISAL --scratch-path .build-isal)" >&2
        (cd "$root" && swift build -c release --product scrub --traits ISAL --scratch-path .build-isal >&2)
    fi
fi
[ -x "$scrub_isal" ] || have_isal=0

# Data, once per size and seed.
stamp="rows=$rows registry=$registry_size@$registry_hit_rate suppression=$suppression_size@$suppression_hit_rate seed=$seed"
if [ "$(cat "$data/.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "== generating $stamp" >&2
    rm -rf "$data"
    "$scrub_zlib" sample generate --rows "$rows" --registry-size "$registry_size" \
        --suppression-size "$suppression_size" --registry-hit-rate "$registry_hit_rate" \
        --suppression-hit-rate "$suppression_hit_rate" --seed "$seed" --out "$data" >&2
    "$scrub_zlib" registry build --name bench-registry --kind registry --region US \
        --snapshot-date "$(date -u +%F)" --format e164 --output "$data/registry.idx" "$data/registry.txt" >&2
    echo "$stamp" > "$data/.stamp"
fi
input=$data/leads.csv.gz
sync

results=$work/results.tsv
: > "$results"

# measure NAME COMMAND: runs COMMAND under bash, records wall seconds and peak RSS (KiB) of the biggest process.
measure() {
    local name=$1 command=$2
    echo "== $name" >&2
    if /usr/bin/time -f "%e %M" -o "$work/time.txt" bash -c "$command" > "$work/stdout.txt" 2> "$work/stderr.txt"; then
        read -r wall rss < <(tail -n 1 "$work/time.txt")
        printf '%s\t%s\t%s\t%s\n' "$name" "$wall" "$rss" "$command" >> "$results"
    else
        echo "   failed (skipped): $(tail -n 3 "$work/stderr.txt")" >&2
    fi
}

run_available=0
"$scrub_zlib" --help 2> /dev/null | grep -qE '^  run( |$)' && run_available=1  # a subcommand line

out=$work/out
if [ $run_available = 1 ]; then
    rm -rf "$out-zlib" "$out-isal"
    measure "scrub run (zlib, level 1)" "'$scrub_zlib' run --input '$input' --out '$out-zlib' \
        --registry '$data/registry.idx' --suppression '$data/suppression.txt' --compression-level 1 \
        --country-column country --state-column state --postcode-column postcode --quiet"
    if [ $have_isal = 1 ]; then
        measure "scrub run (ISA-L, level 1)" "'$scrub_isal' run --input '$input' --out '$out-isal' \
            --registry '$data/registry.idx' --suppression '$data/suppression.txt' --compression-level 1 \
        --country-column country --state-column state --postcode-column postcode --quiet"
    fi
else
    echo "== scrub run is not in this build: timing scrub inspect (read and parse only) instead" >&2
    measure "scrub inspect, read + parse only (zlib)" "'$scrub_zlib' inspect '$input'"
    if [ $have_isal = 1 ]; then
        measure "scrub inspect, read + parse only (ISA-L)" "'$scrub_isal' inspect '$input'"
    fi
fi
measure "zcat IN | gzip -1 > /dev/null" "zcat '$input' | gzip -1 > /dev/null"
if command -v pigz > /dev/null; then
    measure "zcat IN | pigz -p 2 -1 > /dev/null" "zcat '$input' | pigz -p 2 -1 > /dev/null"
fi
if command -v igzip > /dev/null; then
    measure "igzip -dc IN | igzip -1 > /dev/null" "igzip -dc '$input' | igzip -1 > /dev/null"
fi
if python3 -c 'import duckdb' 2> /dev/null; then
    measure "DuckDB query (regex US numbers, anti-join, gzip)" \
        "python3 '$root/Benchmarks/Compare/duckdb_scrub.py' '$input' '$data/registry.txt' '$data/suppression.txt' '$work/duckdb.csv.gz'"
fi
if python3 -c 'import polars' 2> /dev/null; then
    measure "Polars program (regex US numbers, anti-join, gzip -1)" \
        "python3 '$root/Benchmarks/Compare/polars_scrub.py' '$input' '$data/registry.txt' '$data/suppression.txt' '$work/polars.csv.gz'"
fi

# The table. The pigz floor is the reference when it ran, otherwise the first row; the igzip floor is
# the ISA-L build's reference (a dash when igzip is not installed).
reference=$(awk -F'\t' '$1 ~ /pigz/ { print $2 }' "$results")
[ -n "$reference" ] || reference=$(head -n 1 "$results" | cut -f 2)
igzip_reference=$(awk -F'\t' '$1 ~ /^igzip/ { print $2 }' "$results")
echo
echo "$rows rows ($(du -m "$input" | cut -f 1) MB gzipped), registry $registry_size, suppression $suppression_size, $(nproc) cores, $(date -u +%F)"
echo
echo "| Command | Wall | Rows/s | Peak RSS | x pigz floor | x igzip floor |"
echo "| --- | ---: | ---: | ---: | ---: | ---: |"
awk -F'\t' -v rows="$rows" -v ref="$reference" -v iref="$igzip_reference" '
function grouped(n,    s) {
    s = sprintf("%.0f", n)
    while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s)
    return s
}
{
    name = $1
    gsub(/\|/, "\\|", name)
    igzip_ratio = iref > 0 ? sprintf("%.2f", $2 / iref) : "-"
    printf "| %s | %.1f s | %s | %.0f MB | %.2f | %s |\n", name, $2, grouped(rows / ($2 > 0 ? $2 : 0.001)), $3 / 1024,
        $2 / ref, igzip_ratio
}' "$results"
