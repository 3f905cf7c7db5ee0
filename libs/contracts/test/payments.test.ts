import { randomUUID } from 'node:crypto';
import { apiRoutes, IdempotencyHeaders, PaymentPending, PaymentRequest } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when a user pays for a hold', () => {
  it('accepts a reservation id and rejects anything else in the body', () => {
    const reservationId = randomUUID();
    expect(rejectedFields(PaymentRequest, { reservationId })).toEqual([]);
    expect(rejectedFields(PaymentRequest, { reservationId, amount: 1 })).toEqual(['amount']);
    expect(rejectedFields(PaymentRequest, { reservationId: 'r-1' })).toEqual(['reservationId']);
  });

  it('needs an idempotency key and no queue token: the hold was the admission', () => {
    expect(apiRoutes.pay.headers).toBe(IdempotencyHeaders);
    expect(rejectedFields(IdempotencyHeaders, { 'x-queue-token': 't' })).toEqual([
      'idempotency-key',
    ]);
  });

  it('answers 202 with a PENDING status only', () => {
    const reservationId = randomUUID();
    expect(rejectedFields(PaymentPending, { reservationId, status: 'PENDING' })).toEqual([]);
    expect(rejectedFields(PaymentPending, { reservationId, status: 'HELD' })).toEqual(['status']);
  });
});

describe('when a client sends an idempotency key', () => {
  it.each(['a', 'pay_2026-05-01_0001', 'k'.repeat(128)])('accepts %s', (key) => {
    expect(rejectedFields(IdempotencyHeaders, { 'idempotency-key': key })).toEqual([]);
  });

  it.each([
    ['an empty key', ''],
    ['a 129-character key', 'k'.repeat(129)],
    ['a key with a space', 'pay 1'],
    ['a key with a slash', 'pay/1'],
  ])('rejects %s', (_case, key) => {
    expect(rejectedFields(IdempotencyHeaders, { 'idempotency-key': key })).toEqual([
      'idempotency-key',
    ]);
  });
});
