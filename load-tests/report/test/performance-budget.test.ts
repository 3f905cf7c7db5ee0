import { budgetTable } from '../comparison-tables';
import { resolveFigure } from '../our-figure';
import { performanceBudget, type BudgetLine } from '../performance-budget';
import { readRunFolder } from '../run-folder';
import { budgetVerdict } from '../verdict';
import { fixtureRunDir } from './fixture-run';
import { counter, runWith, summaryWith } from './run-builder';

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
      ['journey at 1,000 VUs: p95 per request, queue wait excluded', 'met'],
      ['journey at 1,000 VUs: no unexpected error', 'missed'],
      ['token spike at 3,000 VUs: p95', 'missed'],
      ['cached seat-map reads through the gateway', 'missed'],
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

describe('when the scenario behind a budget line did not run', () => {
  it('says not run rather than met or missed', () => {
    const spike = line('token spike');

    expect(budgetVerdict(spike, resolveFigure(runWith({}), spike.ours))).toEqual({
      outcome: 'not run',
      text: 'not run',
    });
  });
});
