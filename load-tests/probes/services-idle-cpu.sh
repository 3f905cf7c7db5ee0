#!/usr/bin/env bash
# The CPU each running service (`npm start`, or any built dist/main.js) spends over SECONDS while
# nothing calls it: utime + stime from /proc/<pid>/stat, read before and after. What a service
# burns at rest is taken from every request the machine serves under load.
# Usage: bash load-tests/probes/services-idle-cpu.sh [SECONDS]
# Prints one line per service and one for all, each as a share of one core.
set -euo pipefail
seconds=${1:-30}
ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
mapfile -t pids < <(pgrep -f 'services/[a-z]+/dist/main.js')
[ "${#pids[@]}" -gt 0 ] || { echo "no service is running" >&2; exit 1; }
declare -A before
for pid in "${pids[@]}"; do before[$pid]=$(ticks "$pid"); done
sleep "$seconds"
hz=$(getconf CLK_TCK) total=0
for pid in "${pids[@]}"; do
  spent=$(($(ticks "$pid") - before[$pid]))
  total=$((total + spent))
  service=$(tr '\0' ' ' <"/proc/$pid/cmdline" | grep -o 'services/[a-z]*' | cut -d/ -f2)
  awk -v s="$service" -v t="$spent" -v hz="$hz" -v secs="$seconds" \
    'BEGIN { printf "%-12s %5.1f %% of a core\n", s, 100 * t / hz / secs }'
done
awk -v t="$total" -v hz="$hz" -v secs="$seconds" \
  'BEGIN { printf "%-12s %5.1f %% of a core over %d s\n", "all", 100 * t / hz / secs, secs }'
