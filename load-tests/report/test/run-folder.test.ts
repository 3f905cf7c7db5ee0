import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readRunFolder } from '../run-folder';
import { fixtureRunDir } from './fixture-run';

describe('when a run folder is read', () => {
  it('finds every scenario that left a summary, in the issue’s order', async () => {
    const run = await readRunFolder(fixtureRunDir);

    expect(run.id).toBe('run-2026-11-21T18-20-00Z');
    expect(run.scenarios.map((s) => s.name)).toEqual([
      'token-spike-3000',
      'peak-booking',
      'journey',
      'catalogue-read-cache-on',
      'stress',
      'soak',
    ]);
  });

  it('attaches the dashboard export and invariant checks only where the runner left them', async () => {
    const run = await readRunFolder(fixtureRunDir);
    const journey = run.scenarios.find((s) => s.name === 'journey');
    const stress = run.scenarios.find((s) => s.name === 'stress');

    expect(journey?.dashboard).toBe('journey.html');
    expect(journey?.invariants?.violations).toEqual([]);
    expect(stress?.dashboard).toBeUndefined();
    expect(stress?.invariants).toBeUndefined();
  });
});

describe('when a summary is not k6 handleSummary data', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-report-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('fails naming the file and what is wrong', async () => {
    await writeFile(path.join(dir, 'journey.summary.json'), JSON.stringify({ metrics: {} }));

    await expect(readRunFolder(dir)).rejects.toThrow(
      /journey\.summary\.json .*state\.testRunDurationMs must be a number/,
    );
  });

  it('fails naming the file when it is not JSON at all', async () => {
    await writeFile(path.join(dir, 'soak.summary.json'), 'running (10m00s)…');

    await expect(readRunFolder(dir)).rejects.toThrow(/soak\.summary\.json is not JSON/);
  });
});
