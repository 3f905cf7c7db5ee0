// `npm run seed -- --users N [--concerts C --schedules S --seats N --price W]`: demo and
// load-test data through each service's own seeding module (built into dist by turbo).
// The catalogue is seeded only while empty; users user1…userN get SEED_PASSWORD (default
// "password") and wallets with SEED_BALANCE won (default 1,000,000) unless they exist already.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { databaseUrl } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const seedModule = (service) => require(path.join(root, `services/${service}/dist/seed/index.js`));

const { values } = parseArgs({
  options: {
    users: { type: 'string', default: '100' },
    concerts: { type: 'string', default: '10' },
    schedules: { type: 'string', default: '5' },
    seats: { type: 'string', default: '50' },
    price: { type: 'string', default: '50000' },
  },
});
const number = (name) => {
  const value = Number(values[name]);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`--${name} must be a whole number`);
  return value;
};

const concert = seedModule('concert');
const gateway = seedModule('gateway');
const wallet = seedModule('wallet');
const started = Date.now();

const catalogueDb = concert.createPrisma(databaseUrl('headliner_concert'));
const catalogue = await concert.seedCatalogue(catalogueDb, {
  concerts: number('concerts'),
  schedulesPerConcert: number('schedules'),
  seatsPerSchedule: number('seats'),
  price: number('price'),
});
await catalogueDb.$disconnect();

const usersDb = gateway.createPrisma(databaseUrl('headliner_gateway'));
const users = await gateway.seedUsers(usersDb, {
  count: number('users'),
  password: process.env.SEED_PASSWORD ?? 'password',
  cost: Number(process.env.PASSWORD_SCRYPT_COST ?? 16384),
});
await usersDb.$disconnect();

const walletsDb = wallet.createPrisma(databaseUrl('headliner_wallet'));
const wallets = await wallet.seedWallets(walletsDb, {
  userIds: users.map((user) => user.userId),
  balance: Number(process.env.SEED_BALANCE ?? 1_000_000),
});
await walletsDb.$disconnect();

console.log(
  `seed: catalogue ${catalogue.seeded ? `${catalogue.concerts} concerts, ${catalogue.schedules} schedules, ${catalogue.seats} seats` : 'kept (not empty)'}; ` +
    `${users.length} users (user1…user${number('users')}), ${wallets} new wallets; ${Date.now() - started} ms`,
);
