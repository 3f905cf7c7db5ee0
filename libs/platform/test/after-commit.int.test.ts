import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { createPgPool, sqlDatabase, type SqlDatabase } from '../src/database/sql-database';
import { captureLogs, type CapturedLogs } from './support/captured-logs';
import { createTestDatabase, type TestDatabase } from './support/test-database';

describe('when a transaction has work to do after it commits', () => {
  let database: TestDatabase;
  let pool: Pool;
  let db: SqlDatabase;
  let logs: CapturedLogs;

  /** Whether another connection sees the ticket: only once its transaction committed. */
  const committedTicket = async (id: string) =>
    (await database.prisma.ticket.count({ where: { id } })) === 1;
  const issue =
    (id: string) =>
    ({ $executeRaw }: Pick<SqlDatabase, '$executeRaw'>) =>
      $executeRaw`INSERT INTO tickets (id, holder) VALUES (${id}::uuid, 'fan')`;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPgPool(database.url, 4);
    logs = captureLogs();
    db = sqlDatabase(pool, { logger: logs.logger });
  });
  afterAll(async () => {
    await pool?.end();
    await database?.drop();
  });

  it('runs it once the transaction committed, before $transaction returns', async () => {
    const id = randomUUID();
    const seen: boolean[] = [];
    const result = await db.$transaction(async (tx) => {
      await issue(id)(tx);
      tx.afterCommit(async () => seen.push(await committedTicket(id)));
      seen.push(await committedTicket(id));
      return 'issued';
    });
    expect(result).toBe('issued');
    expect(seen).toEqual([false, true]);
  });

  it('never runs it when the transaction rolls back', async () => {
    const id = randomUUID();
    let ran = false;
    await expect(
      db.$transaction(async (tx) => {
        await issue(id)(tx);
        tx.afterCommit(() => (ran = true));
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(ran).toBe(false);
    expect(await committedTicket(id)).toBe(false);
  });

  it('logs a failure rather than throw it, and still runs the work after it', async () => {
    const id = randomUUID();
    const ran: string[] = [];
    await db.$transaction(async (tx) => {
      await issue(id)(tx);
      tx.afterCommit(() => {
        throw new Error('cache away');
      });
      tx.afterCommit(() => ran.push('second'));
    });
    expect(ran).toEqual(['second']);
    expect(await committedTicket(id)).toBe(true);
    const failure = logs.lines.find((line) => line.msg?.toString().includes('after commit'));
    expect(failure).toMatchObject({ level: 'error', err: { message: 'cache away' } });
  });
});
