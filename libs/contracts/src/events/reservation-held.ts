import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
import { Won } from '../won';
import { eventEnvelope } from './envelope';

export const RESERVATION_HELD = 'reservation.held';
export const RESERVATION_HELD_VERSION = 1;

export const ReservationHeldPayload = z.object({
  reservationId: EntityId,
  scheduleId: EntityId,
  seatId: EntityId,
  userId: EntityId,
  price: Won,
  expiresAt: Timestamp.describe('The hold lapses at this instant unless paid'),
});
export type ReservationHeldPayload = z.infer<typeof ReservationHeldPayload>;

export const ReservationHeldEvent = eventEnvelope(
  RESERVATION_HELD,
  RESERVATION_HELD_VERSION,
  ReservationHeldPayload,
);
export type ReservationHeldEvent = z.infer<typeof ReservationHeldEvent>;
