import type { OnSaleFigures } from '../../src/on-sale/on-sale-figures';
import type { SummaryMetric } from '../k6-summary';
import type { ScenarioRun } from '../run-folder';
import { scenarioSection } from '../scenario-section';
import { runWith, summaryWith, trend } from './run-builder';

const gauge = (value: number): SummaryMetric => ({
  type: 'gauge',
  contains: 'default',
  values: { value, min: value, max: value },
});

const figures = (violations: string[] = []): OnSaleFigures => ({
  fairness: {
    fans: 3000,
    outcomes: { bought: 300, 'sold-out': 2700 },
    preQueue: { fans: 2700, admitted: 2700 },
    late: { fans: 300, admitted: 300 },
    shuffle: { spearman: 0.0123, bound: 0.077, checked: true },
    preQueueFirst: { lastPreQueueAdmittedAt: 10_000, firstLateAdmittedAt: 12_500 },
    lateInOrder: { comparablePairs: 44_850, pairsOutOfOrder: 0 },
    violations,
  },
  tokenPath: {
    requests: { challenge: 3000, token: 3000, queue_poll: 21000 },
    total: 27000,
    perSecond: 150,
    ceilingPerSecond: 2400,
    ofCeiling: 0.0625,
  },
});

const onSaleRun = (onSale: OnSaleFigures): ScenarioRun =>
  runWith({
    'on-sale': {
      onSale,
      summary: summaryWith({
        challenge_response_time: trend({ 'p(95)': 12 }),
        token_response_time: trend({ 'p(95)': 20 }),
        queue_poll_response_time: trend({ 'p(95)': 8 }),
        seat_response_time: trend({ 'p(95)': 150 }),
        book_response_time: trend({ 'p(95)': 240 }),
        pay_response_time: trend({ 'p(95)': 700 }),
        on_sale_seats_sold: gauge(300),
        on_sale_seats_short: gauge(0),
      }),
    },
  }).scenarios[0] as ScenarioRun;

describe("an on-sale's section of the report", () => {
  it('gives p95 per step of a fan and the seats sold', () => {
    const section = scenarioSection(onSaleRun(figures()));

    expect(section).toContain(
      '| challenge p95 | join p95 | poll p95 | seat map p95 | hold p95 | pay p95 |',
    );
    expect(section).toContain('| 12.0 ms | 20.0 ms | 8.0 ms | 150 ms | 240 ms | 700 ms |');
    expect(section).toContain(
      'Seats sold: 300 (all it could sell). Fans: bought 300, sold-out 2,700.',
    );
  });

  it("gives the token path's volume as a share of k6's ceiling measured in the run", () => {
    expect(scenarioSection(onSaleRun(figures()))).toContain(
      'Token path: 27,000 requests (challenge 3,000, join 3,000, polls 21,000), 150 req/s over the ' +
        "run: 6.25 % of k6's own ceiling in this run (2,400 req/s",
    );
  });

  it('states each fairness figure, and any unfairness found', () => {
    const fair = scenarioSection(onSaleRun(figures()));
    expect(fair).toContain('Spearman ρ 0.012, bound ±0.077');
    expect(fair).toContain('last pre-queue fan admitted 2.50 s before the first later arrival');
    expect(fair).toContain('0 of 44,850 pairs whose joins did not overlap admitted out of order');
    expect(fair).not.toContain('Unfair');

    const oneStep = figures();
    oneStep.fairness.preQueueFirst.firstLateAdmittedAt = 10_000;
    expect(scenarioSection(onSaleRun(oneStep))).toContain(
      'the last pre-queue fan and the first later arrival admitted in the same millisecond',
    );

    const unfair = scenarioSection(onSaleRun(figures(['3 later arrivals admitted early'])));
    expect(unfair).toContain('**Unfair:** 3 later arrivals admitted early.');
  });
});
