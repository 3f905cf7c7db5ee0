import { EnterQueueRequest, QueueTokenHeaders, QueueTokenView } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when the queue describes a token', () => {
  const view = {
    queueToken: 'opaque-token',
    scheduleId: '0b9e8f3e-4c57-4a0e-9d6a-0f6a1b2c3d4e',
    status: 'WAITING',
    position: 42,
    estimatedWaitSeconds: 84,
    expiresAt: '2026-05-01T10:05:00Z',
    pollAfterSeconds: 1,
  };

  it('accepts a waiting token and an active one at position 0', () => {
    expect(rejectedFields(QueueTokenView, view)).toEqual([]);
    expect(
      rejectedFields(QueueTokenView, {
        ...view,
        status: 'ACTIVE',
        position: 0,
        estimatedWaitSeconds: 0,
      }),
    ).toEqual([]);
  });

  it('accepts a pre-queue token with its opening and no position', () => {
    const preQueue = {
      ...view,
      status: 'PRE_QUEUE',
      position: 0,
      estimatedWaitSeconds: 0,
      opensAt: '2026-05-01T10:00:00Z',
    };
    expect(rejectedFields(QueueTokenView, preQueue)).toEqual([]);
  });

  it.each([
    ['an unknown status', { status: 'DONE' }, 'status'],
    ['no schedule', { scheduleId: undefined }, 'scheduleId'],
    ['a negative poll pacing', { pollAfterSeconds: -1 }, 'pollAfterSeconds'],
    ['a negative position', { position: -1 }, 'position'],
    ['a fractional wait', { estimatedWaitSeconds: 1.5 }, 'estimatedWaitSeconds'],
    ['an expiry that is not a date-time', { expiresAt: '2026-05-01' }, 'expiresAt'],
  ])('rejects %s', (_case, change, field) => {
    expect(rejectedFields(QueueTokenView, { ...view, ...change })).toEqual([field]);
  });
});

describe('when a request carries a queue token', () => {
  it('reads it from the lower-case header among any others', () => {
    const headers = { 'x-queue-token': 'opaque-token', accept: 'application/json' };
    expect(QueueTokenHeaders.parse(headers)).toEqual({ 'x-queue-token': 'opaque-token' });
  });

  it('names the header when it is missing or empty', () => {
    expect(rejectedFields(QueueTokenHeaders, {})).toEqual(['x-queue-token']);
    expect(rejectedFields(QueueTokenHeaders, { 'x-queue-token': '' })).toEqual(['x-queue-token']);
  });
});

describe('when a fan asks to join a room', () => {
  it('takes the schedule and nothing else', () => {
    const scheduleId = '0b9e8f3e-4c57-4a0e-9d6a-0f6a1b2c3d4e';
    expect(rejectedFields(EnterQueueRequest, { scheduleId })).toEqual([]);
    expect(rejectedFields(EnterQueueRequest, {})).toEqual(['scheduleId']);
    expect(rejectedFields(EnterQueueRequest, { scheduleId: 'x' })).toEqual(['scheduleId']);
    expect(rejectedFields(EnterQueueRequest, { scheduleId, extra: 1 })).toEqual(['extra']);
  });
});
