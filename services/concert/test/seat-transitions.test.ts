import { randomUUID } from 'node:crypto';
import {
  availableSeatsChange,
  releaseArrivedFirst,
  seatAfter,
  type SeatOccupancy,
  type SeatRelease,
} from '../src/domain/seat-transitions';

const [older, newer] = [randomUUID(), randomUUID()];
const at = (seconds: number) => new Date(Date.UTC(2027, 4, 1, 10, 0, seconds));

const available: SeatOccupancy = { status: 'AVAILABLE', reservationId: null, heldAt: null };
const heldBy = (reservationId: string, heldAt = at(0)): SeatOccupancy => ({
  status: 'HELD',
  reservationId,
  heldAt,
});
const soldTo = (reservationId: string): SeatOccupancy => ({
  status: 'SOLD',
  reservationId,
  heldAt: null,
});

describe('when a seat is held', () => {
  it('takes an available seat', () => {
    expect(seatAfter(available, { kind: 'held', reservationId: older, at: at(1) })).toEqual(
      heldBy(older, at(1)),
    );
  });

  it('replaces an older hold whose release has not arrived yet', () => {
    expect(seatAfter(heldBy(older), { kind: 'held', reservationId: newer, at: at(5) })).toEqual(
      heldBy(newer, at(5)),
    );
  });

  it('leaves a newer hold, the same hold and a sold seat alone', () => {
    expect(seatAfter(heldBy(newer, at(5)), { kind: 'held', reservationId: older, at: at(1) })).toBe(
      undefined,
    );
    expect(seatAfter(heldBy(older), { kind: 'held', reservationId: older, at: at(0) })).toBe(
      undefined,
    );
    expect(seatAfter(soldTo(older), { kind: 'held', reservationId: newer, at: at(9) })).toBe(
      undefined,
    );
  });
});

describe('when a hold is released', () => {
  const releaseOf = (reservationId: string): SeatRelease => ({
    kind: 'released',
    reservationId,
    at: at(3),
  });

  it('frees the seat if that reservation holds it', () => {
    expect(seatAfter(heldBy(older), releaseOf(older))).toEqual(available);
    expect(releaseArrivedFirst(heldBy(older), releaseOf(older))).toBe(false);
  });

  it('changes nothing if another reservation holds or bought it, or it is free', () => {
    for (const seat of [heldBy(newer), soldTo(newer), available]) {
      expect(seatAfter(seat, releaseOf(older))).toBe(undefined);
    }
  });

  it('frees a seat sold to that very reservation (the reconciliation retracting the sale)', () => {
    expect(seatAfter(soldTo(older), releaseOf(older))).toEqual(available);
    expect(releaseArrivedFirst(soldTo(older), releaseOf(older))).toBe(false);
  });

  it('is remembered when it finds its hold not (yet) on the seat, unless the seat is sold', () => {
    expect(releaseArrivedFirst(available, releaseOf(older))).toBe(true);
    expect(releaseArrivedFirst(heldBy(newer), releaseOf(older))).toBe(true);
    expect(releaseArrivedFirst(soldTo(newer), releaseOf(older))).toBe(false);
  });

  it('is always remembered when it cancels a booking, whose sale may still be on its way', () => {
    const cancellation = { ...releaseOf(older), cancelsBooking: true };
    expect(seatAfter(heldBy(older), cancellation)).toEqual(available);
    for (const seat of [heldBy(older), soldTo(older), available]) {
      expect(releaseArrivedFirst(seat, cancellation)).toBe(true);
    }
  });

  it('makes its own hold, arriving after it, take nothing', () => {
    const lateHold = { kind: 'held', reservationId: older, at: at(1) } as const;
    expect(seatAfter(available, lateHold, true)).toBe(undefined);
    expect(seatAfter(heldBy(newer, at(0)), lateHold, true)).toBe(undefined);
    expect(seatAfter(available, { ...lateHold, reservationId: newer })).toEqual(
      heldBy(newer, at(1)),
    );
  });
});

describe('when a reservation is confirmed', () => {
  it('sells the seat, whoever this catalogue last saw holding it', () => {
    for (const seat of [heldBy(older), heldBy(newer), available]) {
      expect(seatAfter(seat, { kind: 'confirmed', reservationId: older })).toEqual(soldTo(older));
    }
  });

  it('sells nothing once its own release came first (a booking cancelled before its sale arrived)', () => {
    for (const seat of [heldBy(newer), available]) {
      expect(seatAfter(seat, { kind: 'confirmed', reservationId: older }, true)).toBe(undefined);
    }
  });

  it('never sells a sold seat again', () => {
    expect(seatAfter(soldTo(older), { kind: 'confirmed', reservationId: older })).toBe(undefined);
    expect(seatAfter(soldTo(older), { kind: 'confirmed', reservationId: newer })).toBe(undefined);
  });
});

describe('when a seat changes status', () => {
  it.each([
    ['AVAILABLE', 'HELD', -1],
    ['AVAILABLE', 'SOLD', -1],
    ['HELD', 'AVAILABLE', 1],
    ['HELD', 'SOLD', 0],
    ['HELD', 'HELD', 0],
  ] as const)('moves the available count from %s to %s by %d', (before, after, change) => {
    expect(availableSeatsChange(before, after)).toBe(change);
  });
});
