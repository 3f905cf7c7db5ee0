import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readRunFolder } from '../run-folder';
import { scenarioSection } from '../scenario-section';
import { fixtureRunDir } from './fixture-run';

// BENCH_METRICS=on leaves <scenario>.sale.svg beside the summary.
describe("a scenario's sale graph in the report", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-report-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is shown in the section of the scenario it was drawn for, and only there', async () => {
    for (const name of ['peak-booking', 'journey']) {
      await copyFile(
        path.join(fixtureRunDir, `${name}.summary.json`),
        path.join(dir, `${name}.summary.json`),
      );
    }
    await writeFile(path.join(dir, 'journey.sale.svg'), '<svg/>');

    const run = await readRunFolder(dir);
    const sectionOf = (name: string) =>
      scenarioSection(run.scenarios.find((s) => s.name === name)!);

    expect(sectionOf('journey')).toContain(
      '### The sale as Prometheus saw it\n\n' +
        '![requests, latency, waiting room, holds and payments over the run](journey.sale.svg)',
    );
    expect(sectionOf('peak-booking')).not.toContain('sale.svg');
  });
});
