import { randomUUID } from 'node:crypto';
import { HoldSeatRequest, ReservationView } from '../src';
import { rejectedFields } from './rejected-fields';

describe('when a user holds a seat', () => {
  const hold = { scheduleId: randomUUID(), seatId: randomUUID() };

  it('accepts a schedule and seat id', () => {
    expect(HoldSeatRequest.parse(hold)).toEqual(hold);
  });

  it.each([
    ['a missing seat', { scheduleId: hold.scheduleId }, 'seatId'],
    ['a schedule id that is not a uuid', { ...hold, scheduleId: 'schedule-1' }, 'scheduleId'],
    ['a numeric seat id', { ...hold, seatId: 7 }, 'seatId'],
    ['a price sent by the client', { ...hold, price: 1 }, 'price'],
  ])('rejects %s', (_case, body, field) => {
    expect(rejectedFields(HoldSeatRequest, body)).toEqual([field]);
  });
});

describe('when a reservation is shown', () => {
  const reservation = {
    reservationId: randomUUID(),
    scheduleId: randomUUID(),
    seatId: randomUUID(),
    status: 'CONFIRMED',
    expiresAt: '2026-05-01T10:05:00+09:00',
    price: 165_000,
    origin: 'FAN',
  };

  it.each(['FAN', 'WAITLIST_OFFER'])('accepts origin %s', (origin) => {
    expect(rejectedFields(ReservationView, { ...reservation, origin })).toEqual([]);
  });

  it('rejects a reservation that does not say where it came from', () => {
    expect(rejectedFields(ReservationView, { ...reservation, origin: undefined })).toEqual([
      'origin',
    ]);
  });

  it.each(['HELD', 'CONFIRMED', 'EXPIRED', 'CANCELLED'])('accepts status %s', (status) => {
    expect(rejectedFields(ReservationView, { ...reservation, status })).toEqual([]);
  });

  it('rejects a status outside the lifecycle', () => {
    expect(rejectedFields(ReservationView, { ...reservation, status: 'PAID' })).toEqual(['status']);
  });
});
