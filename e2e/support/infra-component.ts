import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);

export type InfraComponent = 'postgres' | 'redis' | 'kafka';

/**
 * Stops or starts one part of the local infrastructure, as `npm run infra -- down kafka` does:
 * a real outage. infra.sh refuses to stop a component the environment points at elsewhere.
 */
export async function infra(action: 'up' | 'down', component: InfraComponent): Promise<void> {
  await run('bash', ['deploy/infra/infra.sh', action, component], {
    cwd: root,
    timeout: 180_000,
  });
}
