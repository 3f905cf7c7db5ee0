import { z } from 'zod';
import { EntityId } from '../entity-id';
import { Timestamp } from '../timestamp';
import { MAX_PRICE_WON } from '../won';
import { apiComponents } from './components';
import { SaleState } from './sale-hold';
import { text } from './text';

export const MAX_SEATS_PER_SCHEDULE = 1000;
/** A concert's schedule list answers them all: this bounds it (a show a day for over a year). */
export const MAX_SCHEDULES_PER_CONCERT = 500;

export const Price = z
  .int()
  .min(1)
  .max(MAX_PRICE_WON)
  .describe('Seat price in whole won, 1..10,000,000');

const concertFields = {
  title: text({ min: 1, max: 200 }),
  artist: text({ min: 1, max: 200 }),
  venue: text({ min: 1, max: 200 }),
  description: text({ max: 5000, multiLine: true }).optional(),
};

export const Concert = z
  .object({ concertId: EntityId, ...concertFields })
  .register(apiComponents, { id: 'Concert' });
export type Concert = z.infer<typeof Concert>;

/** Concerts per page of the list: by default, and at most. */
export const CONCERT_PAGE_SIZE = { default: 20, max: 100 } as const;

/**
 * Where a page of the concert list ends: pass nextCursor back as it is. Every string of this
 * form is a position in the list (newest first), so a cursor stays valid while concerts are added.
 */
export const ConcertCursor = z
  .string()
  .regex(/^[0-9]{1,16}_[0-9a-f]{32}$/)
  .describe('nextCursor of the previous page, passed back unchanged');

export const ConcertListQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(CONCERT_PAGE_SIZE.max)
    .default(CONCERT_PAGE_SIZE.default)
    .describe(`Concerts per page, 1..${CONCERT_PAGE_SIZE.max}`),
  cursor: ConcertCursor.optional(),
});
export type ConcertListQuery = z.infer<typeof ConcertListQuery>;

export const ConcertPage = z
  .object({
    items: z.array(Concert).describe('Newest first'),
    nextCursor: ConcertCursor.nullable().describe(
      'Pass as cursor for the next page; null on the last page',
    ),
  })
  .register(apiComponents, { id: 'ConcertPage' });
export type ConcertPage = z.infer<typeof ConcertPage>;

export const ScheduleSummary = z
  .object({
    scheduleId: EntityId,
    startsAt: Timestamp,
    availableSeats: z.int().nonnegative().describe('Seats neither held nor sold right now'),
    saleState: SaleState.describe('ON_HOLD: an operator holds the sale; no new seat holds'),
  })
  .register(apiComponents, { id: 'ScheduleSummary' });
export type ScheduleSummary = z.infer<typeof ScheduleSummary>;

export const ScheduleList = z
  .array(ScheduleSummary)
  .max(MAX_SCHEDULES_PER_CONCERT)
  .register(apiComponents, { id: 'ScheduleList' });
export type ScheduleList = z.infer<typeof ScheduleList>;

export const SeatStatus = z
  .enum(['AVAILABLE', 'HELD', 'SOLD'])
  .register(apiComponents, { id: 'SeatStatus' });
export type SeatStatus = z.infer<typeof SeatStatus>;

export const Seat = z
  .object({
    seatId: EntityId,
    number: z.int().min(1).max(MAX_SEATS_PER_SCHEDULE).describe('Seat number, 1..seatCount'),
    price: Price,
    status: SeatStatus,
  })
  .register(apiComponents, { id: 'Seat' });
export type Seat = z.infer<typeof Seat>;

export const SeatMap = z
  .object({
    scheduleId: EntityId,
    startsAt: Timestamp.describe('When the performance starts'),
    saleState: SaleState.describe('ON_HOLD: an operator holds the sale; no new seat holds'),
    seats: z.array(Seat).max(MAX_SEATS_PER_SCHEDULE),
  })
  .register(apiComponents, { id: 'SeatMap' });
export type SeatMap = z.infer<typeof SeatMap>;

export const ConcertPath = z.object({ concertId: EntityId });
export type ConcertPath = z.infer<typeof ConcertPath>;

export const SchedulePath = z.object({ scheduleId: EntityId });
export type SchedulePath = z.infer<typeof SchedulePath>;

export const CreateConcertRequest = z
  .object(concertFields)
  .strict()
  .register(apiComponents, { id: 'CreateConcertRequest' });
export type CreateConcertRequest = z.infer<typeof CreateConcertRequest>;

export const CreateConcertResponse = z
  .object({ concertId: EntityId })
  .register(apiComponents, { id: 'CreateConcertResponse' });
export type CreateConcertResponse = z.infer<typeof CreateConcertResponse>;

export const CreateScheduleRequest = z
  .object({
    startsAt: Timestamp,
    seatCount: z.int().min(1).max(MAX_SEATS_PER_SCHEDULE).describe('Creates seats 1..seatCount'),
    price: Price.describe('Price of every seat of the schedule, in whole won'),
  })
  .strict()
  .register(apiComponents, { id: 'CreateScheduleRequest' });
export type CreateScheduleRequest = z.infer<typeof CreateScheduleRequest>;

export const CreateScheduleResponse = z
  .object({ scheduleId: EntityId })
  .register(apiComponents, { id: 'CreateScheduleResponse' });
export type CreateScheduleResponse = z.infer<typeof CreateScheduleResponse>;
