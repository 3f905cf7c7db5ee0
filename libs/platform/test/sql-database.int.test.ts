import { randomUUID } from 'node:crypto';
import { sqltag } from '@prisma/client/runtime/client';
import { Client, type Pool } from 'pg';
import { createPgPool, sqlDatabase, type SqlDatabase } from '../src/database/sql-database';
import { failureKindOf } from '../src/resilience/failure-kind';
import { createTestDatabase, type TestDatabase } from './support/test-database';

describe('when a service runs its SQL on pg', () => {
  let database: TestDatabase;
  let pool: Pool;
  let sql: SqlDatabase;
  const holderOf = async (id: string) =>
    (await database.prisma.ticket.findUnique({ where: { id } }))?.holder;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool(database.url, 4);
    sql = sqlDatabase(pool);
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('binds every value, nested fragments included, as a parameter', async () => {
    const id = randomUUID();
    const holder = "O'Brien'); DROP TABLE tickets; --";
    await sql.$executeRaw`INSERT INTO tickets (id, holder) VALUES (${id}::uuid, ${holder})`;
    const byHolder = sqltag`holder = ${holder}`;

    const found = await sql.$queryRaw<{ id: string }[]>`
      SELECT id FROM tickets WHERE id = ${id}::uuid AND ${byHolder}`;

    expect(found).toEqual([{ id }]);
    expect(await holderOf(id)).toBe(holder);
  });

  it('commits a transaction’s writes together, and none of them when its work throws', async () => {
    const [kept, dropped] = [randomUUID(), randomUUID()];
    const insert = (tx: Parameters<Parameters<SqlDatabase['$transaction']>[0]>[0], id: string) =>
      tx.$executeRaw`INSERT INTO tickets (id, holder) VALUES (${id}::uuid, 'fan')`;

    await sql.$transaction((tx) => insert(tx, kept));
    await expect(
      sql.$transaction(async (tx) => {
        await insert(tx, dropped);
        throw new Error('the work failed after its first write');
      }),
    ).rejects.toThrow('the work failed');

    expect(await holderOf(kept)).toBe('fan');
    expect(await holderOf(dropped)).toBeUndefined();
    // The failed transaction's connection went back to the pool usable, not mid-transaction.
    expect(await sql.$queryRaw`SELECT now() = statement_timestamp() AS outside`).toEqual([
      { outside: true },
    ]);
  });

  it('reads a timestamp without time zone as the UTC instant Prisma wrote, in any local zone', async () => {
    expect(new Date(0).getTimezoneOffset()).not.toBe(0); // see test/support/time-zone.js
    const id = randomUUID();
    const createdAt = new Date('2026-11-22T01:02:03.456Z');
    await database.prisma.ticket.create({ data: { id, holder: 'fan', createdAt } });

    const [row] = await sql.$queryRaw<{ created_at: Date }[]>`
      SELECT created_at FROM tickets WHERE id = ${id}::uuid`;

    expect(row?.created_at.toISOString()).toBe(createdAt.toISOString());
  });

  it('fails a transaction whose server ends the connection, and keeps serving after it', async () => {
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      const lost = await sql
        .$transaction(async (tx) => {
          const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          await admin.query('SELECT pg_terminate_backend($1)', [backend?.pid]);
          await new Promise((resolve) => setTimeout(resolve, 100));
          await tx.$queryRaw`SELECT 1`;
        })
        .catch((error: unknown) => error);

      expect(failureKindOf(lost)).toBe('transient');
      expect(await sql.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await admin.end();
    }
  });
});
