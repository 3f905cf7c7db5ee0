import { hashPassword, isOutdated, verifyPassword, type HashParameters } from './password-hash';
import type { SignInPacing } from './sign-in-pacing';

/** Every hash slot is taken: the caller should answer 503 with Retry-After instead of queueing. */
export class HashingBusy extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many password hashes in flight');
    this.name = 'HashingBusy';
  }
}

export interface PasswordHashing {
  /** Those of every new hash. */
  parameters: HashParameters;
  /**
   * Runs one sign-up or sign-in (its reads, its hashes, its writes) in a hash slot, or throws
   * HashingBusy at once when `maxInFlight` are already running. Taken before the sign-in's first
   * read, so a storm's surplus is refused before it costs a Redis or SQL round trip.
   */
  inSlot<T>(work: () => Promise<T>): Promise<T>;
  /** Call within a slot. */
  hash(password: string): Promise<string>;
  /** Call within a slot. */
  verify(password: string, stored: string): Promise<boolean>;
  isOutdated(stored: string): boolean;
}

/**
 * Password hashing at the current parameters, with a bound on sign-ins in flight. Each scrypt runs
 * on libuv's pool (UV_THREADPOOL_SIZE threads) for hundreds of milliseconds of CPU; without a
 * bound a login storm queues thousands there, each waiting for all before it, and every other
 * user of the pool (DNS look-ups, file reads) waits behind them.
 */
export function passwordHashing(
  parameters: HashParameters,
  maxInFlight: number,
  pacing: SignInPacing,
): PasswordHashing {
  let inFlight = 0;
  return {
    parameters,
    async inSlot(work) {
      if (inFlight >= maxInFlight) throw new HashingBusy(pacing.refuse());
      inFlight += 1;
      try {
        return await work();
      } finally {
        inFlight -= 1;
        pacing.finished();
      }
    },
    hash: (password) => hashPassword(password, parameters),
    verify: verifyPassword,
    isOutdated: (stored) => isOutdated(stored, parameters),
  };
}
