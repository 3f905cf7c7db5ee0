import type { EnterQueueRequest } from '@headliner/contracts';
import type { ProblemError } from '@headliner/platform';
import { decodeProof } from '../domain/challenge-payload';
import { checkProof } from '../domain/proof-of-work';
import type { Entry } from '../domain/token-outcomes';
import type { Door } from '../infra/door';
import type { WaitingRoom } from '../infra/waiting-room';
import { proofOutcomes } from '../metrics';
import { challengeFailed, proofNeeded } from './challenge-problems';

/**
 * Entering through the door: while the room's difficulty is above 0 a new token needs a valid,
 * unspent proof of this fan and room (a room without one is entered in a single round trip to
 * Redis, as the request path is hot during a sale). A fan who already holds a live token gets it back whatever
 * they sent, so a reload never costs a second proof; a proof is spent only when it is valid.
 */
export function requireProof(door: Door, waitingRoom: WaitingRoom) {
  return async (userId: string, scheduleId: string, proof?: string): Promise<Entry> => {
    const entered = await waitingRoom.enterWithoutProof(userId, scheduleId);
    if (entered) return entered;
    const refusal = await refusalOf(door, userId, { scheduleId, proof });
    if (!refusal) return waitingRoom.enter(userId, scheduleId);
    const held = await waitingRoom.heldToken(userId, scheduleId);
    if (held) return held;
    throw refusal;
  };
}

async function refusalOf(
  door: Door,
  userId: string,
  { scheduleId, proof }: EnterQueueRequest,
): Promise<ProblemError | undefined> {
  if (proof === undefined) return refused('missing', proofNeeded('required'));
  const payload = decodeProof(proof);
  if (!payload) return refused('malformed', proofNeeded('malformed'));
  const check = checkProof(payload, {
    secret: door.secret,
    scheduleId,
    userId,
    now: door.now(),
  });
  if (!check.valid) return refused(check.reason, challengeFailed(check.reason));
  if (!(await door.challenges.spend(check.signature, check.expiresAt)))
    return refused('used', challengeFailed('used'));
  proofOutcomes.inc({ outcome: 'accepted' });
  return undefined;
}

function refused(outcome: string, problem: ProblemError): ProblemError {
  proofOutcomes.inc({ outcome });
  return problem;
}
