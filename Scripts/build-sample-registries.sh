#!/usr/bin/env bash
# Rebuilds the sample registry index files in SampleData/registries from their text snapshots.
# Run from the repository root after changing the text files or the index format.
set -euo pipefail
scrub=(swift run -c release scrub)
cd "$(dirname "$0")/.."
"${scrub[@]}" registry build --name us-ca-dnc-sample --kind registry --region US CA \
    --snapshot-date 2026-11-27 --format nanp --output SampleData/registries/us-ca-dnc.idx \
    SampleData/registries/us-ca-dnc.txt
"${scrub[@]}" registry build --name au-dncr-sample --kind registry --region AU \
    --snapshot-date 2026-11-25 --format e164 --output SampleData/registries/au-dncr.idx \
    SampleData/registries/au-dncr.txt
"${scrub[@]}" registry build --name gb-tps-sample --kind registry --region GB \
    --snapshot-date 2026-11-20 --format e164 --output SampleData/registries/gb-tps.idx \
    SampleData/registries/gb-tps.txt
