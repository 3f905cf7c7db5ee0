import type { Redis } from 'ioredis';
import { redisChallengeStore } from '../../src/infra/challenge-store';
import type { Door } from '../../src/infra/door';
import type { WaitingRoom } from '../../src/infra/waiting-room';

export const testChallengeSecret = 'the-tests-queue-challenge-secret-of-32-chars';

/**
 * The door as the service opens it: each room's difficulty is the waiting room's (its own
 * setting, else the waiting room's default), the one the room's entry script checks too.
 */
export function testDoor(
  redis: Redis,
  keyPrefix: string,
  waitingRoom: WaitingRoom,
  now = () => new Date(),
): Door {
  return {
    secret: testChallengeSecret,
    difficultyOf: async (scheduleId) =>
      (await waitingRoom.roomSettings(scheduleId)).challengeDifficulty,
    challengeTtlSeconds: 300,
    challenges: redisChallengeStore(redis, keyPrefix),
    now,
  };
}
