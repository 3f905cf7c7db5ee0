import { hashPassword, isOutdated, verifyPassword, type HashParameters } from './password-hash';

/** Every hash slot is taken: the caller should answer 503 with Retry-After instead of queueing. */
export class HashingBusy extends Error {
  constructor() {
    super('Too many password hashes in flight');
    this.name = 'HashingBusy';
  }
}

export interface PasswordHashing {
  /** Those of every new hash. */
  parameters: HashParameters;
  /** Throws HashingBusy when `maxInFlight` hashes are already running or queued. */
  hash(password: string): Promise<string>;
  /** Throws HashingBusy like `hash`. */
  verify(password: string, stored: string): Promise<boolean>;
  isOutdated(stored: string): boolean;
}

/**
 * Password hashing at the current parameters, with a bound on hashes in flight. Each scrypt runs
 * on libuv's pool (UV_THREADPOOL_SIZE threads) for tens of milliseconds; without a bound a login
 * storm queues thousands there, and every other user of the pool (DNS look-ups, file reads)
 * waits behind them.
 */
export function passwordHashing(parameters: HashParameters, maxInFlight: number): PasswordHashing {
  let inFlight = 0;
  async function bounded<T>(work: () => Promise<T>): Promise<T> {
    if (inFlight >= maxInFlight) throw new HashingBusy();
    inFlight += 1;
    try {
      return await work();
    } finally {
      inFlight -= 1;
    }
  }
  return {
    parameters,
    hash: (password) => bounded(() => hashPassword(password, parameters)),
    verify: (password, stored) => bounded(() => verifyPassword(password, stored)),
    isOutdated: (stored) => isOutdated(stored, parameters),
  };
}
