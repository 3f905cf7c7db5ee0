import { randomUUID } from 'node:crypto';
import { internalRoutes } from '@headliner/contracts';
import { asService, asUser } from '@headliner/testing';
import request from 'supertest';

/** An app (supertest starts it on a port per request) or a listening server's URL. */
type Target = Parameters<typeof request>[0];

/** The schedule whose room a test joins unless it names another; the test catalogue knows it. */
export const room = randomUUID();
/** A schedule the test catalogue does not know. */
export const unknownSchedule = randomUUID();

export function newUsers(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

export function enterQueue(target: Target, userId: string, scheduleId: string = room) {
  return request(target)
    .post('/api/v1/queue/tokens')
    .set(asUser('queue', { userId }))
    .send({ scheduleId });
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

export function queueStats(target: Target, scheduleId: string = room) {
  return request(target)
    .get(`/api/v1/schedules/${scheduleId}/queue/stats`)
    .set(asService('gateway', 'queue'));
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

const roomPath = (scheduleId: string) => `/api/v1/admin/schedules/${scheduleId}/waiting-room`;

export function getRoom(target: Target, scheduleId: string = room, caller = asAdmin()) {
  return request(target).get(roomPath(scheduleId)).set(caller);
}

export function setRoom(
  target: Target,
  body: unknown,
  scheduleId: string = room,
  caller = asAdmin(),
) {
  return request(target)
    .put(roomPath(scheduleId))
    .set(caller)
    .send(body as object);
}

export function pauseRoom(target: Target, scheduleId: string = room, caller = asAdmin()) {
  return request(target)
    .post(`${roomPath(scheduleId)}/pause`)
    .set(caller);
}

export function resumeRoom(target: Target, scheduleId: string = room, caller = asAdmin()) {
  return request(target)
    .post(`${roomPath(scheduleId)}/resume`)
    .set(caller);
}
