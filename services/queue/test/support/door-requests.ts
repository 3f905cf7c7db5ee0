import type { QueueChallenge } from '@headliner/contracts';
import { asUser, solveQueueChallenge } from '@headliner/testing';
import request from 'supertest';

type Target = Parameters<typeof request>[0];

export function getChallenge(target: Target, userId: string, scheduleId: string) {
  return request(target)
    .get('/api/v1/queue/challenge')
    .query({ scheduleId })
    .set(asUser('queue', { userId }));
}

export function enterRoom(target: Target, userId: string, body: object) {
  return request(target).post('/api/v1/queue/tokens').set(asUser('queue', { userId })).send(body);
}

/** A proof as a fan's browser makes it: ask for the room's challenge, then solve it. */
export async function solvedProof(target: Target, userId: string, scheduleId: string) {
  const challenge: QueueChallenge = (await getChallenge(target, userId, scheduleId)).body;
  return solveQueueChallenge(challenge);
}
