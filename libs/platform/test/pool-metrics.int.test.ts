import { infraUrl } from '@headliner/testing';
import type { Pool, PoolClient } from 'pg';
import { register } from 'prom-client';
import { createPgPool } from '../src/database/sql-database';

async function gauge(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = await register.getSingleMetric(name)?.get();
  const matches = (value: { labels: Record<string, unknown> }) =>
    Object.entries(labels).every(([key, wanted]) => value.labels[key] === wanted);
  return metric?.values.find(matches)?.value;
}

describe('when a service’s pg pool is scraped', () => {
  let pool: Pool;
  const held: PoolClient[] = [];

  beforeAll(() => {
    pool = createPgPool(infraUrl('POSTGRES_URL'), 2, { name: 'pool-under-test' });
  });
  afterAll(async () => {
    for (const client of held.splice(0)) client.release();
    await pool.end();
  });

  it('counts a connection in use while a transaction holds it, and idle once it is released', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');

    expect(await gauge('pg_pool_connections', { pool: 'pool-under-test', state: 'in_use' })).toBe(
      1,
    );
    expect(await gauge('pg_pool_max_connections', { pool: 'pool-under-test' })).toBe(2);

    await client.query('COMMIT');
    client.release();
    expect(await gauge('pg_pool_connections', { pool: 'pool-under-test', state: 'in_use' })).toBe(
      0,
    );
    expect(await gauge('pg_pool_connections', { pool: 'pool-under-test', state: 'idle' })).toBe(1);
  });

  it('counts the callers waiting once every connection is in use', async () => {
    held.push(await pool.connect(), await pool.connect());
    const waiting = pool.connect();

    expect(await gauge('pg_pool_waiting_requests', { pool: 'pool-under-test' })).toBe(1);

    held.shift()?.release();
    held.push(await waiting);
    expect(await gauge('pg_pool_waiting_requests', { pool: 'pool-under-test' })).toBe(0);
    expect(await gauge('pg_pool_connections', { pool: 'pool-under-test', state: 'in_use' })).toBe(
      2,
    );
  });

  it('drops the pool’s series once it ends', async () => {
    const ending = createPgPool(infraUrl('POSTGRES_URL'), 1, { name: 'pool-that-ends' });
    expect(await gauge('pg_pool_max_connections', { pool: 'pool-that-ends' })).toBe(1);

    await ending.end();
    expect(await gauge('pg_pool_max_connections', { pool: 'pool-that-ends' })).toBeUndefined();
  });
});
