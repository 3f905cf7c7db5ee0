import type { Logger } from '@headliner/platform';
import { Gauge, register, type Registry } from 'prom-client';
import type { Database } from './database';

/**
 * reservation_waitlist_fans, read from PostgreSQL at each scrape: every replica offers seats to
 * the same lists, so no one process could count them. A failed read keeps the last value rather
 * than fail the whole scrape.
 */
export function measureWaitlistSize(db: Database, logger: Logger, registry: Registry = register) {
  return new Gauge({
    name: 'reservation_waitlist_fans',
    help: 'Fans on the waiting lists of sold-out schedules, all schedules together',
    registers: [registry],
    async collect() {
      try {
        const [row] = await db.$queryRaw<{ fans: number }[]>`
          SELECT count(*)::int AS fans FROM waitlist_entries`;
        this.set(row?.fans ?? 0);
      } catch (error) {
        logger.warn({ err: error }, 'could not count the waiting lists for the metric');
      }
    },
  });
}
