import type { CeilingFigures, PathCeiling } from '../../src/ceilings/ceiling-figures';
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
      chain: { requests: 160_000, perSecond: 8_000, p95Ms: 19.2, cpuMsPerRequest: 0.1549 },
      ratio: 4_000 / 14_000,
      chainRatio: 0.5,
    },
    {
      path: 'hold',
      label: 'hold',
      real: { requests: 0, perSecond: 0 },
      bare: { requests: 0, perSecond: 0 },
      chain: { requests: 0, perSecond: 0 },
    },
  ],
};

const section = (ceilings?: CeilingFigures) =>
  scenarioSection(
    runWith({ ceilings: { ...(ceilings && { ceilings }), summary: summaryWith({}) } })
      .scenarios[0] as ScenarioRun,
  );

describe("the ceilings' section of the report", () => {
  it('shows each hot path as a share of its ceiling and of its chain, with each side beside', () => {
    const text = section(figures);
    expect(text).toContain('### Each hot path against its ceiling');
    expect(text).toContain(
      '| hot path | of its ceiling | of its chain | real | bare Node | bare chain | real p95 | ' +
        'bare p95 | chain p95 | real CPU / request | bare CPU / request | chain CPU / request |',
    );
    expect(text).toContain(
      '| cached seat map | 29 % | 50 % | 4,000 req/s | 14,000 req/s | 8,000 req/s | 42.4 ms | ' +
        '9.0 ms | 19.2 ms | 0.42 ms | 0.07 ms | 0.15 ms |',
    );
    expect(text).toContain(
      '| hold | — | — | 0.0 req/s | 0.0 req/s | 0.0 req/s | — | — | — | — | — | — |',
    );
  });

  it('shows the figures of a run from before the chain with dashes in its columns', () => {
    const { path, label, real, bare, ratio } = figures.paths[0] as PathCeiling;
    const beforeTheChain = { path, label, real, bare, ratio };
    expect(section({ ...figures, paths: [beforeTheChain] })).toContain(
      '| cached seat map | 29 % | — | 4,000 req/s | 14,000 req/s | — | 42.4 ms | 9.0 ms | — | ' +
        '0.42 ms | 0.07 ms | — |',
    );
  });

  it('says how it ran and how loaded the shared machine was', () => {
    expect(section(figures)).toMatch(
      /100 VUs without pause, 10 s a side, 2 rounds.*bare chain.*Load average \(1 min\) 3\.10 before, 4\.55 after\./,
    );
  });

  it('is left out when the run folder has no ceilings figures', () => {
    expect(section()).not.toContain('against its ceiling');
  });
});

describe('when a hot path is under its budget share of the ceiling', () => {
  it('says how far the bare chain of its hops got and what the system spends beyond it', () => {
    const text = section(figures);

    expect(text).toContain(
      '- cached seat map: 29 % of its ceiling, under 70 %. The bare chain of the same hops, with ' +
        "none of the system's code, reached 57 %, itself under it; the system's own work is " +
        "0.27 ms of CPU a request beyond the chain's 0.15 ms.",
    );
  });

  it('says nothing of a path at its budget or without a chain', () => {
    const [seatMap] = figures.paths as [PathCeiling];
    const atBudget = { ...seatMap, ratio: 0.7 };
    const withoutChain = { ...seatMap, chain: undefined };

    expect(section({ ...figures, paths: [atBudget] })).not.toContain('What bounds');
    expect(section({ ...figures, paths: [withoutChain] })).not.toContain('What bounds');
  });
});
