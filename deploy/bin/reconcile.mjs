// `npm run reconcile [-- --repair] [--grace-seconds N]`: compares the reservations' payments
// with the wallet's ledger and the catalogue's seats once, logs every mismatch with its ids, and
// prints a summary. A dry run unless --repair: run by hand against a live system, it shows what
// it would send before anyone decides to (the scheduled run in the reservation service repairs
// on its own). Exit code 0 when nothing disagrees, 2 when something does.
import { parseArgs } from 'node:util';
import { reconcileOnce, createLogger } from '@headliner/reservation/reconcile-command';
import { databaseOf } from '@headliner/system';
import { databaseUrl } from '@headliner/testing';

const { values } = parseArgs({
  options: {
    repair: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'grace-seconds': { type: 'string', default: process.env.RECONCILE_GRACE_SECONDS ?? '300' },
  },
});
if (values.repair && values['dry-run']) throw new Error('--repair and --dry-run: choose one');
const graceSeconds = Number(values['grace-seconds']);
if (!Number.isSafeInteger(graceSeconds) || graceSeconds < 0)
  throw new Error('--grace-seconds must be a whole number');

const env = process.env;
const report = await reconcileOnce({
  urls: {
    reservation: env.RECONCILE_RESERVATION_DATABASE_URL ?? databaseUrl(databaseOf('reservation')),
    wallet: env.RECONCILE_WALLET_DATABASE_URL ?? databaseUrl(databaseOf('wallet')),
    concert: env.RECONCILE_CONCERT_DATABASE_URL ?? databaseUrl(databaseOf('concert')),
  },
  kafkaNamespace: env.KAFKA_NAMESPACE ?? '',
  graceSeconds,
  paymentTimeoutSeconds: Number(env.PAYMENT_TIMEOUT_SECONDS ?? 60),
  repair: values.repair,
  logger: createLogger({
    service: 'reconcile',
    format: env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
  }),
}).catch((error) => {
  console.error(`reconcile: could not finish: ${error.message}`);
  process.exit(1);
});

if (!report.ran) {
  console.error('reconcile: another reconciliation is running; try again when it is done');
  process.exit(1);
}
const repairs = report.mismatches.filter((mismatch) => mismatch.repair).length;
const sent = report.mismatches.filter((mismatch) => mismatch.outcome === 'sent').length;
console.error(
  `reconcile: ${report.mismatches.length} mismatch(es), ${repairs} with a safe repair` +
    (values.repair ? ` (${sent} sent)` : ' (dry run: none sent; --repair sends them)') +
    `, ${report.mismatches.length - repairs} for a person; facts younger than ${graceSeconds} s left alone`,
);
process.exit(report.mismatches.length === 0 ? 0 : 2);
