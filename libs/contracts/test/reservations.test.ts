import { randomUUID } from 'node:crypto';
import {
  BookingCancellation,
  HoldSeatRequest,
  ReservationListQuery,
  ReservationView,
} from '../src';
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
    createdAt: '2026-05-01T10:00:00+09:00',
    cancellableUntil: '2026-05-31T19:00:00+09:00',
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

describe('when a fan lists their reservations', () => {
  const cursor = `1764547200123_${'0123456789abcdef'.repeat(2)}`;

  it('reads limit from the query string, 20 by default, and keeps the cursor as it is', () => {
    expect(ReservationListQuery.parse({})).toEqual({ limit: 20 });
    expect(ReservationListQuery.parse({ limit: '100', cursor })).toEqual({ limit: 100, cursor });
  });

  it.each([
    ['no reservations', { limit: '0' }, 'limit'],
    ['more than a hundred', { limit: '101' }, 'limit'],
    ['a cursor it did not hand out', { cursor: 'page-2' }, 'cursor'],
  ])('rejects %s', (_case, query, field) => {
    expect(rejectedFields(ReservationListQuery, query)).toEqual([field]);
  });
});

describe('when a booking is cancelled', () => {
  it('says the refund of the price paid is on its way', () => {
    const cancellation = {
      reservationId: randomUUID(),
      status: 'CANCELLED',
      cancelledAt: '2026-05-01T10:00:00Z',
      refund: { paymentId: randomUUID(), amount: 165_000, status: 'REQUESTED' },
    };
    expect(rejectedFields(BookingCancellation, cancellation)).toEqual([]);
    const negative = { ...cancellation, refund: { ...cancellation.refund, amount: -1 } };
    expect(rejectedFields(BookingCancellation, negative)).toEqual(['refund.amount']);
  });
});
