import { z } from 'zod';

/** ALTCHA's payload: the challenge as issued, with the number the fan found. */
export const ChallengePayload = z.object({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().max(128),
  number: z.int().nonnegative(),
  salt: z.string().max(512),
  signature: z.string().max(128),
});
export type ChallengePayload = z.infer<typeof ChallengePayload>;

/** The payload of a base64 proof, or undefined when it is not one. */
export function decodeProof(proof: string): ChallengePayload | undefined {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(proof, 'base64').toString('utf8'));
    const parsed = ChallengePayload.safeParse(decoded);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
