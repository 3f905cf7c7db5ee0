import type { SeedResult } from '@headliner/concert/seed';
import type { SeededUser } from '@headliner/gateway/seed';

// Demo and load-test data through each service's own seeding module (its package's /seed
// export), for `npm run seed` and the load tests alike.

export interface SeedPlan {
  users: number;
  concerts: number;
  schedulesPerConcert: number;
  seatsPerSchedule: number;
  /** Won, every seat. */
  price: number;
  /** Won in each new wallet. */
  balance: number;
  password: string;
  /** scrypt N and p of the users' shared password hash (p: 1 when unset). */
  scryptCost: number;
  scryptParallelism?: number;
}

export interface Seeded {
  catalogue: SeedResult;
  users: SeededUser[];
  /** Wallets made now; a user who had one keeps it. */
  wallets: number;
}

export type SeededDatabaseUrl = (service: 'gateway' | 'concert' | 'wallet') => string;

interface Disconnecting {
  $disconnect(): Promise<void>;
}

async function using<D extends Disconnecting, T>(db: D, work: (db: D) => Promise<T>): Promise<T> {
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

/**
 * The catalogue while it is empty, users user1…userN unless they exist, and a wallet for each
 * that has none.
 */
export async function seedSystem(databaseUrl: SeededDatabaseUrl, plan: SeedPlan): Promise<Seeded> {
  // Loaded on use: each loads its service's Prisma client, which the launcher never needs.
  const [concert, gateway, wallet] = await Promise.all([
    import('@headliner/concert/seed'),
    import('@headliner/gateway/seed'),
    import('@headliner/wallet/seed'),
  ]);
  const catalogue = await using(concert.createPrisma(databaseUrl('concert')), (db) =>
    concert.seedCatalogue(db, {
      concerts: plan.concerts,
      schedulesPerConcert: plan.schedulesPerConcert,
      seatsPerSchedule: plan.seatsPerSchedule,
      price: plan.price,
    }),
  );
  const users = await using(gateway.createPrisma(databaseUrl('gateway')), (db) =>
    gateway.seedUsers(db, {
      count: plan.users,
      password: plan.password,
      hashing: { cost: plan.scryptCost, parallelism: plan.scryptParallelism ?? 1 },
    }),
  );
  const wallets = await using(wallet.createPrisma(databaseUrl('wallet')), (db) =>
    wallet.seedWallets(db, { userIds: users.map((user) => user.userId), balance: plan.balance }),
  );
  return { catalogue, users, wallets };
}
