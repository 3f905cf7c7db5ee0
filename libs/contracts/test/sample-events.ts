import { randomUUID } from 'node:crypto';
import type { ReservationHeldPayload } from '../src';

export function aHeldSeat(overrides: Partial<ReservationHeldPayload> = {}): ReservationHeldPayload {
  return {
    reservationId: randomUUID(),
    scheduleId: randomUUID(),
    seatId: randomUUID(),
    userId: randomUUID(),
    price: 165_000,
    expiresAt: '2026-05-01T10:05:00Z',
    ...overrides,
  };
}
