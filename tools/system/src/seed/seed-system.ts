import path from 'node:path';
import { pathToFileURL } from 'node:url';

// Load-test data through each service's own seeding module (built into dist by turbo), as
// deploy/bin/seed.mjs does for `npm run seed`, but into one booted system's databases.

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
  /** scrypt N of the users' shared password hash. */
  scryptCost: number;
}

interface Disconnecting {
  $disconnect(): Promise<void>;
}

interface SeedModules {
  concert: {
    createPrisma(url: string): Disconnecting;
    seedCatalogue(db: Disconnecting, options: object): Promise<{ seats: number }>;
  };
  gateway: {
    createPrisma(url: string): Disconnecting;
    seedUsers(db: Disconnecting, options: object): Promise<{ userId: string }[]>;
  };
  wallet: {
    createPrisma(url: string): Disconnecting;
    seedWallets(db: Disconnecting, options: object): Promise<number>;
  };
}

const root = path.resolve(__dirname, '../..');

async function seedModule<S extends keyof SeedModules>(service: S): Promise<SeedModules[S]> {
  const file = path.join(root, `services/${service}/dist/seed/index.js`);
  return (await import(pathToFileURL(file).href)) as SeedModules[S];
}

async function using<T>(db: Disconnecting, work: (db: Disconnecting) => Promise<T>): Promise<T> {
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}

export type DatabaseUrlOf = (service: 'gateway' | 'concert' | 'wallet') => string;

/** Fills an empty system: the catalogue, users user1…userN, and a wallet for each. */
export async function seedSystem(databaseUrl: DatabaseUrlOf, plan: SeedPlan): Promise<void> {
  const [concert, gateway, wallet] = await Promise.all([
    seedModule('concert'),
    seedModule('gateway'),
    seedModule('wallet'),
  ]);
  await using(concert.createPrisma(databaseUrl('concert')), (db) =>
    concert.seedCatalogue(db, {
      concerts: plan.concerts,
      schedulesPerConcert: plan.schedulesPerConcert,
      seatsPerSchedule: plan.seatsPerSchedule,
      price: plan.price,
    }),
  );
  const users = await using(gateway.createPrisma(databaseUrl('gateway')), (db) =>
    gateway.seedUsers(db, { count: plan.users, password: plan.password, cost: plan.scryptCost }),
  );
  await using(wallet.createPrisma(databaseUrl('wallet')), (db) =>
    wallet.seedWallets(db, { userIds: users.map((user) => user.userId), balance: plan.balance }),
  );
}
