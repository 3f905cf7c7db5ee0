import { createRedis, type Running } from '@headliner/platform';
import type { Config } from '../config';
import { createWaitingRoom } from './waiting-room';

/** The waiting room on its Redis connection, which requests answer from. */
export function openWaitingRoom(config: Config, { logger, shutdown }: Running) {
  const redis = createRedis(config.REDIS_URL, 'request', {
    name: 'queue-requests',
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    logger,
    shutdown,
  });
  const waitingRoom = createWaitingRoom({
    redis,
    keyPrefix: config.QUEUE_KEY_PREFIX,
    rules: {
      activeLimit: config.ACTIVE_LIMIT,
      admissionRatePerMinute: config.ADMISSION_RATE_PER_MINUTE ?? null,
      activeTtlSeconds: config.ACTIVE_TTL_SECONDS,
      waitIdleSeconds: config.WAIT_IDLE_TTL_SECONDS,
    },
    defaultChallengeDifficulty: config.QUEUE_CHALLENGE_DIFFICULTY,
  });
  return { redis, waitingRoom };
}
