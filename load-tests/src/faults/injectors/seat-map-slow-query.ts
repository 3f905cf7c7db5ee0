import { inTransaction } from './in-transaction';
import type { Injector } from './injector';

const policies = {
  slowReads: 'headliner_drill_slow_reads',
  inserts: 'headliner_drill_inserts',
  updates: 'headliner_drill_updates',
  deletes: 'headliner_drill_deletes',
};

/**
 * The catalogue's seat table slow inside PostgreSQL: a row-level-security policy, forced on the
 * table's owner (the concert service's role), makes every statement that reads seats sleep
 * `sleepSeconds` first. The sleep is an uncorrelated subquery, so PostgreSQL runs it once per
 * statement, not per row. Writes get policies that let everything through: with RLS on, a
 * command without a permissive policy would be refused instead of slowed. Removal drops the
 * policies and turns RLS off again, as the table was.
 */
export function slowSeatReads(sleepSeconds: number): Injector {
  return {
    inject: (system) =>
      inTransaction(system.databaseUrl('concert'), [
        ...dropPolicies,
        `CREATE POLICY ${policies.slowReads} ON seats FOR SELECT
           USING ((SELECT true FROM pg_sleep(${Number(sleepSeconds)})))`,
        `CREATE POLICY ${policies.inserts} ON seats FOR INSERT WITH CHECK (true)`,
        `CREATE POLICY ${policies.updates} ON seats FOR UPDATE USING (true) WITH CHECK (true)`,
        `CREATE POLICY ${policies.deletes} ON seats FOR DELETE USING (true)`,
        'ALTER TABLE seats ENABLE ROW LEVEL SECURITY',
        'ALTER TABLE seats FORCE ROW LEVEL SECURITY',
      ]),
    remove: (system) =>
      inTransaction(system.databaseUrl('concert'), [
        'ALTER TABLE seats NO FORCE ROW LEVEL SECURITY',
        'ALTER TABLE seats DISABLE ROW LEVEL SECURITY',
        ...dropPolicies,
      ]),
  };
}

const dropPolicies = Object.values(policies).map(
  (name) => `DROP POLICY IF EXISTS ${name} ON seats`,
);
