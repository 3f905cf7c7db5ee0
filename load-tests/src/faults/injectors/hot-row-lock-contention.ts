import { Client } from 'pg';
import type { Injector } from './injector';
import { repeatUntilStopped, type RepeatingTask } from './repeat-until-stopped';

export interface HotRowLocks {
  /** Sessions taking the locks in turn (a second one queues behind the first, as a fan would). */
  sessions: number;
  /** How long each session keeps the rows locked before it commits. */
  holdMs: number;
}

// The rows a booking fights over: each live hold's reservation, which paying locks FOR UPDATE
// (request-payment.ts) and the wallet's answer and the expiry job update.
const lockHotRows = `SELECT id FROM reservations WHERE status = 'HELD' FOR UPDATE`;

/**
 * Lock contention on the sale's hot rows in the reservation's database: `sessions` connections,
 * each in a loop, lock every live hold FOR UPDATE and keep the lock `holdMs` before committing.
 * Removal closes the connections, which ends their transactions and frees the rows at once; if
 * the drill hangs instead, PostgreSQL ends an idle transaction after a few seconds by itself.
 */
export function hotRowLocks({ sessions, holdMs }: HotRowLocks): Injector {
  let loops: RepeatingTask[] = [];
  let clients: Client[] = [];
  return {
    inject: async (system) => {
      if (clients.length > 0) return;
      clients = Array.from(
        { length: sessions },
        () =>
          new Client({
            connectionString: system.databaseUrl('reservation'),
            application_name: 'headliner-drill-hot-row-locks',
          }),
      );
      await Promise.all(
        clients.map(async (client) => {
          // A session the server ends (a restart, its idle timeout) must not end the drill: the
          // loop's next query fails and says so.
          client.on('error', () => undefined);
          await client.connect();
          await client.query(
            `SET idle_in_transaction_session_timeout = '${holdMs + idleGraceMs}ms'`,
          );
        }),
      );
      loops = clients.map((client, index) => {
        // Staggered, so one session takes the rows as another lets them go.
        let startsIn = (holdMs * index) / sessions;
        return repeatUntilStopped(async (pause) => {
          await pause(startsIn);
          startsIn = 0;
          await client.query('BEGIN');
          await client.query(lockHotRows);
          await pause(holdMs);
          await client.query('COMMIT');
        });
      });
    },
    remove: async () => {
      const stopping = loops.map((loop) => loop.stop());
      // Closing the connections ends a session waiting for the rows or sitting on them at once.
      await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
      await Promise.all(stopping);
      clients = [];
      loops = [];
    },
  };
}

const idleGraceMs = 3000;
