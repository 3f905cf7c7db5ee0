#!/usr/bin/env bash
# `npm run fuzz`: schemathesis against a fresh, seeded system's gateway at full size (at least
# 10,000 requests, every operation as a fan and as the admin, every check), then the booking
# invariants. Builds what is missing first (node, the services, the migrated template databases,
# the pinned schemathesis), as `npm run bench` does. The report goes to
# load-tests/results/<timestamp>-fuzz/. It fails on answers the document does not allow too;
# FUZZ_STRICT=0 only reports those. See README.md, "Fuzzing".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --up

npx turbo run build --output-logs=errors-only
node deploy/bin/migrate.mjs --suffix _template
bash deploy/bin/schemathesis.sh >/dev/null
npm run fuzz --silent -w @headliner/load-tests -- "$@"
