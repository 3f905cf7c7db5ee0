#!/usr/bin/env bash
# `npm start`: from a fresh clone to a running system. Installs what is missing, starts the
# infrastructure, builds, migrates, fills an empty system with demo data, then runs all five
# services in the foreground until Ctrl-C.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

source deploy/bin/bootstrap.sh
bash deploy/infra/infra.sh up
set -a
source .local/infra.env
set +a

npx turbo run build --output-logs=errors-only
node deploy/bin/migrate.mjs
node deploy/bin/seed.mjs
exec node deploy/bin/run-services.mjs
