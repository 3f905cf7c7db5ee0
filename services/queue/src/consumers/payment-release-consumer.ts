import { startEventConsumer, type Logger, type RetryPolicy } from '@headliner/platform';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { WaitingRoom } from '../infra/waiting-room';
import { paymentEvents } from '../metrics';
import { confirmedPaymentOf } from './reservation-confirmed';

export interface PaymentReleaseConsumerOptions {
  kafka: Kafka;
  /** Producer used for dead letters. */
  producer: Producer;
  groupId: string;
  /** The reservation.confirmed topic and its DLQ (tests pass random ones). */
  topic: string;
  dlqTopic: string;
  waitingRoom: WaitingRoom;
  logger: Logger;
  retry?: RetryPolicy;
}

/**
 * Frees the buyer's active slot when their payment completes. Idempotency needs no inbox table:
 * the release script records the event id in the same atomic step as its effect (see
 * infra/lua/release.lua), and says when it had seen the id before.
 */
export function startPaymentReleaseConsumer(
  options: PaymentReleaseConsumerOptions,
): Promise<Consumer> {
  const { waitingRoom } = options;
  return startEventConsumer({
    kafka: options.kafka,
    groupId: options.groupId,
    topics: [options.topic],
    dlqTopicOf: () => options.dlqTopic,
    producer: options.producer,
    logger: options.logger,
    retry: options.retry,
    parse: confirmedPaymentOf,
    apply: async (payment) => {
      const outcome = await waitingRoom.releaseAfterPayment(payment);
      paymentEvents.inc({ outcome });
      return outcome === 'duplicate' ? 'duplicate' : 'applied';
    },
  });
}
