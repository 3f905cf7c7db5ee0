import { z } from 'zod';

// KRW has no minor unit in practice, so whole-won integers rule out float rounding in the ledger.
export const Won = z.int().nonnegative().describe('Amount in whole won (KRW)');

export const MAX_PRICE_WON = 10_000_000;
