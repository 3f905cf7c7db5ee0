import { randomUUID } from 'node:crypto';
import { replayOf, type ChargeOutcome } from '../domain/charge-outcome';
import type { Prisma, PrismaClient } from '../generated/prisma/client';

export interface Charge {
  userId: string;
  idempotencyKey: string;
  amount: number;
  /** From chargeFingerprint: what the key was first used for. */
  fingerprint: string;
}

/** Rolls back a credit whose key another request recorded first. */
class KeyRecordedMeanwhile extends Error {}

/**
 * Credits a wallet once per Idempotency-Key: a CHARGE ledger entry (reference = the key) and the
 * balance move together in one transaction. Two requests racing with one key both credit, but
 * the unique (user, kind, reference) lets only the first entry in; the other rolls back and
 * answers from the entry that won.
 */
export async function chargeWallet(prisma: PrismaClient, charge: Charge): Promise<ChargeOutcome> {
  const earlier = await chargeRecordedFor(prisma, charge);
  if (earlier) return replayOf(earlier, charge.fingerprint);
  try {
    const balance = await prisma.$transaction((tx) => credit(tx, charge));
    return { outcome: 'charged', balance };
  } catch (error) {
    if (!(error instanceof KeyRecordedMeanwhile)) throw error;
  }
  const winner = await chargeRecordedFor(prisma, charge);
  if (!winner) throw new Error(`charge ${charge.idempotencyKey} conflicted but is not recorded`);
  return replayOf(winner, charge.fingerprint);
}

async function credit(tx: Prisma.TransactionClient, charge: Charge): Promise<number> {
  // One statement creates the wallet or adds to it, and keeps its row locked until commit, so
  // concurrent charges queue up instead of overwriting each other.
  const [wallet] = await tx.$queryRaw<{ balance: bigint }[]>`
    INSERT INTO wallets (user_id, balance, updated_at)
    VALUES (${charge.userId}::uuid, ${charge.amount}::bigint, now())
    ON CONFLICT (user_id)
    DO UPDATE SET balance = wallets.balance + EXCLUDED.balance, updated_at = now()
    RETURNING balance`;
  if (!wallet) throw new Error(`the wallet of ${charge.userId} was neither created nor updated`);

  const recorded = await tx.$executeRaw`
    INSERT INTO ledger_entries
      (id, user_id, kind, amount, reference, request_hash, balance_after)
    VALUES (${randomUUID()}::uuid, ${charge.userId}::uuid, 'CHARGE', ${charge.amount}::bigint,
      ${charge.idempotencyKey}, ${charge.fingerprint}, ${wallet.balance}::bigint)
    ON CONFLICT (user_id, kind, reference) DO NOTHING`;
  if (recorded === 0) throw new KeyRecordedMeanwhile();
  return Number(wallet.balance);
}

async function chargeRecordedFor(prisma: PrismaClient, charge: Charge) {
  const entry = await prisma.ledgerEntry.findUnique({
    where: {
      userId_kind_reference: {
        userId: charge.userId,
        kind: 'CHARGE',
        reference: charge.idempotencyKey,
      },
    },
    select: { requestHash: true, balanceAfter: true },
  });
  return entry && { requestHash: entry.requestHash, balanceAfter: Number(entry.balanceAfter) };
}
