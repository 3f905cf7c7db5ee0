import type { CeilingFigures } from '../../src/ceilings/ceiling-figures';
import type { ScenarioRun } from '../run-folder';
import { scenarioSection } from '../scenario-section';
import { runWith, summaryWith } from './run-builder';

const figures: CeilingFigures = {
  vus: 100,
  secondsPerRun: 10,
  rounds: 2,
  loadAverage: { before: 3.1, after: 4.55 },
  paths: [
    {
      path: 'seat-map',
      label: 'cached seat map',
      real: { requests: 80_000, perSecond: 4_000, p95Ms: 42.4, cpuMsPerRequest: 0.4213 },
      bare: { requests: 280_000, perSecond: 14_000, p95Ms: 8.96, cpuMsPerRequest: 0.0712 },
      ratio: 4_000 / 14_000,
    },
    {
      path: 'hold',
      label: 'hold',
      real: { requests: 0, perSecond: 0 },
      bare: { requests: 0, perSecond: 0 },
    },
  ],
};

const section = (ceilings?: CeilingFigures) =>
  scenarioSection(
    runWith({ ceilings: { ...(ceilings && { ceilings }), summary: summaryWith({}) } })
      .scenarios[0] as ScenarioRun,
  );

describe("the ceilings' section of the report", () => {
  it('shows each hot path as a share of its ceiling with the p95 of each side', () => {
    const text = section(figures);
    expect(text).toContain('### Each hot path against its ceiling');
    expect(text).toContain(
      '| cached seat map | 29 % | 4,000 req/s | 14,000 req/s | 42.4 ms | 9.0 ms | 0.42 ms | 0.07 ms |',
    );
    expect(text).toContain('| hold | — | 0.0 req/s | 0.0 req/s | — | — | — | — |');
  });

  it('says how it ran and how loaded the shared machine was', () => {
    expect(section(figures)).toMatch(
      /100 VUs without pause, 10 s a side, 2 rounds.*Load average \(1 min\) 3\.10 before, 4\.55 after\./,
    );
  });

  it('is left out when the run folder has no ceilings figures', () => {
    expect(section()).not.toContain('against its ceiling');
  });
});
