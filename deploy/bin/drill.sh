#!/usr/bin/env bash
# `npm run drill [-- drill…]`: the game-day drills (all by default), each on a fresh system under
# k6 load with the local Prometheus, Alertmanager and alert receiver watching it: a real fault
# injected and removed, the time to the first alert, what fans saw, the recovery and the booking
# invariants. Builds what is missing first, as `npm run bench` does. The report (drills.md and a
# timeline chart per drill) goes to load-tests/results/<timestamp>-drill/. See README.md, "Game-day drills".
set -euo pipefail
# Detection needs Prometheus and Alertmanager; Jaeger only when asked for (=on).
export HEADLINER_OBSERVABILITY=${HEADLINER_OBSERVABILITY:-metrics}
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --up

npx turbo run build --output-logs=errors-only
node deploy/bin/migrate.mjs --suffix _template
bash deploy/bin/k6.sh >/dev/null
npm run drill --silent -w @headliner/load-tests -- "$@"
