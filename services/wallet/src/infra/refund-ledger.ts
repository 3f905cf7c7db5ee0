import { randomUUID } from 'node:crypto';
import type { PaymentCancelledPayload } from '@headliner/contracts';
import type { Prisma } from '../generated/prisma/client';

/** What cancelling a payment did to the wallet. */
export type Refund =
  { result: 'refunded'; amount: bigint; balanceAfter: bigint } | { result: 'not_debited' };

/**
 * Gives back what the reservation's debit took, if it was debited: a REFUND ledger entry (its
 * unique (user, kind, reference = reservation) lets a reservation be refunded once) and the
 * balance move together. The caller has locked the wallet, so no debit can land meanwhile.
 */
export async function refundDebit(
  tx: Prisma.TransactionClient,
  cancellation: PaymentCancelledPayload,
): Promise<Refund> {
  const { userId, reservationId } = cancellation;
  const debit = await tx.ledgerEntry.findUnique({
    where: { userId_kind_reference: { userId, kind: 'DEBIT', reference: reservationId } },
    select: { amount: true, paymentId: true },
  });
  if (!debit) return { result: 'not_debited' };

  const [wallet] = await tx.$queryRaw<{ balance: bigint }[]>`
    UPDATE wallets SET balance = balance + ${debit.amount}::bigint, updated_at = now()
    WHERE user_id = ${userId}::uuid
    RETURNING balance`;
  if (!wallet) throw new Error(`the wallet of ${userId} has a debit but no row`);
  await tx.ledgerEntry.create({
    data: {
      id: randomUUID(),
      userId,
      kind: 'REFUND',
      amount: debit.amount,
      reference: reservationId,
      paymentId: debit.paymentId,
      balanceAfter: wallet.balance,
    },
  });
  return { result: 'refunded', amount: debit.amount, balanceAfter: wallet.balance };
}
