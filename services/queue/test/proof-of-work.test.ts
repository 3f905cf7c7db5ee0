import { randomUUID } from 'node:crypto';
import type { QueueChallenge } from '@headliner/contracts';
import { proofOf, solveQueueChallenge } from '@headliner/testing';
import { decodeProof, type ChallengePayload } from '../src/domain/challenge-payload';
import { checkProof, createChallenge } from '../src/domain/proof-of-work';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const scheduleId = randomUUID();
const userId = randomUUID();
const issuedAt = new Date('2026-12-07T10:00:00Z');
const expiresAt = new Date('2026-12-07T10:05:00Z');

function challengeFor(terms: { maxnumber?: number; secret?: string } = {}): QueueChallenge {
  return createChallenge({
    secret: terms.secret ?? secret,
    maxnumber: terms.maxnumber ?? 1000,
    scheduleId,
    userId,
    expiresAt,
  });
}

const payloadOf = (proof: string): ChallengePayload => decodeProof(proof)!;
const context = { secret, scheduleId, userId, now: issuedAt };
const numberOf = (challenge: QueueChallenge) => payloadOf(solveQueueChallenge(challenge)).number;

describe('when the queue issues a challenge', () => {
  it("has ALTCHA's shape, its number within maxnumber, and names its room, fan and expiry", () => {
    const challenge = challengeFor({ maxnumber: 50 });
    const params = new URLSearchParams(challenge.salt.split('?')[1]);

    expect(challenge).toMatchObject({ algorithm: 'SHA-256', maxnumber: 50 });
    expect(numberOf(challenge)).toBeLessThanOrEqual(50);
    expect(Object.fromEntries(params)).toEqual({
      expires: String(expiresAt.getTime() / 1000),
      room: scheduleId,
      user: userId,
    });
  });

  it('hides a different number each time', () => {
    const numbers = new Set(Array.from({ length: 20 }, () => numberOf(challengeFor())));
    expect(numbers.size).toBeGreaterThan(10);
  });
});

describe('when a fan brings a proof', () => {
  const challenge = challengeFor();
  const solved = payloadOf(solveQueueChallenge(challenge));

  it('accepts the solved challenge of this fan and room before it expires', () => {
    expect(checkProof(solved, context)).toEqual({
      valid: true,
      signature: challenge.signature,
      expiresAt,
    });
  });

  it.each<[string, () => ReturnType<typeof checkProof>, string]>([
    [
      'a wrong number',
      () => checkProof({ ...solved, number: solved.number + 1 }, context),
      'wrong-number',
    ],
    [
      'a challenge signed with another secret',
      () => {
        const forged = challengeFor({ secret: 'an-attackers-own-secret-of-32-characters' });
        return checkProof(payloadOf(solveQueueChallenge(forged)), context);
      },
      'bad-signature',
    ],
    [
      'a signature copied onto a challenge of its own',
      () => checkProof({ ...solved, challenge: challengeFor().challenge }, context),
      'bad-signature',
    ],
    [
      'a challenge past its expiry',
      () => checkProof(solved, { ...context, now: expiresAt }),
      'expired',
    ],
    [
      'a challenge of another room',
      () => checkProof(solved, { ...context, scheduleId: randomUUID() }),
      'other-room',
    ],
    [
      'a challenge of another fan',
      () => checkProof(solved, { ...context, userId: randomUUID() }),
      'other-user',
    ],
    [
      'a salt rewritten to name this fan instead',
      () => checkProof({ ...solved, salt: solved.salt.replace(userId, randomUUID()) }, context),
      'wrong-number',
    ],
  ])('refuses %s', (_case, check, reason) => {
    expect(check()).toEqual({ valid: false, reason });
  });
});

describe('when a proof is not what ALTCHA sends', () => {
  it.each([
    ['not base64 JSON', 'bm90IGpzb24='],
    ['JSON of another shape', Buffer.from('{"number":"7"}').toString('base64')],
    ['a negative number', proofOf(challengeFor(), -1)],
  ])('reads nothing from %s', (_case, proof) => {
    expect(decodeProof(proof)).toBeUndefined();
  });
});
