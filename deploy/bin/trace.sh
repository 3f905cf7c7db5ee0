#!/usr/bin/env bash
# `npm run trace -- <trace id>` or `npm run trace -- --service gateway --min-duration 500ms`:
# draws a trace from Jaeger's HTTP API as a waterfall in the terminal (and as SVG or Markdown on
# request; see tools/trace/src/cli.ts). Uses the running Jaeger (.local/infra.env's JAEGER_URL,
# or JAEGER_URL as set); starts nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --running
npx turbo run build --filter=@headliner/trace --output-logs=errors-only >/dev/null
exec node tools/trace/dist/cli.js "$@"
