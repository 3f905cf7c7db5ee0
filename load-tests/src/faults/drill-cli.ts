// `npm run drill [-- drill…]`: each game-day drill (all by default) at full size, then drills.md;
// `npm run drill-smoke -w @headliner/load-tests`: one short drill (wallet-crash) as npm test runs it.
// Results go to load-tests/results/<timestamp>-drill[-smoke]/. Exits 1 if any drill missed a target.
import '../../../deploy/test/load-infra-env';
import { parseArgs } from 'node:util';
import { newRunDir } from '../results-dir';
import { runDrills } from './drills';
import { fullDrill, smokeDrill } from './fault-run';

const smokeDrillName = 'wallet-crash';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: { smoke: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  if (values.smoke) {
    return runDrills(
      [smokeDrillName],
      await newRunDir('drill-smoke'),
      smokeDrill,
      'drills (smoke)',
    );
  }
  return runDrills(positionals, await newRunDir('drill'), fullDrill);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
