import { mkdir } from 'node:fs/promises';
import path from 'node:path';

const resultsDir = path.resolve(__dirname, '../results');

/** A new, timestamped folder for one run's results: load-tests/results/<stamp>[-<kind>]. */
export async function newRunDir(kind?: string): Promise<string> {
  const stamp = new Date()
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  const runDir = path.join(resultsDir, kind ? `${stamp}-${kind}` : stamp);
  await mkdir(runDir, { recursive: true });
  return runDir;
}
