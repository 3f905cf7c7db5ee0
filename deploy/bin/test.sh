#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the infrastructure, then format, lint, type and
# build checks, then every test (unit and integration, against the real PostgreSQL, Redis and
# Kafka, then end to end through the gateway), then the k6 smoke, the fuzz smoke and a drill's.
# Ends with each failed test (file, name, the first twenty lines of why: enough for the diff of a
# short list) and one "N passed, N failed" line for the tests, after the smokes' own lines, so the
# tail of a CI log says what broke.
set -euo pipefail
# The whole observability stack, Jaeger included, so the trace tests run too: its first build on
# a fresh machine adds about 4 minutes, once (README, Observability). =metrics skips it.
export HEADLINER_OBSERVABILITY=${HEADLINER_OBSERVABILITY:-on}
source "$(dirname "${BASH_SOURCE[0]}")/preamble.sh" --up

npx prettier --check . --log-level warn
npx turbo run build lint typecheck --output-logs=errors-only
node deploy/bin/migrate.mjs --suffix _template
# The pinned k6 (built once, about 2 minutes), before jest: the dashboard test runs a scenario.
bash deploy/bin/k6.sh >/dev/null
# The pinned kustomize and kubeconform with the Kubernetes and operators' schemas (about 2 minutes
# once): the cluster layout's tests build and validate every overlay with them.
bash deploy/bin/k8s-tools.sh >/dev/null

# Unit and integration tests first, then the whole system end to end. The end-to-end files
# run one at a time: each boots all five services on the real topics and consumer groups.
status=0
rm -f .local/test-results.json .local/e2e-results.json
npx jest --ci --maxWorkers=2 --json --outputFile=.local/test-results.json "$@" || status=$?
npx jest --ci -c e2e/jest.config.js --runInBand --passWithNoTests \
  --json --outputFile=.local/e2e-results.json "$@" || status=$?
# Every k6 scenario for a few seconds with a few VUs against a real system, so no load-test
# script rots; it prints its own "load tests (smoke)" line. Full runs are `npm run bench`.
npm run smoke --silent -w @headliner/load-tests || status=$?
# schemathesis for half a minute against a fresh system: fails on any answer >= 500, any answer
# the OpenAPI document does not allow, or a broken booking invariant. Full size is `npm run fuzz`.
npm run fuzz-smoke --silent -w @headliner/load-tests || status=$?
# One game-day drill, short (wallet-crash: the wallet SIGKILLed under load and restarted): the
# alert at the receiver within a minute, the recovery and the invariants. Full size: `npm run drill`.
npm run drill-smoke --silent -w @headliner/load-tests || status=$?
node -e '
  const fs = require("node:fs");
  let passed = 0, failed = 0;
  for (const file of process.argv.slice(1)) {
    if (!fs.existsSync(file)) { console.log(`${file}: jest wrote no results`); failed += 1; continue; }
    const results = JSON.parse(fs.readFileSync(file, "utf8"));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    for (const suite of results.testResults) {
      const failures = suite.assertionResults.filter((test) => test.status === "failed");
      if (suite.status === "failed" && failures.length === 0) {
        console.log(`✕ ${suite.name}: ${suite.message.split("\n").slice(0, 20).join(" | ")}`);
      }
      for (const test of failures) {
        const why = test.failureMessages.join("\n").split("\n").slice(0, 20).join(" | ");
        console.log(`✕ ${suite.name} › ${test.fullName}: ${why}`);
      }
    }
  }
  console.log(`tests: ${passed} passed, ${failed} failed`);
' .local/test-results.json .local/e2e-results.json
exit "$status"
