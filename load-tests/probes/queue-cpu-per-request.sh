#!/usr/bin/env bash
# One k6-queue-direct.js run against the queue on PORT, with the CPU the queue and Redis spent
# meanwhile (utime + stime from /proc/<pid>/stat, read right before and after the run) divided by
# k6's requests. Unlike cpu-during-k6.mjs it waits for this k6 alone, not for every k6 on the box.
# Usage (from the checkout, INTERNAL_AUTH_SECRET as the queue's, REDIS_PORT its Redis):
#   bash load-tests/probes/queue-cpu-per-request.sh PORT enter|poll|verify [DURATION]
# Prints: UTC | mode | load average before → after | requests | req/s | p95 | queue µs/req |
#         Redis µs/req | failed checks
set -euo pipefail
port=$1 mode=$2 duration=${3:-10s}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
pid_on() { ss -ltnpH "sport = :$1" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2; }
ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
queue=$(pid_on "$port")
redis=$(pid_on "$REDIS_PORT")

node load-tests/probes/queue-statements.mjs 40000 >"$work/statements.json"
load_before=$(cut -d' ' -f1 /proc/loadavg)
queue_before=$(ticks "$queue") redis_before=$(ticks "$redis")
.local/toolchain/bin/k6 run -e QUEUE_URL="http://127.0.0.1:$port" -e STATEMENTS="$work/statements.json" \
  -e MODE="$mode" -e VUS=50 -e DURATION="$duration" load-tests/probes/k6-queue-direct.js >"$work/k6.txt" 2>&1
queue_after=$(ticks "$queue") redis_after=$(ticks "$redis")
load_after=$(cut -d' ' -f1 /proc/loadavg)

requests=$(awk '/^ *http_reqs/ {print $2}' "$work/k6.txt")
rate=$(awk '/^ *http_reqs/ {print $3}' "$work/k6.txt")
p95=$(grep -E '^ *http_req_duration' "$work/k6.txt" | grep -o 'p(95)=[^ ]*' | cut -d= -f2)
failed=$(awk '/checks_failed/ {print $2}' "$work/k6.txt")
# A tick is 10 ms (USER_HZ 100): µs per request = ticks * 10,000 / requests.
echo "$(date -u +%H:%M) | $mode | $load_before → $load_after | $requests | $rate | $p95 |" \
  "$(((queue_after - queue_before) * 10000 / requests)) | $(((redis_after - redis_before) * 10000 / requests)) | $failed"
