import { randomUUID } from 'node:crypto';
import type { PaymentRequestedPayload } from '@headliner/contracts';
import type { Debit } from '../domain/payment-outcome';
import type { Prisma } from '../generated/prisma/client';

/** A reservation is debited at most once: its DEBIT entry is unique per (user, reference). */
export async function isDebited(
  tx: Prisma.TransactionClient,
  payment: PaymentRequestedPayload,
): Promise<boolean> {
  const entry = await tx.ledgerEntry.findUnique({
    where: {
      userId_kind_reference: {
        userId: payment.userId,
        kind: 'DEBIT',
        reference: payment.reservationId,
      },
    },
    select: { id: true },
  });
  return entry !== null;
}

/**
 * Takes the payment's amount if the balance covers it, in one conditional UPDATE: concurrent
 * debits of one wallet queue on its row and each re-checks the balance it finds, so none can
 * overdraw it. The DEBIT entry's unique reference turns a racing second debit of the same
 * reservation into an error that rolls its transaction back.
 */
export async function debitWallet(
  tx: Prisma.TransactionClient,
  payment: PaymentRequestedPayload,
): Promise<Debit> {
  const [wallet] = await tx.$queryRaw<{ balance: bigint }[]>`
    UPDATE wallets SET balance = balance - ${payment.amount}::bigint, updated_at = now()
    WHERE user_id = ${payment.userId}::uuid AND balance >= ${payment.amount}::bigint
    RETURNING balance`;
  if (!wallet) {
    const found = await tx.wallet.count({ where: { userId: payment.userId } });
    return { result: 'refused', walletExists: found > 0 };
  }
  await tx.ledgerEntry.create({
    data: {
      id: randomUUID(),
      userId: payment.userId,
      kind: 'DEBIT',
      amount: BigInt(payment.amount),
      reference: payment.reservationId,
      paymentId: payment.paymentId,
      balanceAfter: wallet.balance,
    },
  });
  return { result: 'debited', balanceAfter: Number(wallet.balance) };
}
