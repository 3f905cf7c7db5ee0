import { createHash } from 'node:crypto';
import type { QueueChallenge } from '@headliner/contracts';

/**
 * What a fan's browser does at the door: tries each number up to maxnumber until SHA-256 of
 * `salt + number` is the challenge, and answers the proof `enterQueue` takes (ALTCHA's payload
 * JSON in base64). Throws for a challenge nobody can solve, as a forged one would be.
 */
export function solveQueueChallenge(challenge: QueueChallenge): string {
  for (let number = 0; number <= challenge.maxnumber; number += 1) {
    const hash = createHash('sha256')
      .update(challenge.salt + number)
      .digest('hex');
    if (hash === challenge.challenge) return proofOf(challenge, number);
  }
  throw new Error(`no number up to ${challenge.maxnumber} solves the challenge`);
}

/** The proof of a number, right or wrong: tests send wrong ones too. */
export function proofOf(challenge: QueueChallenge, number: number): string {
  const { algorithm, challenge: hash, salt, signature } = challenge;
  const payload = { algorithm, challenge: hash, number, salt, signature };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
