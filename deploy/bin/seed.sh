#!/usr/bin/env bash
# `npm run seed -- --users N`: builds if needed, makes sure the databases exist, then seeds.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

source deploy/bin/bootstrap.sh
bash deploy/infra/infra.sh up >/dev/null
set -a
source .local/infra.env
set +a
npx turbo run build --output-logs=errors-only >/dev/null
node deploy/bin/migrate.mjs >/dev/null
node deploy/bin/seed.mjs "$@"
