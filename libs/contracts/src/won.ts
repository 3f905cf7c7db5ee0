import { z } from 'zod';

/**
 * No amount or balance ever exceeds this: 10^15 won, a ninth of 2^53, so every one is exact as a
 * JSON number and a JavaScript number. The wallet's database enforces it on every balance
 * (CHECK wallets_balance_within_ceiling), and the wallet's configured maximum balance lies
 * below it. Amounts are stored as BIGINT everywhere.
 */
export const WON_CEILING = 1_000_000_000_000_000;

// KRW has no minor unit in practice, so whole-won integers rule out float rounding in the ledger.
export const Won = z
  .int()
  .nonnegative()
  .max(WON_CEILING)
  .describe('Amount in whole won (KRW), at most 10^15');

export const MAX_PRICE_WON = 10_000_000;

/**
 * A BIGINT column of won as pg returns it (a string) as a number, compared as a bigint first so
 * that a value past the ceiling throws rather than rounds.
 */
export function wonOf(column: string | number | bigint): number {
  const won = BigInt(column);
  if (won < 0n || won > BigInt(WON_CEILING)) {
    throw new RangeError(`${won} is not an amount of won between 0 and ${WON_CEILING}`);
  }
  return Number(won);
}
