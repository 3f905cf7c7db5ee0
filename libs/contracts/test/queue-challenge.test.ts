import { randomUUID } from 'node:crypto';
import { EnterQueueRequest, QueueChallenge } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when a fan enters a room', () => {
  const scheduleId = randomUUID();

  it('may bring a base64 proof, and needs none where the room asks none', () => {
    expect(rejectedFields(EnterQueueRequest, { scheduleId, proof: 'eyJhIjoxfQ==' })).toEqual([]);
    expect(rejectedFields(EnterQueueRequest, { scheduleId })).toEqual([]);
  });

  it.each([
    ['a proof that is not base64', { proof: 'not base64!' }, 'proof'],
    ['an empty proof', { proof: '' }, 'proof'],
    ['a proof past 2048 characters', { proof: 'A'.repeat(2049) }, 'proof'],
    ['a field the contract does not know', { captcha: 'x' }, 'captcha'],
  ])('rejects %s', (_case, change, field) => {
    expect(rejectedFields(EnterQueueRequest, { scheduleId, ...change })).toEqual([field]);
  });
});

describe('when the queue hands out a challenge', () => {
  const challenge = {
    algorithm: 'SHA-256',
    challenge: 'a'.repeat(64),
    maxnumber: 100_000,
    salt: '0f1e2d?expires=1800000000&room=r&user=u',
    signature: 'b'.repeat(64),
  };

  it("has ALTCHA's v1 shape", () => {
    expect(rejectedFields(QueueChallenge, challenge)).toEqual([]);
  });

  it.each([
    ['another algorithm', { algorithm: 'SHA-1' }, 'algorithm'],
    ['a challenge that is not hex SHA-256', { challenge: 'xyz' }, 'challenge'],
    ['a maxnumber of 0', { maxnumber: 0 }, 'maxnumber'],
  ])('rejects %s', (_case, change, field) => {
    expect(rejectedFields(QueueChallenge, { ...challenge, ...change })).toEqual([field]);
  });
});
