// `npm run bench [-- scenario…]` (full size, a fresh system per scenario, then the report),
// and `npm run smoke -w @headliner/load-tests` (every scenario briefly). Results go to
// load-tests/results/<timestamp>/. Exits 1 if any threshold or invariant failed.
import '../../deploy/test/load-infra-env';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeReport } from '../report';
import { runBench } from './bench';
import type { Outcome } from './outcome';
import { newRunDir } from './results-dir';
import { scenariosNamed } from './scenarios';
import { runSmoke } from './smoke';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  const chosen = scenariosNamed(positionals);
  const runDir = await newRunDir(values.smoke ? 'smoke' : undefined);
  console.log(`load tests: ${chosen.map((s) => s.name).join(', ')} → ${runDir}`);

  const started = Date.now();
  const outcomes: Outcome[] = values.smoke
    ? await runSmoke(chosen, runDir)
    : await runBench(chosen, runDir);
  const failed = outcomes.filter((outcome) => !outcome.passed);
  if (!values.smoke) {
    console.log(`report: ${await writeReport(runDir)}`);
  }
  const took = ((Date.now() - started) / 1000).toFixed(0);
  console.log(
    `load tests${values.smoke ? ' (smoke)' : ''}: ${outcomes.length - failed.length} passed, ` +
      `${failed.length} failed${failed.length ? ` (${failed.map((o) => o.name).join(', ')})` : ''}` +
      ` in ${took} s; results in ${path.relative(process.cwd(), runDir)}`,
  );
  return failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
