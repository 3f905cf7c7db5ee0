import {
  createTestDatabase,
  createTestRedis,
  infraUrl,
  type TestDatabase,
} from '@headliner/testing';
import { Client } from 'pg';
import { openRoundTrips, type RoundTrips } from '../ceilings/chain-round-trips';

// The bare chain's round trips against a real PostgreSQL and Redis: each path's one read or write
// finds the fan's own row or key, and closing takes the chain's keys away again.

let database: TestDatabase;
let scratch: ReturnType<typeof createTestRedis>;
let trips: RoundTrips;
const fans = ['Bearer fan-1', 'Bearer fan-2'];

beforeAll(async () => {
  database = await createTestDatabase('headliner_wallet_template');
  scratch = createTestRedis();
  trips = await openRoundTrips(
    {
      redisUrl: infraUrl('REDIS_URL'),
      walletDatabaseUrl: database.url,
      reservationDatabaseUrl: database.url,
      keyPrefix: scratch.prefix,
    },
    fans,
  );
});

afterAll(async () => {
  await scratch.cleanup();
  await database.drop();
});

async function holdsOf(fan: string): Promise<number> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) FROM bare_chain_hold WHERE fan = $1',
      [fan],
    );
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe("the bare chain's round trips", () => {
  it("read the fan's own key by script and by GET, and the fan's own balance row", async () => {
    expect(await trips.run('redis-script', 'Bearer fan-1')).toBe('ACTIVE');
    expect(await trips.run('redis-get', 'Bearer fan-2')).toBe('ACTIVE');
    expect(await trips.run('redis-get', 'Bearer nobody')).toBeNull();
    const balance = (await trips.run('pg-read', 'Bearer fan-1')) as { rows: unknown[] };
    expect(balance.rows).toEqual([{ balance: '100000' }]);
  });

  it("hold in a transaction of its own and release the fan's holds", async () => {
    await Promise.all([
      trips.run('pg-insert', 'Bearer fan-1'),
      trips.run('pg-insert', 'Bearer fan-1'),
    ]);
    await trips.run('pg-insert', 'Bearer fan-2');
    expect(await holdsOf('Bearer fan-1')).toBe(2);
    await trips.run('pg-delete', 'Bearer fan-1');
    expect(await holdsOf('Bearer fan-1')).toBe(0);
    expect(await holdsOf('Bearer fan-2')).toBe(1);
  });

  it('delete their keys when closed', async () => {
    await trips.close();
    expect(await scratch.redis.keys(`${scratch.prefix}*`)).toEqual([]);
  });
});
