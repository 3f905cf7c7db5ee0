import {
  defaultRetryPolicy,
  NonRetriableError,
  retryDelayMs,
  type Logger,
  type RetryPolicy,
} from '@headliner/platform';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { WaitingRoom } from '../infra/waiting-room';
import { paymentEvents } from '../queue-metrics';
import { sendToDeadLetterTopic } from './dead-letter';
import { parseConfirmedPayment } from './reservation-confirmed';

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
 * release-lua.ts). Failures are retried in place with jittered backoff, keeping the partition's
 * order; then the message goes to the DLQ. If even that fails, Kafka redelivers.
 */
export async function startPaymentReleaseConsumer(
  options: PaymentReleaseConsumerOptions,
): Promise<Consumer> {
  const { groupId, logger, waitingRoom } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const consumer = options.kafka.consumer({ groupId, sessionTimeout: 10_000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [options.topic], fromBeginning: true });

  const processMessage = async ({ topic, partition, message, heartbeat }: EachMessagePayload) => {
    for (let attempts = 1; ; attempts += 1) {
      try {
        const payment = parseConfirmedPayment(message.value);
        paymentEvents.inc({ outcome: await waitingRoom.releaseAfterPayment(payment) });
        return;
      } catch (error) {
        const final = error instanceof NonRetriableError || attempts >= retry.maxAttempts;
        logger.warn(
          { err: error, topic, partition, offset: message.offset, attempts, final },
          final ? 'event failed for good; dead-lettering' : 'event failed; retrying',
        );
        if (final) {
          await sendToDeadLetterTopic(options.producer, {
            dlqTopic: options.dlqTopic,
            sourceTopic: topic,
            partition,
            message,
            consumerGroup: groupId,
            error,
            attempts,
          });
          paymentEvents.inc({ outcome: 'dead_lettered' });
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempts, retry)));
        await heartbeat();
      }
    }
  };

  await consumer.run({ eachMessage: processMessage });
  return consumer;
}
