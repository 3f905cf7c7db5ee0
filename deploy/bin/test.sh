#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the infrastructure, then format, lint, type and
# build checks, then every test (unit and integration, against the real PostgreSQL, Redis and
# Kafka). Ends with one "N passed, N failed" line.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

source deploy/bin/bootstrap.sh
bash deploy/infra/infra.sh up
set -a
source .local/infra.env
set +a

npx prettier --check . --log-level warn
npx turbo run build lint typecheck --output-logs=errors-only
node deploy/bin/migrate.mjs --suffix _template

results=.local/test-results.json
status=0
rm -f "$results"
npx jest --ci --maxWorkers=2 --json --outputFile="$results" "$@" || status=$?
if [[ -f $results ]]; then
  node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  ' "$results"
else
  echo "tests: jest wrote no results (exit $status)"
fi
exit "$status"
