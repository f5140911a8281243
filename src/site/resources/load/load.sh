#!/bin/sh
# Drives `reflectlab serve --http PORT` (already running, on this machine) with clients nobody here wrote, bounded in
# count and time, and prints the same columns as `reflectlab bench http`:
#   1. capacity: wrk, the nine routes mixed, closed loop with 64 outstanding and a 5 s deadline (as bench http measures
#      it: enough requests waiting that the workers run large batches; fewer under-state what the node serves);
#   2. each multiple of it (MULTIPLES, default "0.5 2 4"): wrk paced at RATE = multiple x capacity (mixed.lua's delay()),
#      deadline DEADLINE_MS (500), SECONDS per level (60);
#   3. hey on one route (HEY_ROUTE, default image->text) at 2x that route's own capacity, per-request CSV -> the
#      client-side admitted p50/p99 and refusal p99 that wrk cannot split by status.
# Takes 25 s + 3 x SECONDS + 10 s + SECONDS (SECONDS=20: about 2 minutes). Every run is bounded by -d / -z and --timeout / -t 10 s. Usage: sh load.sh PORT   (SECONDS=20 MULTIPLES="2 4" sh load.sh 8080)
set -eu
PORT=${1:?usage: load.sh PORT}
SECONDS_PER_LEVEL=${SECONDS:-60}
MULTIPLES=${MULTIPLES:-0.5 2 4}
DEADLINE_MS=${DEADLINE_MS:-500}
HEY_ROUTE=${HEY_ROUTE:-image->text}
HERE=$(cd "$(dirname "$0")" && pwd)
URL=http://127.0.0.1:$PORT
T=2
export THREADS=$T

echo "# load.sh: serve --http on $URL; $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# the clients run on the same cores as the server (off its JVM, not off its CPU)"
# warm-up (untimed): the JIT and every worker's first batches, as bench http's 3 s before its capacity
DEADLINE_MS=5000 RATE=0 wrk -t$T -c64 -d10s --timeout 10s -s "$HERE/mixed.lua" "$URL" > /dev/null
cap=$(DEADLINE_MS=5000 RATE=0 wrk -t$T -c64 -d15s --timeout 10s -s "$HERE/mixed.lua" "$URL" | awk '$1 == "wrk" { print $4 / 15 }')
echo "# capacity (wrk, 9 routes mixed, closed loop, 64 outstanding, 15 s, 5 s deadline): $cap completed/s"
for m in $MULTIPLES; do
  rate=$(awk -v c="$cap" -v m="$m" 'BEGIN { printf "%.1f", c * m }')
  # enough connections that the pace, not the connections, sets the rate: rate x (deadline + 1 s), at least 16
  conns=$(awk -v r="$rate" -v d="$DEADLINE_MS" 'BEGIN { c = int(r * (d + 1000) / 1000) + 1; print (c < 16 ? 16 : c) }')
  echo "# ${m}x: $rate requests/s offered by wrk over $conns connections, $SECONDS_PER_LEVEL s, deadline $DEADLINE_MS ms"
  DEADLINE_MS=$DEADLINE_MS RATE=$rate wrk -t$T -c"$conns" -d"${SECONDS_PER_LEVEL}s" --timeout 10s -s "$HERE/mixed.lua" "$URL" \
    | grep -v '^ \|^Running\|^Requests/sec\|^Transfer/sec\|requests in\|Non-2xx\|Socket errors'
  echo "# load average $(cut -d' ' -f1-3 /proc/loadavg)"
done

from=${HEY_ROUTE%%->*}; to=${HEY_ROUTE##*->}
q="?from=$from&to=$to&deadline_ms=$DEADLINE_MS"
body() { printf '{"from":"%s","to":"%s","scene":3,"deadline_ms":%s}' "$from" "$to" "$1"; }
hcap=$(hey -z 10s -c 64 -t 10 -m POST -T application/json -d "$(body 5000)" "$URL/v1/requests?from=$from&to=$to&deadline_ms=5000" \
  | awk '/Requests\/sec/ { print $2 }')
rate=$(awk -v c="$hcap" 'BEGIN { printf "%.1f", 2 * c }')
# hey's workers each send at -q per second (closed loop each); as many as the pace needs: rate x (deadline + 1 s), at least 8
hc=$(awk -v r="$rate" -v d="$DEADLINE_MS" 'BEGIN { c = int(r * (d + 1000) / 1000) + 1; print (c < 8 ? 8 : c) }')
echo "# hey, $HEY_ROUTE alone: capacity $hcap completed/s (closed loop, 64 workers, 10 s); 2x = $rate requests/s over $hc workers, $SECONDS_PER_LEVEL s"
csv=$(mktemp)
hey -z "${SECONDS_PER_LEVEL}s" -c "$hc" -q "$(awk -v r="$rate" -v c="$hc" 'BEGIN { printf "%.3f", r / c }')" -t 10 -m POST -T application/json \
    -d "$(body "$DEADLINE_MS")" -o csv "$URL/v1/requests$q" > "$csv"
# percentile of the ms values of one status (column 7) from hey's CSV (column 1: seconds)
pct() { awk -F, -v st="$1" 'NR > 1 && $7 == st { printf "%.2f\n", $1 * 1000 }' "$csv" | sort -n \
  | awk -v q="$2" '{ v[NR] = $1 } END { if (NR == 0) print "NaN"; else { i = int(q * NR + 0.999999); print v[i < 1 ? 1 : i] } }'; }
count() { awk -F, -v st="$1" 'NR > 1 && $7 == st { n++ } END { print n + 0 }' "$csv"; }
good=$(awk -F, -v d="$DEADLINE_MS" 'NR > 1 && $7 == 200 && $1 * 1000 <= d { n++ } END { print n + 0 }' "$csv")
printf '%-9s %7s %9s %9s %6s %8s %6s %9s %9s %9s\n' client sent completed goodput/s 503 timedout model "adm p50" "adm p99" "refus p99"
printf '%-9s %7d %9d %9.1f %6d %8d %6d %9s %9s %9s\n' hey "$(($(wc -l < "$csv") - 1))" "$(count 200)" \
  "$(awk -v g="$good" -v s="$SECONDS_PER_LEVEL" 'BEGIN { print g / s }')" "$(count 503)" "$(count 504)" "$(count 500)" \
  "$(pct 200 0.5)" "$(pct 200 0.99)" "$(pct 503 0.99)"
echo "# latencies in ms at the client (hey, per request); requests that got no answer at all are not in hey's CSV"
rm -f "$csv"
echo "# load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
