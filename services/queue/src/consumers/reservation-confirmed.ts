import { parseEvent, RESERVATION_CONFIRMED } from '@headliner/contracts';
import { NonRetriableError } from '@headliner/platform';

/** The part of a reservation.confirmed event the queue acts on. */
export interface ConfirmedPayment {
  eventId: string;
  userId: string;
  paidAt: Date;
}

/** Decodes a message of the reservation.confirmed topic; anything else can never succeed. */
export function parseConfirmedPayment(value: Buffer | null): ConfirmedPayment {
  let event;
  try {
    event = parseEvent(value);
  } catch (error) {
    throw new NonRetriableError(`unreadable event: ${(error as Error).message}`, { cause: error });
  }
  if (event.type !== RESERVATION_CONFIRMED) {
    throw new NonRetriableError(`unexpected ${event.type} on the reservation.confirmed topic`);
  }
  return {
    eventId: event.eventId,
    userId: event.payload.userId,
    paidAt: new Date(event.occurredAt),
  };
}
