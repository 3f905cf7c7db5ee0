import { parseArgs } from 'node:util';
import { databaseUrl } from '@headliner/testing';
import { databaseOf } from '../services';
import { seedSystem } from './seed-system';

/**
 * `npm run seed -- --users N [--concerts C --schedules S --seats N --price W]` into this
 * machine's databases. Users user1…userN get SEED_PASSWORD (default "password") and wallets
 * with SEED_BALANCE won (default 1,000,000).
 */
export async function runSeedCommand(args: string[], env = process.env): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      users: { type: 'string', default: '100' },
      concerts: { type: 'string', default: '10' },
      schedules: { type: 'string', default: '5' },
      seats: { type: 'string', default: '50' },
      price: { type: 'string', default: '50000' },
    },
  });
  const number = (name: keyof typeof values) => {
    const value = Number(values[name]);
    if (!Number.isSafeInteger(value) || value < 0)
      throw new Error(`--${name} must be a whole number`);
    return value;
  };
  const started = Date.now();
  const { catalogue, users, wallets } = await seedSystem(
    (service) => databaseUrl(databaseOf(service)),
    {
      users: number('users'),
      concerts: number('concerts'),
      schedulesPerConcert: number('schedules'),
      seatsPerSchedule: number('seats'),
      price: number('price'),
      password: env.SEED_PASSWORD ?? 'password',
      // The gateway's defaults, so a seeded fan's first login does not renew the hash.
      scryptCost: Number(env.PASSWORD_SCRYPT_COST ?? 32768),
      scryptParallelism: Number(env.PASSWORD_SCRYPT_PARALLELISM ?? 3),
      balance: Number(env.SEED_BALANCE ?? 1_000_000),
    },
  );
  console.log(
    `seed: catalogue ${catalogue.seeded ? `${catalogue.concerts} concerts, ${catalogue.schedules} schedules, ${catalogue.seats} seats` : 'kept (not empty)'}; ` +
      `${users.length} users (user1…user${number('users')}), ${wallets} new wallets; ${Date.now() - started} ms`,
  );
}
