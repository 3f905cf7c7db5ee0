import { invalidRequest, ProblemError } from '@headliner/platform';
import type { ProofFailure } from '../domain/proof-of-work';

// Problem types are public API that clients switch on: never rename one.

export function proofNeeded(rule: 'required' | 'malformed'): ProblemError {
  const message =
    rule === 'required'
      ? 'is required: this room asks for a solved challenge (GET /api/v1/queue/challenge)'
      : "must be base64 of ALTCHA's payload JSON {algorithm, challenge, number, salt, signature}";
  return invalidRequest([{ field: 'body.proof', rule, message }]);
}

export function challengeFailed(reason: ProofFailure): ProblemError {
  return ProblemError.forbidden(
    'The proof of work was refused; solve a new challenge of this room and try again.',
    { type: 'challenge-failed', extensions: { reason } },
  );
}
