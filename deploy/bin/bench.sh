#!/usr/bin/env bash
# `npm run bench [-- scenario…]`: the k6 load tests at full size, each scenario on a fresh
# system, then the Markdown report. Builds what is missing first (node, the services, the
# migrated template databases, the pinned k6), as `npm test` does. Results and the report go to
# load-tests/results/<timestamp>/. See load-tests/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --up

npx turbo run build --output-logs=errors-only
node deploy/bin/migrate.mjs --suffix _template
bash deploy/bin/k6.sh >/dev/null
npm run bench --silent -w @headliner/load-tests -- "$@"
