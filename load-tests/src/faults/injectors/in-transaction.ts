import { Client } from 'pg';

/** Runs `statements` in one transaction on `url` (as the superuser the System hands out). */
export async function inTransaction(url: string, statements: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: url, application_name: 'headliner-drill' });
  await client.connect();
  try {
    await client.query('BEGIN');
    for (const statement of statements) await client.query(statement);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
