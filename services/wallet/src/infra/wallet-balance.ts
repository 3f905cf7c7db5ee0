import type { Pool } from 'pg';

/** A user who never charged has no wallet row yet, and a balance of 0. */
export async function balanceOf(pool: Pool, userId: string): Promise<number> {
  const { rows } = await pool.query<{ balance: string }>(
    'SELECT balance FROM wallets WHERE user_id = $1::uuid',
    [userId],
  );
  return Number(rows[0]?.balance ?? 0);
}
