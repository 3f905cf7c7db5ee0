import type { Redis } from 'ioredis';
import { fromStore } from './queue-store-unavailable-error';

export interface ChallengeStore {
  /** True for the first spend of this proof; false once any replica spent it. */
  spend(signature: string, expiresAt: Date): Promise<boolean>;
}

/** Spent proofs in Redis until their challenge expires: after that the expiry refuses them anyway. */
export function redisChallengeStore(redis: Redis, keyPrefix: string): ChallengeStore {
  return {
    async spend(signature, expiresAt) {
      const ttlMs = Math.max(1, expiresAt.getTime() - Date.now());
      const key = `${keyPrefix}challenge-used:${signature}`;
      return (await fromStore(redis.set(key, '1', 'PX', ttlMs, 'NX'))) === 'OK';
    },
  };
}
