#!/usr/bin/env bash
# One k6 run of hot.js MODE against the gateway; prints req/s, p95, CPU ms/request of
# each of this worktree's services and of k6, and the load average before and after.
# Usage: measure.sh MODE LABEL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
cd "$root/.local/gateway-hot-routes"
mode=$1 label=$2
pids() { for p in /proc/[0-9]*; do c=$(tr '\0' ' ' < $p/cmdline 2>/dev/null || true); [[ $c == *"$root/services/"*"/dist/main.js"* ]] && echo "${p#/proc/} $(sed -E 's|.*services/([a-z]+)/dist.*|\1|' <<<"$c")"; done; }
declare -A before name
while read -r pid svc; do name[$pid]=$svc; before[$pid]=$(cut -d' ' -f14,15 < <(sed 's/^.*) /x x /' /proc/$pid/stat) | tr ' ' '+' | bc); done < <(pids)
load_before=$(uptime | sed 's/.*average: //')
start=$(date +%s.%N)
$root/.local/toolchain/bin/k6 run -q -e BASE_URL=http://127.0.0.1:${PORT_BASE:-8080} -e MODE=$mode -e DURATION=${DURATION:-15s} -e STATE_DIR="$PWD" --summary-export=k6-$mode.json "$here/hot.js" > k6-$mode.log 2>&1 &
k6pid=$!
k6ticks=0
while kill -0 $k6pid 2>/dev/null; do t=$(cut -d' ' -f14,15 < <(sed 's/^.*) /x x /' /proc/$k6pid/stat 2>/dev/null) 2>/dev/null | tr ' ' '+' | bc 2>/dev/null || true); [[ -n $t ]] && k6ticks=$t; sleep 0.2; done
wait $k6pid || true
load_after=$(uptime | sed 's/.*average: //')
node -e '
const s=require(process.cwd()+"/k6-'$mode'.json").metrics; const reqs=s.http_reqs.count-(s["http_reqs{setup:yes}"]?.count??0);
const line=[process.argv[1], process.argv[2], new Date().toISOString().slice(11,16), `${Math.round(s.http_reqs.rate)} req/s`, `p95 ${s.http_req_duration["p(95)"].toFixed(1)} ms`, `checks ${(100*s.checks.value).toFixed(1)}%${s.checks.value < 0.99 ? " (FAILED: not a valid run)" : ""}`];
const cpu=JSON.parse(process.argv[3]); for (const [n,t] of Object.entries(cpu)) line.push(`${n} ${(t*10/s.http_reqs.count).toFixed(3)}`);
line.push(`load ${process.argv[4]} -> ${process.argv[5]}`); console.log(line.join(" | "));' "$label" "$mode" "$(
  echo -n '{'; sep=''; for pid in "${!name[@]}"; do a=$(cut -d' ' -f14,15 < <(sed 's/^.*) /x x /' /proc/$pid/stat) | tr ' ' '+' | bc); echo -n "$sep\"${name[$pid]}\":$((a-before[$pid]))"; sep=,; done; echo -n ",\"k6\":$k6ticks}")" "$load_before" "$load_after" | tee -a results.txt
