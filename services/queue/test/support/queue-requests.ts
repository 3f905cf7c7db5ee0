import { randomUUID } from 'node:crypto';
import { internalRoutes } from '@headliner/contracts';
import { asService, asUser } from '@headliner/testing';
import request from 'supertest';

/** An app (supertest starts it on a port per request) or a listening server's URL. */
type Target = Parameters<typeof request>[0];

export function newUsers(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

export function enterQueue(target: Target, userId: string) {
  return request(target).post('/api/v1/queue/tokens').set(asUser('queue', { userId }));
}

export function pollToken(target: Target, userId: string, queueToken: string) {
  return request(target)
    .get('/api/v1/queue/tokens/current')
    .set(asUser('queue', { userId }))
    .set('X-Queue-Token', queueToken);
}

export function leaveQueue(target: Target, userId: string, queueToken: string) {
  return request(target)
    .delete('/api/v1/queue/tokens/current')
    .set(asUser('queue', { userId }))
    .set('X-Queue-Token', queueToken);
}

export function verifyToken(target: Target, userId: string, queueToken: string) {
  return request(target)
    .post(internalRoutes.verifyQueueToken.path)
    .set(asService('gateway', 'queue'))
    .send({ userId, queueToken });
}

export function queueStats(target: Target) {
  return request(target).get('/api/v1/queue/stats').set(asService('gateway', 'queue'));
}

export const adminId = randomUUID();

/** The gateway's statement for the admin: the waiting room's controls are theirs alone. */
export function asAdmin(userId = adminId) {
  return asUser('queue', { userId, role: 'admin' });
}

export function getWaitingRoom(target: Target, caller = asAdmin()) {
  return request(target).get('/api/v1/admin/waiting-room').set(caller);
}

export function updateWaitingRoom(target: Target, body: unknown, caller = asAdmin()) {
  return request(target)
    .patch('/api/v1/admin/waiting-room')
    .set(caller)
    .send(body as object);
}

export function pauseAdmission(target: Target, caller = asAdmin()) {
  return request(target).post('/api/v1/admin/waiting-room/pause').set(caller);
}

export function resumeAdmission(target: Target, caller = asAdmin()) {
  return request(target).post('/api/v1/admin/waiting-room/resume').set(caller);
}
