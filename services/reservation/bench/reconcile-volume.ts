// What one reconciliation costs as sales pile up: fills fresh copies of the three databases with
// N consistent sales (a confirmed reservation, its completed payment, its debit, its sold seat)
// plus a few broken ones, then times `reconcileOnce` as `npm run reconcile` runs it. Run from
// services/reservation, with the templates migrated:
//   npx tsx bench/reconcile-volume.ts [sales]
import { createLogger } from '@headliner/platform';
import { createTestDatabase } from '@headliner/testing';
import { Client } from 'pg';
import { reconcileOnce } from '../src/use-cases/reconcile-once';

const sales = Number(process.argv[2] ?? 50_000);
// Deterministic ids: the i-th sale's rows in the three databases name each other.
const id = (what: string, i = 'i') => `md5('${what}' || ${i})::uuid`;
const hourAgo = `(now() AT TIME ZONE 'UTC') - interval '1 hour'`;

const fill: Record<'reservation' | 'wallet' | 'concert', string[]> = {
  reservation: [
    `INSERT INTO reservations (id, user_id, schedule_id, seat_id, price, status, expires_at, created_at, updated_at)
     SELECT ${id('r')}, ${id('u', 'i % 5000')}, ${id('s', 'i / 1000')}, ${id('seat')}, 50000,
       'CONFIRMED', now(), ${hourAgo}, ${hourAgo} FROM generate_series(1, $1) i`,
    `INSERT INTO payments (id, reservation_id, user_id, amount, status, balance_after, idempotency_key, request_hash, created_at, updated_at)
     SELECT ${id('p')}, ${id('r')}, ${id('u', 'i % 5000')}, 50000, 'COMPLETED', 0, 'key' || i, 'hash',
       ${hourAgo}, ${hourAgo} FROM generate_series(1, $1) i`,
  ],
  wallet: [
    `INSERT INTO wallets (user_id, balance, updated_at)
     SELECT ${id('u')}, 1000000, now() FROM generate_series(0, least($1, 5000) - 1) i`,
    `INSERT INTO ledger_entries (id, user_id, kind, amount, reference, payment_id, balance_after, created_at)
     SELECT ${id('d')}, ${id('u', 'i % 5000')}, 'DEBIT', 50000, ${id('r')}::text, ${id('p')}, 0,
       ${hourAgo} FROM generate_series(1, $1) i`,
    // Three sales the wallet lost the debit of.
    `DELETE FROM ledger_entries WHERE reference IN (SELECT ${id('r')}::text FROM generate_series(1, 3) i)`,
  ],
  concert: [
    `INSERT INTO concerts (id, title, artist, venue) VALUES (${id('c', "''")}, 'Volume', 'Bench', 'Hall')`,
    `INSERT INTO schedules (id, concert_id, starts_at, seat_count, available_seats)
     SELECT ${id('s')}, ${id('c', "''")}, now(), 1000, 0 FROM generate_series(0, $1 / 1000) i`,
    `INSERT INTO seats (id, schedule_id, number, price, status, reservation_id)
     SELECT ${id('seat')}, ${id('s', 'i / 1000')}, i, 50000, 'SOLD', ${id('r')}
     FROM generate_series(1, $1) i`,
    // Five sales the catalogue lost.
    `UPDATE seats SET status = 'AVAILABLE', reservation_id = NULL WHERE number IN (10, 20, 30, 40, 50)`,
  ],
};

async function main() {
  const databases = await Promise.all(
    (['reservation', 'wallet', 'concert'] as const).map(async (owner) => {
      const database = await createTestDatabase(`headliner_${owner}_template`);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      for (const statement of fill[owner]) {
        await client.query(statement, statement.includes('$1') ? [sales] : []);
      }
      await client.end();
      return database;
    }),
  );
  const [reservation, wallet, concert] = databases.map((database) => database.url) as [
    string,
    string,
    string,
  ];
  try {
    for (let run = 1; run <= 3; run += 1) {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const report = await reconcileOnce({
        urls: { reservation, wallet, concert },
        kafkaNamespace: '',
        graceSeconds: 300,
        paymentTimeoutSeconds: 60,
        repair: false,
        logger: createLogger({ service: 'bench', level: 'silent' }),
      });
      const { user, system } = process.cpuUsage(cpu);
      const found = report.ran ? report.mismatches.length : 'skipped';
      console.log(
        `${sales} sales, run ${run}: ${found} mismatches, ${Math.round(performance.now() - started)} ms, ` +
          `${Math.round((user + system) / 1000)} ms CPU, heap ${Math.round(process.memoryUsage().heapUsed / 2 ** 20)} MB, ` +
          `rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`,
      );
    }
  } finally {
    await Promise.all(databases.map((database) => database.drop()));
  }
}

void main();
