import { Client } from 'pg';
import type { System } from '@headliner/system';

type Owner = Parameters<System['databaseUrl']>[0];

/**
 * Runs statements straight against one service's database: to read what no API shows, or to
 * change it as a fault or a bad hand would.
 */
export async function inDatabase(
  system: System,
  owner: Owner,
  ...statements: [string, unknown[]][]
) {
  const client = new Client({ connectionString: system.databaseUrl(owner) });
  await client.connect();
  try {
    const results = [];
    for (const [text, values] of statements) results.push((await client.query(text, values)).rows);
    return results;
  } finally {
    await client.end();
  }
}

/** The ledger kinds the wallet holds for a reservation, sorted. */
export async function ledgerKindsOf(system: System, reservationId: string): Promise<string[]> {
  const [rows] = await inDatabase(system, 'wallet', [
    'SELECT kind FROM ledger_entries WHERE reference = $1 ORDER BY kind',
    [reservationId],
  ]);
  return (rows as { kind: string }[]).map((row) => row.kind);
}
