import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { seedSystem } from '@headliner/system';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../../../../..');
const seeded = ['gateway', 'concert', 'wallet'] as const;

// The built @headliner/system in a node of its own: its Prisma clients load their query compiler
// by dynamic import, which jest's module system refuses.
const script = `
const { seedSystem } = require('@headliner/system');
const [urls, plan] = JSON.parse(process.argv[1]);
seedSystem((service) => urls[service], plan).then((seeded) => process.stdout.write(JSON.stringify(seeded)));
`;

/** seedSystem, run in a child process (as `npm run seed` runs it). */
export const seedInChildProcess: typeof seedSystem = async (databaseUrl, plan) => {
  const urls = Object.fromEntries(seeded.map((service) => [service, databaseUrl(service)]));
  const { stdout } = await run(process.execPath, ['-e', script, JSON.stringify([urls, plan])], {
    cwd: root,
  });
  return JSON.parse(stdout) as Awaited<ReturnType<typeof seedSystem>>;
};
