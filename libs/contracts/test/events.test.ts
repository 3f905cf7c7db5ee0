import { randomUUID } from 'node:crypto';
import {
  newEvent,
  parseEvent,
  PaymentCancelledEvent,
  PaymentFailedEvent,
  RESERVATION_HELD,
  ReservationHeldEvent,
  ReservationReleasedEvent,
  UnparseableEventError,
  type UnparseableEventReason,
} from '../src';
import { aHeldSeat } from './sample-events';

function rejectionOf(value: string | Uint8Array | null): UnparseableEventError {
  try {
    parseEvent(value);
  } catch (error) {
    if (error instanceof UnparseableEventError) return error;
    throw error;
  }
  throw new Error('parseEvent accepted the message');
}

const reasonOf = (value: string | Uint8Array | null): UnparseableEventReason =>
  rejectionOf(value).reason;

describe('when a producer creates an event', () => {
  it('stamps a fresh id, the type, the version and the time', () => {
    const occurredAt = new Date('2026-05-01T10:00:00.000Z');
    const event = newEvent(ReservationHeldEvent, aHeldSeat(), occurredAt);
    expect(event).toMatchObject({ type: 'reservation.held', version: 1 });
    expect(event.occurredAt).toBe('2026-05-01T10:00:00.000Z');
    expect(event.eventId).not.toBe(newEvent(ReservationHeldEvent, aHeldSeat()).eventId);
  });

  it('refuses a payload that breaks the schema', () => {
    expect(() => newEvent(ReservationHeldEvent, aHeldSeat({ price: -1 }))).toThrow();
  });
});

describe('when a consumer parses a message', () => {
  it('gets back exactly the event that was published, from a Buffer or a string', () => {
    const event = newEvent(ReservationHeldEvent, aHeldSeat());
    expect(parseEvent(Buffer.from(JSON.stringify(event)))).toEqual(event);
    expect(parseEvent(JSON.stringify(event))).toEqual(event);
  });

  it('narrows the event by its type', () => {
    const payload = {
      paymentId: randomUUID(),
      reservationId: randomUUID(),
      userId: randomUUID(),
      amount: 165_000,
      reason: 'INSUFFICIENT_BALANCE' as const,
    };
    const event = parseEvent(JSON.stringify(newEvent(PaymentFailedEvent, payload)));
    expect(event.type === 'payment.failed' && event.payload.reason).toBe('INSUFFICIENT_BALANCE');
  });

  it('reads a payment cancellation and a hold released because its payment timed out', () => {
    const cancelled = newEvent(PaymentCancelledEvent, {
      paymentId: randomUUID(),
      reservationId: randomUUID(),
      userId: randomUUID(),
      amount: 165_000,
      reason: 'TIMED_OUT',
    });
    const { reservationId, scheduleId, seatId, userId } = aHeldSeat();
    const released = newEvent(ReservationReleasedEvent, {
      ...{ reservationId, scheduleId, seatId, userId },
      reason: 'PAYMENT_TIMED_OUT',
    });
    expect(parseEvent(JSON.stringify(cancelled))).toEqual(cancelled);
    expect(parseEvent(JSON.stringify(released))).toEqual(released);
    expect(() =>
      newEvent(PaymentCancelledEvent, { ...cancelled.payload, reason: 'BORED' as never }),
    ).toThrow();
  });

  it('tolerates a payload field added by a newer producer of the same version', () => {
    const event = newEvent(ReservationHeldEvent, aHeldSeat());
    const newer = { ...event, payload: { ...event.payload, section: 'A' } };
    expect(parseEvent(JSON.stringify(newer))).toEqual(event);
  });

  it('rejects a version it does not know, naming type and version', () => {
    const event = { ...newEvent(ReservationHeldEvent, aHeldSeat()), version: 2 };
    const error = rejectionOf(JSON.stringify(event));
    expect(error).toMatchObject({ reason: 'UNKNOWN_EVENT', eventType: RESERVATION_HELD });
    expect(error.eventVersion).toBe(2);
  });

  it('rejects a type it does not know', () => {
    const event = { ...newEvent(ReservationHeldEvent, aHeldSeat()), type: 'seat.teleported' };
    expect(reasonOf(JSON.stringify(event))).toBe('UNKNOWN_EVENT');
  });

  it('does not mistake an inherited property for an event type', () => {
    const event = { ...newEvent(ReservationHeldEvent, aHeldSeat()), type: 'toString' };
    expect(reasonOf(JSON.stringify(event))).toBe('UNKNOWN_EVENT');
  });

  it('rejects a payload that breaks the schema, with the issue path', () => {
    const event = newEvent(ReservationHeldEvent, aHeldSeat());
    const broken = { ...event, payload: { ...event.payload, seatId: 'seat-7' } };
    const error = rejectionOf(JSON.stringify(broken));
    expect(error.reason).toBe('INVALID_PAYLOAD');
    expect(error.issues.map((issue) => issue.path)).toEqual([['payload', 'seatId']]);
  });

  it.each([
    ['an empty value', null],
    ['text that is not JSON', 'reservation held!'],
    ['JSON that is not an envelope', '{"hello":"world"}'],
  ])('rejects %s as malformed', (_case, value) => {
    expect(reasonOf(value)).toBe('MALFORMED');
  });

  it.each([
    ['a bad event id', { eventId: 'e-1' }],
    ['an occurrence time without an offset', { occurredAt: '2026-05-01T10:00:00' }],
    ['a fractional version', { version: 1.5 }],
  ])('rejects an envelope with %s as malformed', (_case, change) => {
    const event = { ...newEvent(ReservationHeldEvent, aHeldSeat()), ...change };
    expect(reasonOf(JSON.stringify(event))).toBe('MALFORMED');
  });
});
