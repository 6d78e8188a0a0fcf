#!/usr/bin/env bash
# scrub serve under wrk: /v1/check against /healthz at 64 connections, alternated (A B A B) in one run;
# /v1/check latency at 4 connections; a soak of checks and opt-outs with the server's RSS sampled.
#
# Usage: Benchmarks/serve/run.sh SCRUB [SECONDS] [SOAK_SECONDS]   (SCRUB: a release build of scrub)
# SCRUB_SOAK_OPTOUT_EVERY=0 soaks with checks only (default: an opt-out every 50th request).
# Needs wrk (Debian: apt-get install wrk). Prints wrk's reports and the RSS samples (KiB, every 10 s).
set -euo pipefail
scrub=$(realpath "$1")
seconds=${2:-10}
soak=${3:-300}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# The bundled sample pipeline, with an opt-out journal compiled to an index and signed records.
cp -R "$root/SampleData" "$work/SampleData"
cp -R "$root/Pipelines" "$work/Pipelines"
cat >> "$work/Pipelines/sample.yaml" <<'YAML'
optouts: {journal: ../state/optouts.jsonl, index: ../state/optouts.idx}
YAML
sed -i -e 's#^  directory: ../out/sample#  directory: ../out/sample\n  audit_log: ../state/audit.jsonl#' \
    "$work/Pipelines/sample.yaml"
mkdir -p "$work/state"
"$scrub" keys signing-key generate --out "$work/state/signing.key" >/dev/null 2>&1
"$scrub" optout add "$work/state/optouts.jsonl" +14155550199 --channel call --reason setup --evidence e-1 \
    --signing-key "$work/state/signing.key" >/dev/null
"$scrub" optout compile "$work/state/optouts.jsonl" --output "$work/state/optouts.idx" >/dev/null
dialer=$("$scrub" keys add "$work/state/keys.json" --role dialer --name bench-dialer | tail -1)
agent=$("$scrub" keys add "$work/state/keys.json" --role agent --name bench-agent | tail -1)
"$scrub" keys check-log-key generate --out "$work/state/check.key" >/dev/null 2>&1

port=18080
"$scrub" serve --pipeline "$work/Pipelines/sample.yaml" --keys "$work/state/keys.json" \
    --listen 127.0.0.1:$port --deciders 2 --signing-key "$work/state/signing.key" \
    --check-log-key "$work/state/check.key" > "$work/serve.log" 2>&1 &
pid=$!
until curl -sf http://127.0.0.1:$port/healthz >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "scrub serve did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
    sleep 0.2
done
url=http://127.0.0.1:$port

echo "== warm-up"
SCRUB_TOKEN=$dialer wrk -t2 -c64 -d3s -s "$here/check.lua" "$url/v1/check" >/dev/null

echo "== 64 connections, alternated: /healthz then /v1/check, three rounds of ${seconds}s each"
for round in 1 2 3; do
    echo "-- round $round: /healthz"
    wrk -t2 -c64 -d"${seconds}s" "$url/healthz" | grep -E "Requests/sec|Latency|Non-2xx"
    echo "-- round $round: /v1/check"
    SCRUB_TOKEN=$dialer wrk -t2 -c64 -d"${seconds}s" -s "$here/check.lua" "$url/v1/check" \
        | grep -E "Requests/sec|Latency|Non-2xx"
done

echo "== 4 connections, /v1/check, latency distribution"
SCRUB_TOKEN=$dialer wrk -t2 -c4 -d"${seconds}s" --latency -s "$here/check.lua" "$url/v1/check"

echo "== soak: ${soak}s of checks, an opt-out every ${SCRUB_SOAK_OPTOUT_EVERY:-50}th request (0: none), 16 connections; RSS (KiB) every 10 s"
SCRUB_TOKEN=$agent SCRUB_SOAK_OPTOUT_EVERY=${SCRUB_SOAK_OPTOUT_EVERY:-50} wrk -t2 -c16 -d"${soak}s" --latency -s "$here/soak.lua" "$url/v1/check" > "$work/soak.txt" 2>&1 &
wrk_pid=$!
while kill -0 "$wrk_pid" 2>/dev/null; do
    printf '%s rss_kib=%s\n' "$(date -u +%H:%M:%S)" "$(awk '/^VmRSS/ {print $2}' /proc/$pid/status)"
    sleep 10
done
wait "$wrk_pid" || true
cat "$work/soak.txt"
# One event was recorded at setup; every other journal line must be one opt-out answered 201.
printf 'journal events after setup: %s, audit records: %s, check-log lines: %s\n' \
    "$(( $(wc -l < "$work/state/optouts.jsonl") - 1 ))" "$(cat "$work/state/audit.jsonl" 2>/dev/null | wc -l)" \
    "$(wc -l < "$work/state/checks.jsonl")"
# Each soak opt-out names a number of its own: a number in the journal twice is a request recorded twice.
printf 'journal numbers recorded more than once: %s\n' \
    "$(grep -o '"e164":"[^"]*"' "$work/state/optouts.jsonl" | sort | uniq -d | wc -l)"
