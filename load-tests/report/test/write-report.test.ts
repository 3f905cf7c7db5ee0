import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeReport } from '../index';
import { fixtureRunDir } from './fixture-run';

describe('when the report of a run is written', () => {
  let runDir: string;
  beforeEach(async () => {
    runDir = path.join(
      await mkdtemp(path.join(os.tmpdir(), 'bench-report-')),
      '2026-11-21T18-20-00Z',
    );
    await cp(fixtureRunDir, runDir, { recursive: true });
  });
  afterEach(() => rm(path.dirname(runDir), { recursive: true, force: true }));

  it('writes report.md and the charts it shows into the run folder', async () => {
    const reportPath = await writeReport(runDir, {
      k6Version: 'v1.8.1',
      now: new Date('2026-11-21T19:05:00Z'),
    });
    const report = await readFile(reportPath, 'utf8');

    expect(reportPath).toBe(path.join(runDir, 'report.md'));
    expect(report).toMatch(/^# Bench report: run 2026-11-21T18-20-00Z\n/);
    expect(report).toContain('- Date: 2026-11-21 19:05 UTC');
    expect(report).toMatch(/- Machine: \d+ cores .*Node v\d+.*, k6 v1\.8\.1/);
    expect(report).toContain(
      '- Not run: token-spike, charge-balance, door, on-sale, ceilings, login-storm, peer-loop, catalogue-read-cache-off',
    );
    for (const chart of ['latency.svg', 'throughput.svg', 'journey-steps.svg']) {
      expect(report).toContain(`](${chart})`);
    }
    expect(await readdir(runDir)).toEqual(
      expect.arrayContaining(['latency.svg', 'throughput.svg', 'journey-steps.svg']),
    );
  });

  it('says how long the bench waited for a quiet machine, and which scenario started without one', async () => {
    const settled = (name: string, result: object) =>
      writeFile(path.join(runDir, `${name}.settled.json`), JSON.stringify(result));
    await settled('journey', { settled: true, seconds: 7, lastIdle: 0.95 });
    await settled('soak', { settled: true, seconds: 41, lastIdle: 0.92 });
    await settled('stress', { settled: false, seconds: 120, lastIdle: 0.6 });

    const report = await readFile(await writeReport(runDir), 'utf8');

    expect(report).toContain(
      '- Machine settled before each scenario (cores ≥ 90 % idle for 5 s in a row): waited 7-120 s; ' +
        'started unsettled after 120 s: stress',
    );
  });
});
