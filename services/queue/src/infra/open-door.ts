import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { redisChallengeStore } from './challenge-store';
import type { Door } from './door';

/** The door with the configured difficulty for every room; each room's own comes with rooms. */
export function openDoor(config: Config, redis: Redis): Door {
  return {
    secret: config.QUEUE_CHALLENGE_SECRET,
    difficultyOf: async () => config.QUEUE_CHALLENGE_DIFFICULTY,
    challengeTtlSeconds: config.QUEUE_CHALLENGE_TTL_SECONDS,
    challenges: redisChallengeStore(redis, config.QUEUE_KEY_PREFIX),
    now: () => new Date(),
  };
}
