import { referenceTable } from '../comparison-tables';
import { resolveFigure } from '../our-figure';
import { referenceFigures, referenceSources, type ReferenceFigure } from '../reference-figures';
import { readRunFolder } from '../run-folder';
import { referenceVerdict } from '../verdict';
import { fixtureRunDir } from './fixture-run';
import { runWith, summaryWith, trend } from './run-builder';

const figure = (scenario: string, what: string): ReferenceFigure => {
  const found = referenceFigures.find((f) => f.scenario.startsWith(scenario) && f.what === what);
  if (!found) throw new Error(`no reference figure ${scenario} / ${what}`);
  return found;
};

describe('when the journey ran', () => {
  it('sets our p95 per request beside their 4.51 s, with the metric and VUs it came from', async () => {
    const table = referenceTable(await readRunFolder(fixtureRunDir), referenceFigures);

    expect(table).toContain(
      '| journey, 1,000 VUs, 5 calls each | request p95 | 4.51 s | 80.7 ms | ' +
        'journey at 40 VUs: `http_req_duration` p(95) | beaten (56× lower) | 000 |',
    );
  });

  it('reads a step’s own Trend for the per-step rows', async () => {
    const run = await readRunFolder(fixtureRunDir);
    const concert = figure('journey, 1,000', 'concert lookup p95');

    expect(resolveFigure(run, concert.ours)).toEqual({
      status: 'measured',
      value: 37.0916,
      metric: 'concert_response_time',
      vus: 40,
    });
  });

  it('prefers the journey’s requests without the queue wait when the script tags them', () => {
    const run = runWith({
      journey: {
        summary: summaryWith({
          http_req_duration: trend({ 'p(95)': 900 }),
          'http_req_duration{queue_wait:false}': trend({ 'p(95)': 120 }),
        }),
      },
    });
    const p95 = figure('journey, 1,000', 'request p95');

    expect(resolveFigure(run, p95.ours)).toMatchObject({ value: 120 });
  });
});

describe('when a figure is worse than theirs', () => {
  it('says not beaten, and by how much', () => {
    const run = runWith({
      'charge-balance': { summary: summaryWith({ charge_response_time: trend({ avg: 15.2 }) }) },
    });
    const charge = figure('charge', 'charge avg');

    expect(referenceVerdict(charge, resolveFigure(run, charge.ours))).toEqual({
      outcome: 'not beaten',
      text: '**not beaten** (2.0× higher)',
    });
  });
});

describe('when a scenario did not run or did not record the figure', () => {
  it('reports the missing scenario as not run', async () => {
    const run = await readRunFolder(fixtureRunDir);
    const charge = figure('charge', 'charge avg');

    expect(referenceVerdict(charge, resolveFigure(run, charge.ours)).outcome).toBe('not run');
    expect(referenceTable(run, [charge])).toContain(
      '| 7.6 ms | — | charge-balance: `charge_response_time` avg | not run |',
    );
  });

  it('reports a knee the stress summary lacks as not recorded', async () => {
    const run = await readRunFolder(fixtureRunDir);
    const knee = figure('seat lookup', 'VUs where errors begin');

    expect(referenceVerdict(knee, resolveFigure(run, knee.ours)).outcome).toBe('not recorded');
  });
});

describe('when a reference is a target rather than a measured figure', () => {
  it('says met or missed against the line', () => {
    const spike = figure('token spike', 'token p95');
    const runAt = (p95: number) =>
      runWith({
        'token-spike': { summary: summaryWith({ token_response_time: trend({ 'p(95)': p95 }) }) },
      });

    expect(referenceVerdict(spike, resolveFigure(runAt(299), spike.ours)).outcome).toBe('met');
    expect(referenceVerdict(spike, resolveFigure(runAt(300), spike.ours)).outcome).toBe('missed');
  });
});

describe('when the figures are read from their data file', () => {
  const units = ['ms', 'req/s', 'fraction', 'VUs', 'count'];

  it.each(referenceFigures.map((f) => [f.scenario, f.what, f] as const))(
    'gives %s / %s a unit, a direction, our metric and the source line it was read from',
    (_scenario, _what, f) => {
      expect(units).toContain(f.unit);
      expect(['lower', 'higher']).toContain(f.better);
      expect(typeof f.isTarget).toBe('boolean');
      expect(units).toContain(f.ours.unit);
      expect(f.ours.metrics.length).toBeGreaterThan(0);
      expect(referenceSources[f.source]).toMatchObject({ file: expect.stringMatching(/\.txt$/) });
      expect(f.quote.length).toBeGreaterThan(0);
      for (const { line, text } of f.quote) expect([line, text.length > 0]).toEqual([line, true]);
    },
  );

  it('names each source by its write-up in the sources line, not by a folder outside the repository', async () => {
    const table = referenceTable(await readRunFolder(fixtureRunDir), referenceFigures);

    expect(table).toContain('`load-tests/report/reference-figures.json`');
    expect(table).toContain('- 004: 004_76aa7db6f2147683.txt «e-commerce» — product read');
    expect(table).not.toContain('shared/reference');
  });
});
