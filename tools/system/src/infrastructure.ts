import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from './repository';

const infraScript = path.join(repositoryRoot, 'deploy/infra/infra.sh');
const run = promisify(execFile);

export type Component = 'postgres' | 'redis' | 'kafka';

/**
 * Stops one part of the local infrastructure, as an outage would (`pg_ctl stop -m fast` for
 * PostgreSQL: sessions are ended). Only for infrastructure the project runs itself: the script
 * refuses an external one.
 */
export async function stopInfrastructure(component: Component): Promise<void> {
  await run('bash', [infraScript, 'down', component], { timeout: 180_000 });
}

export async function startInfrastructure(component: Component): Promise<void> {
  await run('bash', [infraScript, 'up', component], { timeout: 180_000 });
}
