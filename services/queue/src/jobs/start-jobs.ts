import { createRedis, type Running } from '@headliner/platform';
import type { Config } from '../config';
import type { WaitingRoom } from '../infra/waiting-room';
import { startSweep } from './sweep-worker';

/** The waiting room's sweep, on a connection of its own. */
export function startJobs(
  config: Config,
  { waitingRoom }: { waitingRoom: WaitingRoom },
  { logger, shutdown }: Running,
): void {
  const connection = createRedis(config.REDIS_URL, 'worker', {
    name: 'queue-sweep',
    logger,
    shutdown,
  });
  const sweep = startSweep({
    connection,
    keyPrefix: config.QUEUE_KEY_PREFIX,
    intervalMs: config.SWEEP_INTERVAL_MS,
    waitingRoom,
    logger,
  });
  shutdown.onClose('sweep', () => sweep.close());
}
