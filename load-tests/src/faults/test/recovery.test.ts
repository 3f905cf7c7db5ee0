import { impactOf } from '../recovery';
import type { Second } from '../request-timeline';

const start = 1_800_000_000_000;
const second = (index: number, failed = 0, p95Ms = 20, booked = 2): Second => ({
  at: start + index * 1000,
  requests: 100,
  failed,
  p95Ms,
  booked,
});
/** 20 normal seconds, a fault from 20 to 30 in which every request fails, then `after`. */
const timelineWith = (after: Second[]) => [
  ...Array.from({ length: 20 }, (_, i) => second(i)),
  ...Array.from({ length: 10 }, (_, i) => second(20 + i, 100, 5, 0)),
  ...after,
];
const window = { injectedAt: start + 20_000, removedAt: start + 30_000 };

describe('when the fault is removed and the system serves normally at once', () => {
  it('counts no recovery time and every failed request of the fault', () => {
    const after = Array.from({ length: 10 }, (_, i) => second(30 + i));

    const impact = impactOf(timelineWith(after), window);

    expect(impact.recoverySeconds).toBe(0);
    expect(impact.failed).toBe(1000);
    expect(impact.bookedDuringFault).toBe(0);
    expect(impact.baseline).toEqual({ p95Ms: 20, failedPercent: 0 });
  });
});

describe('when errors and slowness linger after the removal', () => {
  it('recovers at the first of five normal seconds in a row', () => {
    const after = [
      second(30, 50),
      second(31, 0, 400),
      second(32),
      second(33, 5),
      ...Array.from({ length: 8 }, (_, i) => second(34 + i)),
    ];

    const impact = impactOf(timelineWith(after), window);

    expect(impact.recoverySeconds).toBe(4);
    expect(impact.failed).toBe(1000 + 50 + 5);
  });

  it('says so when the run ends before five normal seconds', () => {
    const after = [second(30), second(31), second(32), second(33, 2)];

    expect(impactOf(timelineWith(after), window).recoverySeconds).toBeUndefined();
  });
});
