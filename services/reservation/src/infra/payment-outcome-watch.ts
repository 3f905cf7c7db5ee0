import { wonOf } from '@headliner/contracts';
import type { Logger } from '@headliner/platform';
import {
  paymentOutcomeOf,
  type PaymentOutcome,
  type PaymentState,
} from '../domain/payment-outcome';
import type { Database } from './database';

export interface PaymentOutcomeWatch {
  /** The payment's outcome once the wallet's answer is recorded, or PENDING after `waitMs`. */
  outcomeOf(paymentId: string, waitMs: number): Promise<PaymentOutcome>;
  /** Its waiting requests answer at once, when this process has committed the answer. */
  settled(paymentId: string, outcome: PaymentOutcome): void;
}

export interface PaymentOutcomeWatchOptions {
  /** How often the payments still awaited are read, all in one query (default 100 ms). */
  pollIntervalMs?: number;
}

type Waiter = (outcome: PaymentOutcome) => void;

/** balance_after is BIGINT, which pg reads as text. */
type AnsweredPayment = Omit<PaymentState, 'balanceAfter'> & {
  id: string;
  balanceAfter: string | null;
};

/**
 * Requests waiting for the wallet's answers. An answer consumed by this process settles its
 * waiters the moment it commits, with no query. One read of all the payments still awaited, a
 * few times a second, catches the rest: answers consumed by another replica and payments the
 * sweep timed out. So a thousand waiting requests cost one query per tick, not one each.
 */
export function watchPaymentOutcomes(
  db: Database,
  logger: Logger,
  options: PaymentOutcomeWatchOptions = {},
): PaymentOutcomeWatch {
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const waiting = new Map<string, Set<Waiter>>();
  let polling: NodeJS.Timeout | undefined;

  const settled = (paymentId: string, outcome: PaymentOutcome) => {
    const waiters = waiting.get(paymentId);
    if (!waiters) return;
    waiting.delete(paymentId);
    for (const waiter of waiters) waiter(outcome);
  };

  // Unref'd: waiting requests keep the process alive, not the polling.
  const pollLater = () => setTimeout(() => void poll(), pollIntervalMs).unref();
  const poll = async () => {
    if (waiting.size > 0) await readAnswers();
    polling = waiting.size > 0 ? pollLater() : undefined;
  };
  const readAnswers = async () => {
    try {
      const answered = await db.$queryRaw<AnsweredPayment[]>`
        SELECT id, status, balance_after AS "balanceAfter", failure_reason AS "failureReason"
        FROM payments WHERE id = ANY(${[...waiting.keys()]}::uuid[]) AND status <> 'REQUESTED'`;
      for (const { id, balanceAfter, ...payment } of answered) {
        const state = {
          ...payment,
          balanceAfter: balanceAfter === null ? null : wonOf(balanceAfter),
        };
        settled(id, paymentOutcomeOf(state));
      }
    } catch (error) {
      logger.warn({ err: error }, 'could not read awaited payments; trying again');
    }
  };

  return {
    settled,
    outcomeOf: (paymentId, waitMs) =>
      new Promise((resolve) => {
        const waiter: Waiter = (outcome) => {
          clearTimeout(deadline);
          resolve(outcome);
        };
        const deadline = setTimeout(() => {
          const waiters = waiting.get(paymentId);
          waiters?.delete(waiter);
          if (waiters?.size === 0) waiting.delete(paymentId);
          resolve({ status: 'PENDING' });
        }, waitMs);
        waiting.set(paymentId, (waiting.get(paymentId) ?? new Set()).add(waiter));
        polling ??= pollLater();
      }),
  };
}
