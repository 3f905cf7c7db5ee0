#!/usr/bin/env bash
# `npm run seed -- --users N`: builds if needed, makes sure the databases exist, then seeds.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --quiet
npx turbo run build --output-logs=errors-only >/dev/null
node deploy/bin/migrate.mjs >/dev/null
node deploy/bin/seed.mjs "$@"
