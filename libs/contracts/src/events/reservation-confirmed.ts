import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Won } from '../won';
import { eventEnvelope } from './envelope';

export const RESERVATION_CONFIRMED = 'reservation.confirmed';
export const RESERVATION_CONFIRMED_VERSION = 1;

export const ReservationConfirmedPayload = z.object({
  reservationId: EntityId,
  scheduleId: EntityId,
  seatId: EntityId,
  userId: EntityId,
  paymentId: EntityId,
  amount: Won,
});
export type ReservationConfirmedPayload = z.infer<typeof ReservationConfirmedPayload>;

export const ReservationConfirmedEvent = eventEnvelope(
  RESERVATION_CONFIRMED,
  RESERVATION_CONFIRMED_VERSION,
  ReservationConfirmedPayload,
);
export type ReservationConfirmedEvent = z.infer<typeof ReservationConfirmedEvent>;
