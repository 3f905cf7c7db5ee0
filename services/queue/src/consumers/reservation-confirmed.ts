import { eventOf, RESERVATION_CONFIRMED } from '@headliner/contracts';
import { NonRetriableError } from '@headliner/platform';

/** The part of a reservation.confirmed event the queue acts on. */
export interface ConfirmedPayment {
  eventId: string;
  userId: string;
  paidAt: Date;
}

/**
 * Reads a message of the reservation.confirmed topic, as the event consumer hands it over (JSON
 * decoded already). Whatever throws here can never succeed and goes straight to the DLQ.
 */
export function confirmedPaymentOf(value: unknown): ConfirmedPayment {
  const event = eventOf(value);
  if (event.type !== RESERVATION_CONFIRMED) {
    throw new NonRetriableError(`unexpected ${event.type} on the reservation.confirmed topic`);
  }
  return {
    eventId: event.eventId,
    userId: event.payload.userId,
    paidAt: new Date(event.occurredAt),
  };
}
