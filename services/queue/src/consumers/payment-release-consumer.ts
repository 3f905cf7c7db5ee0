import { consume, type Logger, type RetryPolicy } from '@headliner/platform';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { WaitingRoom } from '../infra/waiting-room';
import { paymentEvents } from '../metrics';

export interface PaymentReleaseConsumerOptions {
  kafka: Kafka;
  /** Producer used for dead letters. */
  producer: Producer;
  kafkaNamespace: string;
  /** 'queue' unless a test gives its own. */
  group?: string;
  waitingRoom: WaitingRoom;
  logger: Logger;
  retry?: RetryPolicy;
}

/**
 * Frees the buyer's active slot in the paid schedule's room when their payment completes. Idempotency needs no inbox table:
 * the release script records the event id in the same atomic step as its effect (see
 * infra/lua/release.lua), and says when it had seen the id before.
 */
export function startPaymentReleaseConsumer(
  options: PaymentReleaseConsumerOptions,
): Promise<Consumer> {
  const { waitingRoom } = options;
  return consume({
    kafka: options.kafka,
    producer: options.producer,
    logger: options.logger,
    kafkaNamespace: options.kafkaNamespace,
    group: options.group ?? 'queue',
    retry: options.retry,
    inbox: false,
    handlers: {
      'reservation.confirmed': async (event) => {
        const { eventId, occurredAt, payload } = event;
        const payment = {
          eventId,
          userId: payload.userId,
          scheduleId: payload.scheduleId.toLowerCase(),
          paidAt: new Date(occurredAt),
        };
        const outcome = await waitingRoom.releaseAfterPayment(payment);
        paymentEvents.inc({ outcome });
        return outcome === 'duplicate' ? 'duplicate' : 'applied';
      },
    },
  });
}
