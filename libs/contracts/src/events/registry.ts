import type { z } from 'zod';
import type { EventEnvelopeSchema } from './envelope';
import { PAYMENT_CANCELLED, PaymentCancelledEvent } from './payment-cancelled';
import { PAYMENT_COMPLETED, PaymentCompletedEvent } from './payment-completed';
import { PAYMENT_FAILED, PaymentFailedEvent } from './payment-failed';
import { PAYMENT_REQUESTED, PaymentRequestedEvent } from './payment-requested';
import { RESERVATION_CONFIRMED, ReservationConfirmedEvent } from './reservation-confirmed';
import { RESERVATION_HELD, ReservationHeldEvent } from './reservation-held';
import { RESERVATION_RELEASED, ReservationReleasedEvent } from './reservation-released';
import {
  SCHEDULE_SALE_STATE_CHANGED,
  ScheduleSaleStateChangedEvent,
} from './schedule-sale-state-changed';

/** Every event of the booking saga and the catalogue's sale controls, by type and then version. */
export const events = {
  [RESERVATION_HELD]: { 1: ReservationHeldEvent },
  [RESERVATION_RELEASED]: { 1: ReservationReleasedEvent },
  [RESERVATION_CONFIRMED]: { 1: ReservationConfirmedEvent },
  [PAYMENT_REQUESTED]: { 1: PaymentRequestedEvent },
  [PAYMENT_COMPLETED]: { 1: PaymentCompletedEvent },
  [PAYMENT_FAILED]: { 1: PaymentFailedEvent },
  [PAYMENT_CANCELLED]: { 1: PaymentCancelledEvent },
  [SCHEDULE_SALE_STATE_CHANGED]: { 1: ScheduleSaleStateChangedEvent },
} as const;

type Registry = typeof events;
export type EventType = keyof Registry;

/** Any event of the registry; narrow it with `switch (event.type)`. */
export type BookingEvent = {
  [T in EventType]: { [V in keyof Registry[T]]: z.infer<Registry[T][V]> }[keyof Registry[T]];
}[EventType];

export function eventSchemaFor(type: string, version: number): EventEnvelopeSchema | undefined {
  if (!Object.hasOwn(events, type)) return undefined;
  const versions: Record<number, EventEnvelopeSchema> = events[type as EventType];
  return versions[version];
}
