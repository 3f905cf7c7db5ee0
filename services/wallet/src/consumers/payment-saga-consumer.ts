import {
  parseEvent,
  PAYMENT_CANCELLED,
  PAYMENT_REQUESTED,
  type PaymentCancelledEvent,
  type PaymentRequestedEvent,
} from '@headliner/contracts';
import {
  NonRetriableError,
  relayWakingDatabase,
  startInboxConsumer,
  type Logger,
  type OutboxRelay,
  type RetryPolicy,
} from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import type { Kafka, Producer } from 'kafkajs';
import { cancelPayment } from './cancel-payment';
import { settlePayment } from './settle-payment';
import { dlqTopicOf, walletTopics, type WalletTopics } from './wallet-topics';

export interface PaymentSagaConsumerDeps {
  kafka: Kafka;
  db: SqlDatabase;
  /** Sends dead letters. */
  producer: Producer;
  relay: OutboxRelay;
  logger: Logger;
  /** The contracts' topics unless main (under KAFKA_NAMESPACE) or a test gives others. */
  topics?: WalletTopics;
  /**
   * 'wallet' unless main (`<KAFKA_NAMESPACE>wallet`) or a test gives its own, so a test never
   * joins a running service's group.
   */
  groupId?: string;
  retry?: RetryPolicy;
}

type WalletEvent = PaymentRequestedEvent | PaymentCancelledEvent;

/**
 * The wallet's part of the payment saga: settles each payment request once (a debit and its
 * payment.completed, or payment.failed), and undoes each payment the reservation service
 * cancelled (a refund, or a note that the request must debit nothing). A request and its
 * cancellation travel on different topics, so either may come first: both lock the wallet row.
 */
export function startPaymentSagaConsumer(deps: PaymentSagaConsumerDeps) {
  const topics = deps.topics ?? walletTopics;
  return startInboxConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId ?? 'wallet',
    topics: [topics.paymentRequested, topics.paymentCancelled],
    dlqTopicOf,
    db: relayWakingDatabase(deps.db, deps.relay),
    producer: deps.producer,
    logger: deps.logger,
    retry: deps.retry,
    parse: walletEventOf,
    handle: (event, tx) =>
      event.type === PAYMENT_REQUESTED
        ? settlePayment(tx, event.payload, topics)
        : cancelPayment(tx, event.payload),
  });
}

// The inbox consumer hands over decoded JSON; parseEvent checks it against the registry.
function walletEventOf(value: unknown): WalletEvent {
  const event = parseEvent(JSON.stringify(value));
  if (event.type !== PAYMENT_REQUESTED && event.type !== PAYMENT_CANCELLED) {
    throw new NonRetriableError(`${event.type} v${event.version} is not for the wallet`);
  }
  return event;
}
