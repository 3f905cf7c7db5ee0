import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { scenariosDir } from '../../k6';
import { faults } from '../fault-catalogue';

describe('the fault catalogue', () => {
  it('names faults once, each lasting a while and naming its alerts, but the data loss', () => {
    const names = faults.map((fault) => fault.name);
    expect(new Set(names).size).toBe(names.length);
    for (const fault of faults.filter(({ name }) => name !== 'redis-data-loss')) {
      expect([fault.name, fault.detectedBy.length > 0, fault.lastsSeconds > 0]).toEqual([
        fault.name,
        true,
        true,
      ]);
    }
  });

  it('brings a load that exists, with a fan seeded for every VU it starts', () => {
    for (const { name, load } of faults.filter((fault) => fault.load)) {
      const script = path.join(scenariosDir, load!.script);
      expect([name, existsSync(script)]).toEqual([name, true]);
      const source = readFileSync(script, 'utf8');
      // Every VU is a fan of its own: the steady VUS plus each extra scenario's, as its env says.
      const extraVus = [...source.matchAll(/numberEnv\('(\w+_FANS)', (\d+)\)/g)].map(
        ([, variable, fallback]) => Number(load!.env?.[variable!] ?? fallback),
      );
      const steadyVus = 50;
      expect(load!.users).toBeGreaterThanOrEqual(steadyVus + extraVus.reduce((a, b) => a + b, 0));
    }
  });
});
