import { randomUUID } from 'node:crypto';
import { wonOf } from '@headliner/contracts';
import type { SqlDatabase, SqlStatements, SqlTransaction } from '@headliner/platform/database';
import { replayOf, type ChargeOutcome, type EarlierCharge } from '../domain/charge-outcome';
import { chargedToday } from '../infra/daily-charges';
import { balanceOf } from '../infra/wallet-balance';
import { lockOrOpenWallet } from '../infra/wallet-lock';

export interface Charge {
  userId: string;
  idempotencyKey: string;
  amount: number;
  /** From chargeFingerprint: what the key was first used for. */
  fingerprint: string;
  /** MAX_BALANCE_WON: a charge that would take the balance past it is refused. */
  maxBalance: number;
  /** WALLET_DAILY_CHARGE_CAP_WON: what the user's charges of one day may add up to. */
  dailyCap: number;
}

/**
 * Credits a wallet once per Idempotency-Key: a CHARGE ledger entry (reference = the key) and the
 * balance move together in one transaction. Two requests racing with one key both credit, but
 * the unique (user, kind, reference) lets only the first entry in; the other rolls back and
 * answers from the entry that won. A charge that would take the balance past its maximum writes
 * nothing and answers over_maximum; one that would take the day's charges past the daily cap
 * writes nothing and answers over_daily_cap. Every charge of a user first locks their wallet row,
 * so concurrent charges are summed one after the other and two cannot both squeeze under the cap.
 *
 * On pg rather than through Prisma's client: charges and balance reads are the wallet's hot
 * path, and Prisma cost several times pg's CPU per query (see the README).
 */
export async function chargeWallet(db: SqlDatabase, charge: Charge): Promise<ChargeOutcome> {
  const earlier = await chargeRecordedFor(db, charge);
  if (earlier) return replayOf(earlier, charge.fingerprint);
  try {
    return await db.$transaction((tx) => credit(tx, charge));
  } catch (error) {
    if (error instanceof OverDailyCap) return error.outcome;
    if (!(error instanceof KeyRecordedMeanwhile)) throw error;
  }
  const winner = await chargeRecordedFor(db, charge);
  if (!winner) throw new Error(`charge ${charge.idempotencyKey} conflicted but is not recorded`);
  return replayOf(winner, charge.fingerprint);
}

/** Thrown to roll a credit back: another request recorded the same key first. */
class KeyRecordedMeanwhile extends Error {}

/** Thrown to roll back the wallet row the lock may have opened: the charge passes the cap. */
class OverDailyCap extends Error {
  constructor(readonly outcome: ChargeOutcome) {
    super('over the daily charge cap');
  }
}

async function credit(tx: SqlTransaction, charge: Charge): Promise<ChargeOutcome> {
  await lockOrOpenWallet(tx, charge.userId);
  // A retry of this key that waited on the lock answers as the first did, never as over the cap.
  if (await chargeRecordedFor(tx, charge)) throw new KeyRecordedMeanwhile();
  const today = await chargedToday(tx, charge.userId);
  if (today.charged + charge.amount > charge.dailyCap) {
    throw new OverDailyCap({ outcome: 'over_daily_cap', ...today });
  }
  // The row is locked until commit, so concurrent charges queue up instead of overwriting each
  // other; the sum is taken in SQL, as BIGINT, and no row comes back when it would pass the maximum.
  const [wallet] = await tx.$queryRaw<{ balance: string }[]>`
    INSERT INTO wallets (user_id, balance, updated_at)
    SELECT ${charge.userId}::uuid, ${charge.amount}::bigint, now()
    WHERE ${charge.amount}::bigint <= ${charge.maxBalance}::bigint
    ON CONFLICT (user_id)
    DO UPDATE SET balance = wallets.balance + EXCLUDED.balance, updated_at = now()
    WHERE wallets.balance + EXCLUDED.balance <= ${charge.maxBalance}::bigint
    RETURNING balance`;
  if (!wallet) return { outcome: 'over_maximum', balance: await balanceOf(tx, charge.userId) };
  const recorded = await tx.$executeRaw`
    INSERT INTO ledger_entries (id, user_id, kind, amount, reference, request_hash, balance_after,
      created_at)
    VALUES (${randomUUID()}::uuid, ${charge.userId}::uuid, 'CHARGE', ${charge.amount}::bigint,
      ${charge.idempotencyKey}, ${charge.fingerprint}, ${wallet.balance}::bigint,
      now() AT TIME ZONE 'UTC')
    ON CONFLICT (user_id, kind, reference) DO NOTHING`;
  if (recorded === 0) throw new KeyRecordedMeanwhile();
  return { outcome: 'charged', balance: wonOf(wallet.balance) };
}

async function chargeRecordedFor(
  db: SqlStatements,
  charge: Charge,
): Promise<EarlierCharge | undefined> {
  const [entry] = await db.$queryRaw<{ request_hash: string | null; balance_after: string }[]>`
    SELECT request_hash, balance_after FROM ledger_entries
    WHERE user_id = ${charge.userId}::uuid AND kind = 'CHARGE'
      AND reference = ${charge.idempotencyKey}`;
  return entry && { requestHash: entry.request_hash, balanceAfter: wonOf(entry.balance_after) };
}
