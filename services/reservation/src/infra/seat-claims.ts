import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@headliner/platform';
import type { Redis } from 'ioredis';

export interface SeatClaims {
  /**
   * Claims the seat for a hold about to be written, for `ttlMs`. False when another hold has it:
   * the hold is refused without touching the database. True when Redis cannot answer, so the
   * database, which has the last word anyway, decides.
   */
  claim(seatId: string, reservationId: string, ttlMs: number): Promise<boolean>;
  /** Gives up this reservation's claim (a claim since taken by another is left alone). */
  release(seatId: string, reservationId: string): Promise<void>;
}

// Read once when the module loads; the build copies lua/ into dist beside this file.
const releaseIfOwn = readFileSync(join(__dirname, 'lua', 'release-if-own.lua'), 'utf8');

/**
 * A Redis SET NX gate in front of the seat's unique index. On sale day most fans racing for a
 * seat lose; the gate answers them in a millisecond instead of queueing them for a database
 * connection (bench/hold-contention.ts). It only ever says "taken" while a hold of the same TTL
 * claimed the seat, so PostgreSQL stays the truth about who holds what.
 */
export function createSeatClaims(redis: Redis, keyPrefix: string, logger: Logger): SeatClaims {
  const keyOf = (seatId: string) => `${keyPrefix}seat-claim:${seatId}`;
  return {
    claim: async (seatId, reservationId, ttlMs) => {
      try {
        return (await redis.set(keyOf(seatId), reservationId, 'PX', ttlMs, 'NX')) === 'OK';
      } catch (error) {
        logger.warn({ err: error, seatId }, 'seat claim unavailable; the database decides alone');
        return true;
      }
    },
    release: async (seatId, reservationId) => {
      try {
        await redis.eval(releaseIfOwn, 1, keyOf(seatId), reservationId);
      } catch (error) {
        // Left in place, the claim lapses with the hold's TTL.
        logger.warn({ err: error, seatId }, 'could not release a seat claim');
      }
    },
  };
}
