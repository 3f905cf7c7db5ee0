import { parseFanLines, type FanRecord } from '../on-sale/fan-lines';
import { fairnessOf } from '../on-sale/fairness';
import { ranks, shuffleBound, spearman } from '../on-sale/rank-correlation';
import { tokenPathOf } from '../on-sale/token-path';

// Fans as the on-sale script records them: join sent at `at`, answered 5 ms later.
const fan = (n: number, at: number, preQueue: boolean, admittedAt?: number): FanRecord => ({
  n,
  sentAt: at,
  answeredAt: at + 5,
  preQueue,
  ...(admittedAt !== undefined && { admittedAt }),
  outcome: admittedAt === undefined ? 'not-admitted' : 'bought',
});

/** A deterministic shuffle (a linear congruential generator), so the test never flickers. */
function shuffled(n: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = seed;
  for (let i = n - 1; i > 0; i -= 1) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

const opensAt = 100_000;
const preQueue = (n: number, order: number[]) =>
  order.map((place, i) => fan(i, i * 10, true, opensAt + place));
const later = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) =>
    fan(from + i, opensAt + 1000 + i * 100, false, opensAt + 5000 + i * 100),
  );

describe('rank correlation', () => {
  it('ranks ties by the mean of the places they share', () => {
    expect(ranks([30, 10, 20, 10])).toEqual([4, 1.5, 3, 1.5]);
  });

  it('is 1 for the same order, −1 for the reverse, undefined when one side is all ties', () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [40, 30, 20, 10])).toBeCloseTo(-1);
    expect(spearman([1, 2, 3], [7, 7, 7])).toBeUndefined();
  });

  it('bounds a fair shuffle of 2,700 fans within ±0.077', () => {
    expect(shuffleBound(2700)).toBeCloseTo(0.077, 3);
  });
});

describe('the fairness of an on-sale', () => {
  it('finds a shuffled pre-queue, admitted before later arrivals who keep their order, fair', () => {
    const fairness = fairnessOf([...preQueue(500, shuffled(500, 7)), ...later(500, 50)]);

    expect(fairness.violations).toEqual([]);
    expect(Math.abs(fairness.shuffle.spearman!)).toBeLessThan(fairness.shuffle.bound!);
    expect(fairness.shuffle.checked).toBe(true);
    expect(fairness.preQueue).toEqual({ fans: 500, admitted: 500 });
    expect(fairness.late).toEqual({ fans: 50, admitted: 50 });
    expect(fairness.lateInOrder).toEqual({ comparablePairs: (50 * 49) / 2, pairsOutOfOrder: 0 });
  });

  it('calls a pre-queue admitted in arrival order unshuffled', () => {
    const inArrivalOrder = Array.from({ length: 100 }, (_, i) => i);
    const fairness = fairnessOf(preQueue(100, inArrivalOrder));

    expect(fairness.shuffle.spearman).toBeCloseTo(1);
    expect(fairness.violations).toEqual([
      expect.stringContaining("the pre-queue's admission order follows its arrival order"),
    ]);
  });

  it('reports but does not judge the shuffle of fewer than 30 fans', () => {
    const fairness = fairnessOf(preQueue(5, [0, 1, 2, 3, 4]));

    expect(fairness.shuffle.checked).toBe(false);
    expect(fairness.violations).toEqual([]);
  });

  it('catches a later arrival admitted before a pre-queue fan', () => {
    const early = preQueue(40, shuffled(40, 3));
    const jumper = fan(40, opensAt + 500, false, opensAt + 10);

    expect(fairnessOf([...early, jumper]).violations).toEqual([
      '1 later arrivals admitted before the last pre-queue fan',
    ]);
  });

  it('catches later arrivals admitted out of order, but not two whose joins overlapped', () => {
    const first = fan(0, 1000, false, 9000);
    const overtaken = fan(1, 2000, false, 8000);
    const overlapping = { ...fan(2, 2003, false, 7000), answeredAt: 2010 };

    const fairness = fairnessOf([first, overtaken]);
    expect(fairness.lateInOrder).toEqual({ comparablePairs: 1, pairsOutOfOrder: 1 });
    expect(fairness.violations).toEqual([
      '1 of 1 pairs of later arrivals admitted out of arrival order',
    ]);
    // overtaken and overlapping joined at the same moment: the server may have seen either first.
    expect(fairnessOf([overtaken, overlapping]).lateInOrder.comparablePairs).toBe(0);
  });

  it('counts each outcome, and leaves fans who never joined out of the order', () => {
    const failed: FanRecord = { n: 9, outcome: 'failed' };
    const fairness = fairnessOf([fan(0, 0, true, opensAt), fan(1, 5, true), failed]);

    expect(fairness.outcomes).toEqual({ bought: 1, 'not-admitted': 1, failed: 1 });
    expect(fairness.preQueue).toEqual({ fans: 2, admitted: 1 });
  });
});

describe('the fans’ lines', () => {
  it('reads each `fan {json}` line and skips whatever else k6 printed', () => {
    const text = [
      'fan {"n":0,"outcome":"bought","preQueue":true,"sentAt":1,"answeredAt":2,"admittedAt":3}',
      'hold POST /api/v1/reservations: 409 {"type":"seat-taken"}',
      'fan {"n":1,"outcome":"sold-out"}',
      '',
    ].join('\n');

    expect(parseFanLines(text)).toEqual([
      { n: 0, outcome: 'bought', preQueue: true, sentAt: 1, answeredAt: 2, admittedAt: 3 },
      { n: 1, outcome: 'sold-out' },
    ]);
  });
});

describe('the token path against k6’s ceiling', () => {
  const metrics = {
    'http_reqs{step:challenge}': { values: { count: 3000, rate: 10 } },
    'http_reqs{step:token}': { values: { count: 3000, rate: 10 } },
    'http_reqs{step:queue_poll}': { values: { count: 24000, rate: 80 } },
    'http_reqs{step:seats}': { values: { count: 9000, rate: 30 } },
  };

  it('adds the challenge, the join and the polls, and divides by the ceiling', () => {
    expect(tokenPathOf(metrics, 2000)).toEqual({
      requests: { challenge: 3000, token: 3000, queue_poll: 24000 },
      total: 30000,
      perSecond: 100,
      ceilingPerSecond: 2000,
      ofCeiling: 0.05,
    });
  });

  it('gives no ratio when the ceiling was not measured', () => {
    expect(tokenPathOf(metrics, undefined)).toMatchObject({
      ceilingPerSecond: null,
      ofCeiling: null,
    });
  });
});
