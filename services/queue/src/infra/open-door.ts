import type { Redis } from 'ioredis';
import type { Config } from '../config';
import { redisChallengeStore } from './challenge-store';
import type { Door } from './door';
import type { WaitingRoom } from './waiting-room';

/** The door with each room's difficulty (QUEUE_CHALLENGE_DIFFICULTY unless its admin set one). */
export function openDoor(config: Config, redis: Redis, waitingRoom: WaitingRoom): Door {
  return {
    secret: config.QUEUE_CHALLENGE_SECRET,
    difficultyOf: async (scheduleId) =>
      (await waitingRoom.roomSettings(scheduleId)).challengeDifficulty,
    challengeTtlSeconds: config.QUEUE_CHALLENGE_TTL_SECONDS,
    challenges: redisChallengeStore(redis, config.QUEUE_KEY_PREFIX),
    now: () => new Date(),
  };
}
