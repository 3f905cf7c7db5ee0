import { z } from 'zod';
import { EntityId } from '../entity-id';
import { apiComponents } from './components';

/** The most a room's challenge may ask (ALTCHA's `maxnumber`): 0 turns the challenge off. */
export const MAX_CHALLENGE_DIFFICULTY = 1_000_000;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const QueueChallengeQuery = z.object({ scheduleId: EntityId });
export type QueueChallengeQuery = z.infer<typeof QueueChallengeQuery>;

/**
 * A proof-of-work challenge in ALTCHA's v1 shape: find the `number` in [0, maxnumber] whose
 * SHA-256 of `salt + number` (hex) is `challenge`. The salt's parameters bind it to one fan, one
 * room and an expiry; the signature (HMAC of the challenge) shows the queue issued it.
 */
export const QueueChallenge = z
  .object({
    algorithm: z.literal('SHA-256'),
    challenge: sha256Hex.describe('hex SHA-256 of salt + the secret number'),
    maxnumber: z.int().min(1).max(MAX_CHALLENGE_DIFFICULTY).describe('The number is at most this'),
    salt: z.string().min(1).max(512).describe('Opaque: hash it as it is, never parse it'),
    signature: sha256Hex.describe('Send it back unchanged'),
  })
  .register(apiComponents, { id: 'QueueChallenge' });
export type QueueChallenge = z.infer<typeof QueueChallenge>;

/** A solved challenge: `{algorithm, challenge, number, salt, signature}` as JSON, in base64. */
export const QueueChallengeProof = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64')
  .describe(
    "Base64 of ALTCHA's payload JSON {algorithm, challenge, number, salt, signature}: the challenge of GET /api/v1/queue/challenge with the number found",
  );
