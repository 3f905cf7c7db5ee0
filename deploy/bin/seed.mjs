// `npm run seed -- --users N [--concerts C --schedules S --seats N --price W]`: demo and
// load-test data through each service's own seeding module (see runSeedCommand in tools/system).
// The catalogue is seeded only while empty; users user1…userN get SEED_PASSWORD (default
// "password") and wallets with SEED_BALANCE won (default 1,000,000) unless they exist already.
import { runSeedCommand } from '@headliner/system';

await runSeedCommand(process.argv.slice(2));
