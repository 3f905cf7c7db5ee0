import {
  partitionKeyOf,
  PAYMENT_COMPLETED,
  type PaymentRequestedPayload,
} from '@headliner/contracts';
import { appendToOutbox } from '@headliner/platform';
import { paymentOutcome } from '../domain/payment-outcome';
import type { Prisma } from '../generated/prisma/client';
import { debitWallet, isDebited } from '../infra/debit-ledger';
import { debits } from '../wallet-metrics';
import type { WalletTopics } from './wallet-topics';

/**
 * Debits the wallet for a payment request and records the outcome event, all in the caller's
 * (the inbox's) transaction. A reservation already debited, whatever event asked for it, is
 * left alone and answered by nothing: its outcome went out the first time.
 */
export async function settlePayment(
  tx: Prisma.TransactionClient,
  request: PaymentRequestedPayload,
  topics: WalletTopics,
): Promise<void> {
  // Counted before commit: a rolled-back attempt that is retried counts twice, which a rate
  // metric tolerates; the ledger, not this counter, is the record.
  if (await isDebited(tx, request)) {
    debits.inc({ outcome: 'already_debited' });
    return;
  }
  const outcome = paymentOutcome(request, await debitWallet(tx, request));
  const completed = outcome.type === PAYMENT_COMPLETED;
  await appendToOutbox(tx, {
    eventId: outcome.eventId,
    topic: completed ? topics.paymentCompleted : topics.paymentFailed,
    key: partitionKeyOf(outcome),
    value: outcome,
  });
  debits.inc({ outcome: completed ? 'completed' : outcome.payload.reason.toLowerCase() });
}
