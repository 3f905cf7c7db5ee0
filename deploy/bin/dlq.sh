#!/usr/bin/env bash
# `npm run dlq -- list|show|replay|discard --topic …`: inspects and acts on a DLQ (see dlq.mjs).
# Uses the running infrastructure (.local/infra.env, or KAFKA_BROKERS and KAFKA_SASL_* as set); starts nothing.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --running
npx turbo run build --filter=@headliner/platform --filter=@headliner/contracts --output-logs=errors-only >/dev/null
export KAFKAJS_NO_PARTITIONER_WARNING=1
# The operator acts as the local broker's admin unless KAFKA_SASL_USERNAME/PASSWORD say otherwise.
if [[ -z ${KAFKA_SASL_USERNAME:-} && -n ${KAFKA_ADMIN_USERNAME:-} ]]; then
  export KAFKA_SASL_USERNAME=$KAFKA_ADMIN_USERNAME KAFKA_SASL_PASSWORD=$KAFKA_ADMIN_PASSWORD
fi
exec node deploy/bin/dlq.mjs "$@"
