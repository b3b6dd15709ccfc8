#!/usr/bin/env bash
# Load benchmark of the HTTP API (not part of the tests).
#
# Fills a store with 100,000 constructed events (sitrep ingest --records),
# serves it on 127.0.0.1 only, and drives GET /api/events (pages of 100) with
# wrk for a bounded time. Prints requests/s, p50/p99 latency, errors, the
# server's CPU time per request (user + system, from /proc: what the machine's
# other load does not change much) and the load average before and after.
#
# Usage: scripts/load-bench.sh [SECONDS per scenario, default 15] [CONNECTIONS, default 16]
# Needs: wrk (apt-get install wrk), a release build (built here if missing).
# Environment: SITREP_BIN to use another binary; BENCH_EVENTS (default 100000).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-15}"
connections="${2:-16}"
events="${BENCH_EVENTS:-100000}"
work="$(mktemp -d "${TMPDIR:-/tmp}/sitrep-load.XXXXXX")"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

command -v wrk >/dev/null || { echo "load-bench: wrk is missing: apt-get install wrk" >&2; exit 1; }
bin="${SITREP_BIN:-}"
if [ -z "$bin" ]; then
    cargo build --release -p sitrep >&2
    bin="$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')/release/sitrep"
fi

echo "load-bench: generating $events events" >&2
# 997 places x 4 event types x 1095 days; a tenth of the events are second
# reports of an earlier one (same place, type and day), so deduplication works.
awk -v n="$events" 'BEGIN {
    split("Armed clash|Air/drone strike|Attack|Peaceful protest", sub_type, "|");
    split("Battles|Explosions/Remote violence|Violence against civilians|Protests", event_type, "|");
    split("SY|UA|ML|NG|SD|SO|CD|MM|AF|YE", country, "|");
    for (i = 0; i < n; i++) {
        k = (i % 10 == 9) ? i - 7 : i;
        place = k % 997; t = 1 + int(k / 997) % 4; day = (k * 7) % 1095;
        lat = -40 + (place % 37) * 2.2; lon = -170 + int(place / 37) * 12.5;
        y = 2021 + int(day / 365); d = day % 365; m = 1 + int(d / 31); dd = 1 + (d % 28);
        killed = (k * 13) % 17;
        sentence = sprintf("Report %d: a %s near place %d left %d people dead, local officials said on the day.", i, sub_type[t], place, killed);
        printf "{\"schema\":\"sitrep/1\",\"kind\":\"event\",\"id\":\"load-%d\",\"doc_id\":\"load-doc-%d\",", i, int(i / 2);
        printf "\"date\":{\"value\":\"%d-%02d-%02d\",\"precision\":\"day\",\"text\":null},", y, m, dd;
        printf "\"acled\":{\"event_type\":\"%s\",\"sub_event_type\":\"%s\"},\"plover\":{\"type\":\"ASSAULT\",\"mode\":null},\"cameo\":\"190\",", event_type[t], sub_type[t];
        printf "\"actor1\":{\"text\":\"armed men\",\"name\":null,\"country\":null,\"kind\":\"militia\",\"code\":null},\"actor2\":null,";
        printf "\"location\":{\"text\":\"Place %d\",\"name\":\"Place %d\",\"country\":\"%s\",\"admin1\":\"Region %d\",\"lat\":%.3f,\"lon\":%.3f,\"geonameid\":null,\"precision\":\"town\"},", place, place, country[1 + place % 10], place % 7, lat, lon;
        printf "\"killed\":{\"min\":%d,\"max\":%d},\"injured\":null,\"fatalities\":%d,\"attribution\":\"local officials\",", killed, killed, killed;
        printf "\"evidence\":{\"sentence_index\":0,\"start\":0,\"end\":%d,\"sentence\":\"%s\"},\"confidence\":0.8}\n", length(sentence), sentence;
    }
}' > "$work/records.jsonl"

echo "load-bench: ingesting" >&2
start=$(date +%s.%N)
"$bin" ingest --db "$work/load.db" --records "$work/records.jsonl" --batch 1000
end=$(date +%s.%N)
echo "load-bench: ingest took $(echo "$end - $start" | bc) s" >&2

"$bin" serve --db "$work/load.db" --addr 127.0.0.1:0 > "$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
    grep -q "http://" "$work/serve.log" 2>/dev/null && break
    sleep 0.1
done
url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.log" | head -1)"
[ -n "$url" ] || { echo "load-bench: the server did not start:" >&2; cat "$work/serve.log" >&2; exit 1; }
case "$url" in http://127.*) ;; *) echo "load-bench: refusing a non-loopback URL $url" >&2; exit 1 ;; esac

# Second scenario: filtered pages deeper in the data, cursors taken from a real walk.
next="$(curl -s "$url/api/events?limit=100" | grep -o '"next":"[^"]*"' | tail -1 | cut -d'"' -f4)"
cat > "$work/pages.lua" <<LUA
local paths = {
  "/api/events?limit=100",
  "/api/events?limit=100&cursor=$next",
  "/api/events?limit=100&country=SY",
  "/api/events?limit=100&event_type=Battles&from=2022-06-01&to=2023-06-30",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

# The server's CPU time so far (user + system), in clock ticks.
server_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }

# Runs wrk with the given arguments into $1 and the server's CPU ticks into $1.cpu.
drive() {
    local out="$1" before after
    shift
    before="$(server_ticks)"
    wrk -t1 -c"$connections" -d"${seconds}s" --timeout 5s --latency "$@" > "$out"
    after="$(server_ticks)"
    echo $((after - before)) > "$out.cpu"
}

report() {
    local name="$1" out="$2"
    local rps p50 p99 errors non2xx requests cpu
    rps="$(grep 'Requests/sec' "$out" | awk '{print $2}')"
    p50="$(grep -E '^ +50%' "$out" | awk '{print $2}')"
    p99="$(grep -E '^ +99%' "$out" | awk '{print $2}')"
    errors="$(grep 'Socket errors' "$out" | sed 's/.*Socket errors: //' || true)"
    non2xx="$(grep 'Non-2xx' "$out" | awk '{print $NF}' || true)"
    requests="$(grep 'requests in' "$out" | awk '{print $1}')"
    cpu="$(awk -v t="$(cat "$out.cpu")" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { if (n > 0) printf "%.0f", t * 1e6 / hz / n; else print "?" }')"
    printf '%-34s %10s req/s   p50 %8s   p99 %8s   non-2xx %s   socket errors %s   server CPU %s us/request\n' \
        "$name" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors:-none}" "$cpu"
}

echo "load-bench: $events events, ${seconds}s per scenario, $connections connections, 1 wrk thread, server --threads 2" >&2
curl -s -o /dev/null "$url/api/events?limit=100"   # warm the page cache
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
drive "$work/first.txt" "$url/api/events?limit=100"
drive "$work/mixed.txt" -s "$work/pages.lua" "$url"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "GET /api/events, pages of 100, store of $events events ($(nproc) cores, loopback):"
report "first page" "$work/first.txt"
report "mixed (cursor, country, type+dates)" "$work/mixed.txt"
bytes="$(curl -s "$url/api/events?limit=100" | wc -c)"
echo "response size of one page: $bytes bytes"
echo "load average (1, 5, 15 min) before: $load_before, after: $load_after"
