#!/usr/bin/env bash
# `npm run reconcile -- [--repair] [--grace-seconds N]`: see reconcile.mjs. Against this machine's
# databases unless RECONCILE_{RESERVATION,WALLET,CONCERT}_DATABASE_URL say otherwise.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --running
npx turbo run build --filter=@headliner/system --output-logs=errors-only >/dev/null
exec node deploy/bin/reconcile.mjs "$@"
