import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { QueueChallenge } from '@headliner/contracts';
import type { ChallengePayload } from './challenge-payload';

/**
 * ALTCHA's v1 proof of work (https://altcha.org/docs/proof-of-work): the fan finds the number
 * whose SHA-256 of `salt + number` is the challenge, about maxnumber / 2 hashes on average. The
 * salt carries ALTCHA's salt parameters (`?expires=&room=&user=`): they are authenticated because
 * the signed challenge is the hash of the salt, so changing one changes the hash.
 */
export interface ChallengeTerms {
  secret: string;
  /** ALTCHA's maxnumber: the room's difficulty, above 0. */
  maxnumber: number;
  scheduleId: string;
  userId: string;
  expiresAt: Date;
}

export function createChallenge(terms: ChallengeTerms): QueueChallenge {
  const params = new URLSearchParams({
    expires: String(Math.floor(terms.expiresAt.getTime() / 1000)),
    room: terms.scheduleId,
    user: terms.userId,
  });
  const salt = `${randomBytes(12).toString('hex')}?${params}`;
  const challenge = sha256Hex(salt + randomInt(0, terms.maxnumber + 1));
  return {
    algorithm: 'SHA-256',
    challenge,
    maxnumber: terms.maxnumber,
    salt,
    signature: hmacHex(terms.secret, challenge),
  };
}

export type ProofFailure =
  'bad-signature' | 'wrong-number' | 'expired' | 'other-room' | 'other-user' | 'used';

export type ProofCheck =
  { valid: true; signature: string; expiresAt: Date } | { valid: false; reason: ProofFailure };

export interface ProofContext {
  secret: string;
  scheduleId: string;
  userId: string;
  now: Date;
}

/** Everything but single use, which needs the store: see ChallengeStore.spend. */
export function checkProof(payload: ChallengePayload, context: ProofContext): ProofCheck {
  const fail = (reason: ProofFailure): ProofCheck => ({ valid: false, reason });
  if (!sameHex(payload.signature, hmacHex(context.secret, payload.challenge)))
    return fail('bad-signature');
  if (!sameHex(payload.challenge, sha256Hex(payload.salt + payload.number)))
    return fail('wrong-number');
  const params = new URLSearchParams(payload.salt.split('?')[1] ?? '');
  const expiresAt = new Date(Number(params.get('expires')) * 1000);
  if (!(expiresAt.getTime() > context.now.getTime())) return fail('expired');
  if (params.get('room') !== context.scheduleId) return fail('other-room');
  if (params.get('user') !== context.userId) return fail('other-user');
  return { valid: true, signature: payload.signature, expiresAt };
}

function sha256Hex(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}

function hmacHex(secret: string, data: string): string {
  return createHmac('sha256', secret).update(data).digest('hex');
}

function sameHex(given: string, expected: string): boolean {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
