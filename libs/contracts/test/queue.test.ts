import { QueueTokenHeaders, QueueTokenView } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when the queue describes a token', () => {
  const view = {
    queueToken: 'opaque-token',
    status: 'WAITING',
    position: 42,
    estimatedWaitSeconds: 84,
    expiresAt: '2026-05-01T10:05:00Z',
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

  it.each([
    ['an unknown status', { status: 'DONE' }, 'status'],
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
