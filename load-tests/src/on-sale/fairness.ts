import type { FanOutcome, FanRecord } from './fan-lines';
import { shuffleBound, spearman } from './rank-correlation';

// Whether the on-sale's admissions were fair, from each fan's own record:
// (a) the pre-queue was shuffled: its admission order is unrelated to its arrival order
//     (Spearman's ρ within the shuffle bound; checked from 30 fans, below that it says nothing);
// (b) every pre-queue fan was admitted before any later arrival;
// (c) later arrivals were admitted in arrival order: of two whose joins did not overlap in time
//     (one answered before the other was sent), the first was admitted no later.

/** Below this many pre-queue fans, ρ is reported but not held to the bound. */
export const MIN_FANS_FOR_SHUFFLE_CHECK = 30;

export interface Fairness {
  fans: number;
  outcomes: Partial<Record<FanOutcome, number>>;
  preQueue: { fans: number; admitted: number };
  late: { fans: number; admitted: number };
  shuffle: { spearman: number | null; bound: number | null; checked: boolean };
  preQueueFirst: { lastPreQueueAdmittedAt: number | null; firstLateAdmittedAt: number | null };
  lateInOrder: { comparablePairs: number; pairsOutOfOrder: number };
  violations: string[];
}

type Admitted = FanRecord & { sentAt: number; answeredAt: number; admittedAt: number };

const isAdmitted = (fan: FanRecord): fan is Admitted =>
  fan.admittedAt !== undefined && fan.sentAt !== undefined && fan.answeredAt !== undefined;

function lateOutOfOrder(late: readonly Admitted[]): { comparable: number; outOfOrder: number } {
  let comparable = 0;
  let outOfOrder = 0;
  for (const first of late) {
    for (const then of late) {
      if (first.answeredAt >= then.sentAt) continue;
      comparable += 1;
      if (first.admittedAt > then.admittedAt) outOfOrder += 1;
    }
  }
  return { comparable, outOfOrder };
}

export function fairnessOf(fans: readonly FanRecord[]): Fairness {
  const outcomes: Fairness['outcomes'] = {};
  for (const fan of fans) outcomes[fan.outcome] = (outcomes[fan.outcome] ?? 0) + 1;
  const joined = fans.filter((fan) => fan.preQueue !== undefined);
  const early = joined.filter((fan) => fan.preQueue === true);
  const later = joined.filter((fan) => fan.preQueue === false);
  const earlyAdmitted = early.filter(isAdmitted);
  const lateAdmitted = later.filter(isAdmitted);
  const violations: string[] = [];

  const rho = spearman(
    earlyAdmitted.map((fan) => fan.sentAt),
    earlyAdmitted.map((fan) => fan.admittedAt),
  );
  const checked = earlyAdmitted.length >= MIN_FANS_FOR_SHUFFLE_CHECK;
  const bound = earlyAdmitted.length > 1 ? shuffleBound(earlyAdmitted.length) : undefined;
  if (checked && rho !== undefined && bound !== undefined && Math.abs(rho) > bound) {
    violations.push(
      `the pre-queue's admission order follows its arrival order: Spearman ρ ${rho.toFixed(3)}, ` +
        `beyond ±${bound.toFixed(3)} for ${earlyAdmitted.length} fans`,
    );
  }

  const lastEarly = earlyAdmitted.length
    ? Math.max(...earlyAdmitted.map((f) => f.admittedAt))
    : null;
  const firstLate = lateAdmitted.length ? Math.min(...lateAdmitted.map((f) => f.admittedAt)) : null;
  if (lastEarly !== null && firstLate !== null && firstLate < lastEarly) {
    const ahead = lateAdmitted.filter((fan) => fan.admittedAt < lastEarly).length;
    violations.push(`${ahead} later arrivals admitted before the last pre-queue fan`);
  }

  const { comparable, outOfOrder } = lateOutOfOrder(lateAdmitted);
  if (outOfOrder > 0) {
    violations.push(
      `${outOfOrder} of ${comparable} pairs of later arrivals admitted out of arrival order`,
    );
  }

  return {
    fans: fans.length,
    outcomes,
    preQueue: { fans: early.length, admitted: earlyAdmitted.length },
    late: { fans: later.length, admitted: lateAdmitted.length },
    shuffle: { spearman: rho ?? null, bound: bound ?? null, checked },
    preQueueFirst: { lastPreQueueAdmittedAt: lastEarly, firstLateAdmittedAt: firstLate },
    lateInOrder: { comparablePairs: comparable, pairsOutOfOrder: outOfOrder },
    violations,
  };
}
