import { Redis } from 'ioredis';
import { Pool } from 'pg';

// The one datastore round trip each path's service makes, and nothing around it: the bare chain's
// backend makes it before answering, keyed by the fan (its authorization header), so a path that
// touches a store pays the client library, the loopback and the store's own work as the real
// service does. The seat map has none: the gateway answers it from its cache.

export const roundTripKinds = [
  'none',
  /** The queue's token issue: one Lua script by its hash (ioredis sends EVALSHA). */
  'redis-script',
  /** The queue's poll: one GET. */
  'redis-get',
  /** The wallet's balance: one PostgreSQL read by primary key. */
  'pg-read',
  /** The hold: one short transaction with an insert. */
  'pg-insert',
  /** The hold's release: one delete of the fan's holds. */
  'pg-delete',
] as const;
export type RoundTripKind = (typeof roundTripKinds)[number];

export interface ChainStores {
  redisUrl: string;
  /** Where the balance table is made (the wallet's own database of the system under test). */
  walletDatabaseUrl: string;
  /** Where the hold table is made (the reservation service's own database). */
  reservationDatabaseUrl: string;
  /** In front of every Redis key of the chain, deleted when it closes. */
  keyPrefix: string;
}

export interface RoundTrips {
  run(kind: RoundTripKind, fan: string): Promise<unknown>;
  close(): Promise<void>;
}

// The pool size of a Prisma client on this 2-core machine (num_cpus × 2 + 1), as the services have.
const POOL_SIZE = 5;
const KEY_TTL_SECONDS = 3_600;

const readScript = "return redis.call('GET', KEYS[1])";

type ScriptedRedis = Redis & { chainRead(key: string): Promise<string | null> };

/** Makes the tables and keys the round trips read, one row and one key per fan, then serves them. */
export async function openRoundTrips(stores: ChainStores, fans: string[]): Promise<RoundTrips> {
  const redis = new Redis(stores.redisUrl) as ScriptedRedis;
  redis.defineCommand('chainRead', { lua: readScript, numberOfKeys: 1 });
  const key = (fan: string) => `${stores.keyPrefix}${fan}`;
  const wallet = new Pool({ connectionString: stores.walletDatabaseUrl, max: POOL_SIZE });
  const reservation = new Pool({ connectionString: stores.reservationDatabaseUrl, max: POOL_SIZE });

  await wallet.query(
    'CREATE TABLE IF NOT EXISTS bare_chain_wallet (fan text PRIMARY KEY, balance bigint NOT NULL)',
  );
  await wallet.query(
    'INSERT INTO bare_chain_wallet (fan, balance) SELECT unnest($1::text[]), 100000 ON CONFLICT DO NOTHING',
    [fans],
  );
  await reservation.query(
    'CREATE TABLE IF NOT EXISTS bare_chain_hold (id bigserial PRIMARY KEY, fan text NOT NULL, ' +
      'held_at timestamptz NOT NULL DEFAULT now())',
  );
  await reservation.query(
    'CREATE INDEX IF NOT EXISTS bare_chain_hold_fan ON bare_chain_hold (fan)',
  );
  const setting = redis.multi();
  for (const fan of fans) setting.set(key(fan), 'ACTIVE', 'EX', KEY_TTL_SECONDS);
  await setting.exec();

  const hold = async (fan: string) => {
    const client = await reservation.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO bare_chain_hold (fan) VALUES ($1)', [fan]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  const trips: Record<RoundTripKind, (fan: string) => Promise<unknown>> = {
    none: () => Promise.resolve(),
    'redis-script': (fan) => redis.chainRead(key(fan)),
    'redis-get': (fan) => redis.get(key(fan)),
    'pg-read': (fan) => wallet.query('SELECT balance FROM bare_chain_wallet WHERE fan = $1', [fan]),
    'pg-insert': hold,
    'pg-delete': (fan) => reservation.query('DELETE FROM bare_chain_hold WHERE fan = $1', [fan]),
  };

  return {
    run: (kind, fan) => trips[kind](fan),
    close: async () => {
      if (fans.length > 0) await redis.del(...fans.map(key));
      redis.disconnect();
      await Promise.all([wallet.end(), reservation.end()]);
    },
  };
}
