import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { scenariosDir } from '../../k6';
import { faults } from '../fault-catalogue';

const root = path.resolve(__dirname, '../../../..');
// The soak's fans, whom a fault's load keeps going as the harness gives them (VUS).
const steadyFans = '50';

/** What k6 needs to run `script` with `env`: it fails on a scenario whose exec is not exported. */
function executionRequirements(script: string, env: Record<string, string>) {
  const k6 = execFileSync('bash', [path.join(root, 'deploy/bin/k6.sh')], {
    encoding: 'utf8',
  }).trim();
  const envArgs = Object.entries(env).flatMap(([name, value]) => ['-e', `${name}=${value}`]);
  const inspected = execFileSync(
    k6,
    ['inspect', '--execution-requirements', ...envArgs, path.join(scenariosDir, script)],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return JSON.parse(inspected) as { maxVUs: number };
}

describe('the fault catalogue', () => {
  it('names faults once, each lasting a while and naming its alerts, but the data loss', () => {
    const names = faults.map((fault) => fault.name);
    expect(new Set(names).size).toBe(names.length);
    const unalerted = faults.filter(
      (fault) =>
        fault.name !== 'redis-data-loss' &&
        (fault.detectedBy.length === 0 || fault.lastsSeconds <= 0),
    );
    expect(unalerted.map((fault) => fault.name)).toEqual([]);
  });

  it.each(faults.filter((fault) => fault.load).map((fault) => [fault.name, fault.load!] as const))(
    '%s brings a k6 script that runs, with a seeded fan for each of its VUs',
    (_name, load) => {
      const { maxVUs } = executionRequirements(load.script, {
        VUS: steadyFans,
        DURATION: '135s',
        ...load.env,
      });
      expect(maxVUs).toBeGreaterThan(Number(steadyFans));
      expect(load.users).toBeGreaterThanOrEqual(maxVUs);
    },
  );
});
