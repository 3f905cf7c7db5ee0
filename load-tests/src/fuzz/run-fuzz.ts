// `npm run fuzz` (full size) and `npm run fuzz-smoke -w @headliner/load-tests` (a short smoke, in
// npm test): schemathesis against a fresh, seeded system's gateway, then the booking invariants.
// Results go to load-tests/results/<timestamp>-fuzz[-smoke]/. Exits 1 on any answer >= 500, any
// answer the OpenAPI document does not allow (FUZZ_STRICT=0 only reports those) or broken invariant.
import '../../../deploy/test/load-infra-env';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ADMIN } from '@headliner/system';
import { checkInvariants } from '../invariants';
import { newRunDir } from '../results-dir';
import { BENCH_PORT_BASE, bootSeeded, PASSWORD } from '../system-under-test';
import { obtainCredentials } from './fuzz-credentials';
import { readFuzzEvents } from './fuzz-events';
import { gzipInPlace } from './gzip-in-place';
import { contractViolations, fuzzSummary, passed, serverErrors } from './fuzz-summary';
import { reportFiles, runSchemathesis, type FuzzSize } from './schemathesis';

const sizes: Record<'full' | 'smoke', FuzzSize> = {
  full: { maxExamples: 1000, maxSeconds: 600, minRequests: 10_000 },
  smoke: { maxExamples: 5, maxSeconds: 30, minRequests: 1 },
};

// Apart from the bench (+0) and the load smoke (+100), so any of them can run side by side.
const FUZZ_PORT_BASE = BENCH_PORT_BASE + 200;

// Every operation is fuzzed as one fan, whose queue token must be admitted at once and who may
// hold as many seats as the fuzzer asks for. The services log errors only: a 500's stack is what
// matters among thousands of rejected requests.
const fuzzEnv = { ACTIVE_LIMIT: '100000', MAX_HOLDS_PER_USER: '100000', LOG_LEVEL: 'error' };

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false } } });
  const kind = values.smoke ? 'smoke' : 'full';
  const size = sizes[kind];
  const strict = process.env.FUZZ_STRICT !== '0';
  const runDir = await newRunDir(values.smoke ? 'fuzz-smoke' : 'fuzz');
  console.log(`fuzz (${kind}): schemathesis against a fresh system → ${runDir}`);
  const system = await bootSeeded(
    fuzzEnv,
    { portBase: FUZZ_PORT_BASE + (values.smoke ? 10 : 0) },
    {
      users: 10,
      seatsPerSchedule: 50,
    },
  );
  try {
    const fan = { username: 'user1', password: PASSWORD };
    const credentials = await obtainCredentials(system.gatewayUrl, fan, ADMIN);
    await runSchemathesis({
      gatewayUrl: system.gatewayUrl,
      size,
      runDir,
      credentials,
      echo: false,
    });
    const events = path.join(runDir, reportFiles.ndjson);
    const figures = await readFuzzEvents(events);
    await gzipInPlace(events);
    const invariantViolations = await checkInvariants(system, path.join(runDir, 'invariants.json'));
    const verdict = { figures, invariantViolations, strict };
    await writeFile(path.join(runDir, 'summary.md'), fuzzSummary(verdict));
    const enough = figures.requests >= size.minRequests;
    const ok = passed(verdict) && enough;
    console.log(
      `fuzz${values.smoke ? ' (smoke)' : ''}: ${ok ? 'passed' : 'FAILED'}: ${figures.requests} requests` +
        `${enough ? '' : ` (fewer than ${size.minRequests})`} in ${figures.seconds.toFixed(0)} s, ` +
        `${serverErrors(figures)} answers >= 500, ${contractViolations(figures)} contract violations` +
        `${strict ? '' : ' (reported only: FUZZ_STRICT=0)'}, ` +
        `${invariantViolations.length} broken invariants; ` +
        `report in ${path.relative(process.cwd(), path.join(runDir, 'summary.md'))}`,
    );
    return ok ? 0 : 1;
  } finally {
    await system.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
