import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readRunFolder } from '../run-folder';
import { scenarioSection } from '../scenario-section';
import { fixtureRunDir } from './fixture-run';

// BENCH_TRACING=on leaves <scenario>.slowest-booking.svg and .txt beside the summary.
describe("a scenario's slowest traced booking in the report", () => {
  let dir: string;
  const waterfall =
    'trace 4bf9… · 182 ms · 23 spans · 5 services\n  0 µs  182 ms   gateway  POST /api/v1/payments\n';

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'bench-report-'));
    for (const name of ['peak-booking', 'journey']) {
      await copyFile(
        path.join(fixtureRunDir, `${name}.summary.json`),
        path.join(dir, `${name}.summary.json`),
      );
    }
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('is read from the run folder where the bench left both files, and shown there', async () => {
    await writeFile(path.join(dir, 'peak-booking.slowest-booking.svg'), '<svg/>');
    await writeFile(path.join(dir, 'peak-booking.slowest-booking.txt'), waterfall);
    // A text without its picture (an interrupted write) is left out.
    await writeFile(path.join(dir, 'journey.slowest-booking.txt'), waterfall);

    const run = await readRunFolder(dir);
    const [peak, journey] = ['peak-booking', 'journey'].map((name) =>
      run.scenarios.find((s) => s.name === name),
    );

    expect(peak?.slowestBooking).toEqual({
      svg: 'peak-booking.slowest-booking.svg',
      text: waterfall,
    });
    expect(journey?.slowestBooking).toBeUndefined();
    const section = scenarioSection(peak!);
    expect(section).toContain('### Slowest traced booking');
    expect(section).toContain(
      '![waterfall of the slowest traced booking](peak-booking.slowest-booking.svg)',
    );
    expect(section).toContain(`\`\`\`text\n${waterfall.trimEnd()}\n\`\`\``);
    expect(scenarioSection(journey!)).not.toContain('Slowest traced booking');
  });
});
