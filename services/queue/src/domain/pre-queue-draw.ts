import { randomInt } from 'node:crypto';

/** 2^26: two halves make a key below 2^52, exact as a Redis sorted-set score (a double). */
const half = 2 ** 26;

/**
 * A fan's place in the pre-queue's draw: a uniform random integer in [0, 2^52) from the CSPRNG.
 * Ordering the pre-queue by independent uniform keys is a uniform shuffle (a tie, at odds of
 * about n²/2^53, falls back to the tokens' own random order). randomInt reaches at most 2^48, so
 * the key is built from two 26-bit halves.
 */
export function newDrawKey(): number {
  return randomInt(half) * half + randomInt(half);
}
