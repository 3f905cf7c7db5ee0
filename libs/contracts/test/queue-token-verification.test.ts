import { ActiveQueueToken, internalRoutes, QueueTokenVerificationRequest } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when the gateway asks the queue whether a token is ACTIVE', () => {
  const request = { userId: '3f1c2a4e-5b6d-4e7f-8a9b-0c1d2e3f4a5b', queueToken: 'opaque-token' };

  it('sends the user id and the token', () => {
    expect(rejectedFields(QueueTokenVerificationRequest, request)).toEqual([]);
  });

  it.each([
    ['a user id that is not an id', { userId: 'someone' }, 'userId'],
    ['an empty token', { queueToken: '' }, 'queueToken'],
    ['a field of its own', { seatId: 'x' }, 'seatId'],
  ])('is refused with %s', (_case, change, field) => {
    expect(rejectedFields(QueueTokenVerificationRequest, { ...request, ...change })).toEqual([
      field,
    ]);
  });

  it('hears ACTIVE with the expiry of the token and the schedule it admits to', () => {
    const answer = {
      status: 'ACTIVE',
      expiresAt: '2026-05-01T10:05:00Z',
      scheduleId: '0b9e8f3e-4c57-4a0e-9d6a-0f6a1b2c3d4e',
    };
    expect(rejectedFields(ActiveQueueToken, answer)).toEqual([]);
    expect(rejectedFields(ActiveQueueToken, { ...answer, status: 'WAITING' })).toEqual(['status']);
    expect(rejectedFields(ActiveQueueToken, { ...answer, scheduleId: undefined })).toEqual([
      'scheduleId',
    ]);
  });

  it('documents each refusal the gateway tells apart', () => {
    const statuses = Object.keys(internalRoutes.verifyQueueToken.responses).map(Number);
    expect(statuses).toEqual(expect.arrayContaining([200, 400, 403, 404, 410, 503]));
  });
});
