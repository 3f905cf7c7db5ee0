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
 * Takes the payment's amount from a wallet the caller has locked (lockWallet) if the balance
 * covers it, in one conditional UPDATE, so no debit can overdraw it. The DEBIT entry's unique
 * reference turns a racing second debit of the same reservation into an error that rolls its
 * transaction back.
 */
export async function debitWallet(
  tx: Prisma.TransactionClient,
  payment: PaymentRequestedPayload,
): Promise<Debit> {
  const [wallet] = await tx.$queryRaw<{ balance: bigint }[]>`
    UPDATE wallets SET balance = balance - ${payment.amount}::bigint, updated_at = now()
    WHERE user_id = ${payment.userId}::uuid AND balance >= ${payment.amount}::bigint
    RETURNING balance`;
  if (!wallet) return { result: 'refused', walletExists: true };
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
