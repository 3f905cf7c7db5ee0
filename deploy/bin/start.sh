#!/usr/bin/env bash
# `npm start`: from a fresh clone to a running system. Installs what is missing, starts the
# infrastructure, builds, migrates, fills an empty system with demo data, then runs all five
# services in the foreground until Ctrl-C.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --up

npx turbo run build --output-logs=errors-only
node deploy/bin/migrate.mjs
node deploy/bin/seed.mjs
exec node deploy/bin/run-services.mjs
