import { z } from 'zod';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export const IdempotencyKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,128}$/)
  .describe(
    '1-128 characters of A-Z a-z 0-9 _ -, chosen by the client per attempt; ' +
      'a retry with the same key returns the first outcome instead of paying or charging twice',
  );

// Not strict: a request carries many other headers. Keys are lower case, as Node delivers them.
export const IdempotencyHeaders = z.object({ [IDEMPOTENCY_KEY_HEADER]: IdempotencyKey });
export type IdempotencyHeaders = z.infer<typeof IdempotencyHeaders>;
