import type { Redis } from 'ioredis';
import { redisChallengeStore } from '../../src/infra/challenge-store';
import type { Door } from '../../src/infra/door';

export const testChallengeSecret = 'the-tests-queue-challenge-secret-of-32-chars';

/** The door at one difficulty for every room; 0 (the default) lets every fan in without a proof. */
export function testDoor(
  redis: Redis,
  keyPrefix: string,
  difficulty = 0,
  now = () => new Date(),
): Door {
  return {
    secret: testChallengeSecret,
    difficultyOf: async () => difficulty,
    challengeTtlSeconds: 300,
    challenges: redisChallengeStore(redis, keyPrefix),
    now,
  };
}
