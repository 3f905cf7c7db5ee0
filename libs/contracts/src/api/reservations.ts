import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
import { Price } from './catalogue';
import { apiComponents } from './components';

export const HoldSeatRequest = z
  .object({ scheduleId: EntityId, seatId: EntityId })
  .strict()
  .register(apiComponents, { id: 'HoldSeatRequest' });
export type HoldSeatRequest = z.infer<typeof HoldSeatRequest>;

export const SeatHold = z
  .object({
    reservationId: EntityId,
    status: z.literal('HELD'),
    expiresAt: Timestamp.describe('Pay before this instant or the seat is released'),
    price: Price,
  })
  .register(apiComponents, { id: 'SeatHold' });
export type SeatHold = z.infer<typeof SeatHold>;

export const ReservationStatus = z
  .enum(['HELD', 'CONFIRMED', 'EXPIRED', 'CANCELLED'])
  .register(apiComponents, { id: 'ReservationStatus' });
export type ReservationStatus = z.infer<typeof ReservationStatus>;

export const ReservationOrigin = z
  .enum(['FAN', 'WAITLIST_OFFER'])
  .describe('FAN: held by the fan; WAITLIST_OFFER: held for them from the waiting list')
  .register(apiComponents, { id: 'ReservationOrigin' });
export type ReservationOrigin = z.infer<typeof ReservationOrigin>;

export const ReservationView = z
  .object({
    reservationId: EntityId,
    scheduleId: EntityId,
    seatId: EntityId,
    status: ReservationStatus,
    expiresAt: Timestamp.describe('End of the hold; meaningful while HELD'),
    price: Price,
    origin: ReservationOrigin,
  })
  .register(apiComponents, { id: 'ReservationView' });
export type ReservationView = z.infer<typeof ReservationView>;

export const ReservationPath = z.object({ reservationId: EntityId });
export type ReservationPath = z.infer<typeof ReservationPath>;
