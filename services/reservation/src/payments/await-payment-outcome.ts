import { paymentOutcomeOf, type PaymentOutcome } from '../domain/payment-outcome';
import type { Database } from '../infra/database';

const firstPauseMs = 25;
const longestPauseMs = 100;

/**
 * Watches a payment until the wallet's answer is recorded or `waitMs` passed. Polling the row
 * works whichever replica consumes the answer; the pause grows so that a slow wallet does not
 * turn every waiting request into a stream of queries.
 */
export async function awaitPaymentOutcome(
  db: Database,
  paymentId: string,
  waitMs: number,
): Promise<PaymentOutcome> {
  const deadline = Date.now() + waitMs;
  let pauseMs = firstPauseMs;
  for (;;) {
    const payment = await db.payment.findUniqueOrThrow({
      where: { id: paymentId },
      select: { status: true, balanceAfter: true, failureReason: true },
    });
    const outcome = paymentOutcomeOf(payment);
    const left = deadline - Date.now();
    if (outcome.status !== 'PENDING' || left <= 0) return outcome;
    await new Promise((resolve) => setTimeout(resolve, Math.min(pauseMs, left)));
    pauseMs = Math.min(pauseMs * 2, longestPauseMs);
  }
}
