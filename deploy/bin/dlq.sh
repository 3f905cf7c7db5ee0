#!/usr/bin/env bash
# `npm run dlq -- list|show|replay|discard --topic …`: inspects and acts on a DLQ (see dlq.mjs).
# Uses the running infrastructure (.local/infra.env, or KAFKA_BROKERS as set); starts nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --running
npx turbo run build --filter=@headliner/platform --filter=@headliner/contracts --output-logs=errors-only >/dev/null
export KAFKAJS_NO_PARTITIONER_WARNING=1
exec node deploy/bin/dlq.mjs "$@"
