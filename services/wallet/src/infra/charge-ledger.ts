import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { replayOf, type ChargeOutcome, type EarlierCharge } from '../domain/charge-outcome';

export interface Charge {
  userId: string;
  idempotencyKey: string;
  amount: number;
  /** From chargeFingerprint: what the key was first used for. */
  fingerprint: string;
}

/**
 * Credits a wallet once per Idempotency-Key: a CHARGE ledger entry (reference = the key) and the
 * balance move together in one transaction. Two requests racing with one key both credit, but
 * the unique (user, kind, reference) lets only the first entry in; the other rolls back and
 * answers from the entry that won.
 *
 * Straight on pg rather than through Prisma: charges and balance reads are the wallet's hot
 * path, and Prisma cost several times pg's CPU per query (see the README).
 */
export async function chargeWallet(pool: Pool, charge: Charge): Promise<ChargeOutcome> {
  const earlier = await chargeRecordedFor(pool, charge);
  if (earlier) return replayOf(earlier, charge.fingerprint);
  const balance = await inTransaction(pool, (client) => credit(client, charge));
  if (balance !== undefined) return { outcome: 'charged', balance };
  const winner = await chargeRecordedFor(pool, charge);
  if (!winner) throw new Error(`charge ${charge.idempotencyKey} conflicted but is not recorded`);
  return replayOf(winner, charge.fingerprint);
}

/** The new balance, or undefined (rolled back) when another request recorded the key first. */
async function credit(client: PoolClient, charge: Charge): Promise<number | undefined> {
  // One statement creates the wallet or adds to it, and keeps its row locked until commit, so
  // concurrent charges queue up instead of overwriting each other.
  const { rows } = await client.query<{ balance: string }>(
    `INSERT INTO wallets (user_id, balance, updated_at) VALUES ($1::uuid, $2::bigint, now())
     ON CONFLICT (user_id)
     DO UPDATE SET balance = wallets.balance + EXCLUDED.balance, updated_at = now()
     RETURNING balance`,
    [charge.userId, charge.amount],
  );
  const balance = rows[0]?.balance;
  if (balance === undefined) {
    throw new Error(`the wallet of ${charge.userId} was neither created nor updated`);
  }
  const recorded = await client.query(
    `INSERT INTO ledger_entries (id, user_id, kind, amount, reference, request_hash, balance_after)
     VALUES ($1::uuid, $2::uuid, 'CHARGE', $3::bigint, $4, $5, $6::bigint)
     ON CONFLICT (user_id, kind, reference) DO NOTHING`,
    [
      randomUUID(),
      charge.userId,
      charge.amount,
      charge.idempotencyKey,
      charge.fingerprint,
      balance,
    ],
  );
  return recorded.rowCount === 0 ? undefined : Number(balance);
}

/** Commits what `work` did unless it answered undefined or threw; then it rolls back. */
async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T | undefined>,
): Promise<T | undefined> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query(result === undefined ? 'ROLLBACK' : 'COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that could not even roll back is closed rather than handed out again.
    client.release(broken);
  }
}

async function chargeRecordedFor(pool: Pool, charge: Charge): Promise<EarlierCharge | undefined> {
  const { rows } = await pool.query<{ request_hash: string | null; balance_after: string }>(
    `SELECT request_hash, balance_after FROM ledger_entries
     WHERE user_id = $1::uuid AND kind = 'CHARGE' AND reference = $2`,
    [charge.userId, charge.idempotencyKey],
  );
  const entry = rows[0];
  return entry && { requestHash: entry.request_hash, balanceAfter: Number(entry.balance_after) };
}
