import { topics } from '@headliner/contracts';
import { roleOf } from '@headliner/system';
import { replayDlq } from './dlq-replay';
import { inTransaction } from './in-transaction';
import type { Injector } from './injector';

// What the catalogue consumes: each reservation event moves a seat it shows.
const concertTopics = Object.values(topics)
  .filter((topic) => (topic.consumers as readonly string[]).includes('concert'))
  .map((topic) => topic.name);

// Dead letters being written as the grant lands reach the DLQ before it is read.
const settleMs = 2000;

/**
 * Events that fail for good, for a real cause: the concert service's role loses UPDATE on its
 * seat table, so each reservation event it consumes fails with insufficient_privilege (a
 * permanent failure) and goes to its DLQ; seat maps fall behind the bookings meanwhile. Removal
 * grants the privilege back and replays those DLQs with the DLQ tool: the catalogue's inbox
 * and its seat versions apply each event once and in effect in order, so the seats agree with
 * the reservations again. Both steps can run twice.
 */
export function revokedSeatWrites(): Injector {
  const role = roleOf('concert');
  return {
    inject: (system) =>
      inTransaction(system.databaseUrl('concert'), [`REVOKE UPDATE ON seats FROM ${role}`]),
    remove: async (system) => {
      await inTransaction(system.databaseUrl('concert'), [`GRANT UPDATE ON seats TO ${role}`]);
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const replays = await Promise.all(concertTopics.map((topic) => replayDlq(system, topic)));
      for (const said of replays) console.log(said.replace(/^/gm, '   '));
    },
  };
}
