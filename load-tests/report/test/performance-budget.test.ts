import { budgetTable } from '../comparison-tables';
import type { SummaryMetric } from '../k6-summary';
import { resolveFigure } from '../our-figure';
import { performanceBudget, type BudgetLine } from '../performance-budget';
import { readRunFolder } from '../run-folder';
import { budgetVerdict } from '../verdict';
import { fixtureRunDir } from './fixture-run';
import { counter, runWith, summaryWith, trend } from './run-builder';

const line = (what: string): BudgetLine => {
  const found = performanceBudget.find((l) => l.what.startsWith(what));
  if (!found) throw new Error(`no budget line ${what}`);
  return found;
};

describe('when the run is held against the performance budget', () => {
  it('marks each line met or missed from the fixture run', async () => {
    const run = await readRunFolder(fixtureRunDir);
    const verdicts = performanceBudget.map((l) => [
      l.what,
      budgetVerdict(l, resolveFigure(run, l.ours)).outcome,
    ]);

    expect(verdicts).toEqual([
      ['journey at 1,000 VUs: p95 per request, queue wait excluded', 'missed'],
      ['journey at 1,000 VUs: slowest request, queue wait excluded', 'met'],
      ['journey at 1,000 VUs: no unexpected error', 'missed'],
      ['token spike at 3,000 VUs: p95', 'missed'],
      ['cached seat-map reads through the gateway', 'missed'],
      // Nor the peer-style loop.
      ['peer-style loop, 100 fans without think time: p95', 'not run'],
      ['peer-style loop, 100 fans without think time: p99', 'not run'],
      // The fixture run predates the ceilings scenario.
      ['cached seat map: share of its bare-Node ceiling, same k6 shape, same run', 'not run'],
      ['token issue: share of its bare-Node ceiling, same k6 shape, same run', 'not run'],
      ['token poll: share of its bare-Node ceiling, same k6 shape, same run', 'not run'],
    ]);
  });

  it('shows the limit, our figure and the verdict in the table', async () => {
    const table = budgetTable(await readRunFolder(fixtureRunDir), performanceBudget);

    expect(table).toContain('| token spike at 3,000 VUs: p95 | < 100 ms | 175 ms |');
    expect(table).toContain('| **missed** |');
  });
});

describe('when cached seat-map reads reach exactly 3,000 req/s', () => {
  it('meets the budget, which is “at least”', () => {
    const cached = line('cached seat-map');
    const run = runWith({
      'catalogue-read-cache-on': { summary: summaryWith({ http_reqs: counter(30_000, 3000) }) },
    });

    expect(budgetVerdict(cached, resolveFigure(run, cached.ours)).outcome).toBe('met');
  });
});

describe("when a hot path's share of its ceiling is held against 70 %", () => {
  const share = (value: number): SummaryMetric => ({
    type: 'gauge',
    contains: 'default',
    values: { value, min: value, max: value },
  });
  const verdict = (what: string, gauges: Record<string, number>) => {
    const budget = line(what);
    const run = runWith({
      ceilings: {
        summary: summaryWith(
          Object.fromEntries(Object.entries(gauges).map(([name, value]) => [name, share(value)])),
        ),
      },
    });
    return budgetVerdict(budget, resolveFigure(run, budget.ours)).outcome;
  };

  it('meets it at 70 % and misses it below, for the seat map, token issue and token poll', () => {
    expect(verdict('cached seat map:', { ceiling_share_seat_map: 0.7 })).toBe('met');
    expect(verdict('token issue:', { ceiling_share_token: 0.69 })).toBe('missed');
    expect(verdict('token poll:', { ceiling_share_poll: 0.95 })).toBe('met');
  });
});

describe("when the peer-style loop's p95 and p99 are held against half of the first comparison", () => {
  const verdict = (what: string, durations: Record<string, number>) => {
    const budget = line(what);
    const run = runWith({
      'peer-loop': { summary: summaryWith({ http_req_duration: trend(durations) }) },
    });
    return budgetVerdict(budget, resolveFigure(run, budget.ours)).outcome;
  };

  it('meets each at its limit and misses it above', () => {
    expect(verdict('peer-style loop, 100 fans without think time: p95', { 'p(95)': 46 })).toBe(
      'met',
    );
    expect(verdict('peer-style loop, 100 fans without think time: p99', { 'p(99)': 62.1 })).toBe(
      'missed',
    );
  });
});

describe('when the scenario behind a budget line did not run', () => {
  it('says not run rather than met or missed', () => {
    const spike = line('token spike');

    expect(budgetVerdict(spike, resolveFigure(runWith({}), spike.ours))).toEqual({
      outcome: 'not run',
      text: 'not run',
    });
  });
});

describe('when a latency budget is missed', () => {
  const journeyP95 = (p95: number, machineBusy: number[]) =>
    runWith({
      journey: {
        summary: summaryWith({ 'http_req_duration{queue_wait:false}': trend({ 'p(95)': p95 }) }),
        machineBusy,
      },
    });
  const p95Line = line('journey at 1,000 VUs: p95');

  it('says how busy the machine was while it was measured', () => {
    const table = budgetTable(journeyP95(57.8, [0.5, 0.97, 0.99, 0.96, 0.8]), [p95Line]);

    expect(table).toContain(
      "- journey at 1,000 VUs: p95 per request, queue wait excluded: missed while the machine's " +
        'cores were 96 % busy in the median second and ≥ 95 % busy in 3 of 5 s.',
    );
  });

  it('says nothing of the machine when the budget was met', () => {
    const table = budgetTable(journeyP95(21.5, [0.97, 0.99]), [p95Line]);

    expect(table).not.toContain('missed while');
  });

  it('says nothing of the machine when no second of it was sampled', () => {
    const table = budgetTable(journeyP95(57.8, []), [p95Line]);

    expect(table).not.toContain('missed while');
  });
});
