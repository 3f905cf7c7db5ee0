import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
import { Won } from '../won';
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
    createdAt: Timestamp.describe('When the seat was held'),
    cancellableUntil: Timestamp.optional().describe(
      'CONFIRMED only: the booking can be cancelled (and refunded) until this instant',
    ),
  })
  .register(apiComponents, { id: 'ReservationView' });
export type ReservationView = z.infer<typeof ReservationView>;

export const ReservationPath = z.object({ reservationId: EntityId });
export type ReservationPath = z.infer<typeof ReservationPath>;

/** Reservations per page of the caller's list: by default, and at most. */
export const RESERVATION_PAGE_SIZE = { default: 20, max: 100 } as const;

/**
 * Where a page of the caller's reservations ends: pass nextCursor back as it is. Every string of
 * this form is a position in the list (newest first), so a cursor stays valid as holds are added.
 */
export const ReservationCursor = z
  .string()
  .regex(/^[0-9]{1,16}_[0-9a-f]{32}$/)
  .describe('nextCursor of the previous page, passed back unchanged');

export const ReservationListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(RESERVATION_PAGE_SIZE.max)
    .default(RESERVATION_PAGE_SIZE.default)
    .describe(`Reservations per page, 1..${RESERVATION_PAGE_SIZE.max}`),
  cursor: ReservationCursor.optional(),
});
export type ReservationListQuery = z.infer<typeof ReservationListQuery>;

export const ReservationPage = z
  .object({
    items: z.array(ReservationView).describe('Newest first'),
    nextCursor: ReservationCursor.nullable().describe(
      'Pass as cursor for the next page; null on the last page',
    ),
  })
  .register(apiComponents, { id: 'ReservationPage' });
export type ReservationPage = z.infer<typeof ReservationPage>;

export const BookingCancellation = z
  .object({
    reservationId: EntityId,
    status: z.literal('CANCELLED'),
    cancelledAt: Timestamp,
    refund: z.object({
      paymentId: EntityId,
      amount: Won.describe('Won given back to the wallet: the price paid'),
      status: z
        .literal('REQUESTED')
        .describe(
          'The wallet refunds it once, through the payment saga; its REFUND shows in GET /api/v1/wallet/transactions',
        ),
    }),
  })
  .register(apiComponents, { id: 'BookingCancellation' });
export type BookingCancellation = z.infer<typeof BookingCancellation>;
