import {
  dlqTopicOf,
  eventOf,
  PAYMENT_CANCELLED,
  PAYMENT_REQUESTED,
  RESERVATION_CONFIRMED,
  type PaymentCancelledEvent,
  type PaymentRequestedEvent,
  type ReservationConfirmedEvent,
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
import { cancelPayment } from '../use-cases/cancel-payment';
import { recordSale } from '../use-cases/record-sale';
import { settlePayment } from '../use-cases/settle-payment';
import { walletTopics, type WalletTopics } from './wallet-topics';

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

type WalletEvent = PaymentRequestedEvent | PaymentCancelledEvent | ReservationConfirmedEvent;

/**
 * The wallet's part of the payment saga: settles each payment request once (a debit and its
 * payment.completed, or payment.failed), undoes each payment the reservation service cancelled
 * (a refund, or a note that the request must debit nothing), and records each sale it confirmed,
 * whose payment is then never refunded. A request, its cancellation and its sale
 * travel on different topics, so any may come first: each locks the wallet row.
 */
export function startPaymentSagaConsumer(deps: PaymentSagaConsumerDeps) {
  const topics = deps.topics ?? walletTopics;
  return startInboxConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId ?? 'wallet',
    topics: [topics.paymentRequested, topics.paymentCancelled, topics.reservationConfirmed],
    dlqTopicOf,
    db: relayWakingDatabase(deps.db, deps.relay),
    producer: deps.producer,
    logger: deps.logger,
    retry: deps.retry,
    parse: walletEventOf,
    handle: (event, tx) => {
      switch (event.type) {
        case PAYMENT_REQUESTED:
          return settlePayment(tx, event.payload, topics);
        case PAYMENT_CANCELLED:
          return cancelPayment(tx, event.payload, deps.logger);
        case RESERVATION_CONFIRMED:
          return recordSale(tx, event.payload, deps.logger);
      }
    },
  });
}

// The inbox consumer hands over decoded JSON; eventOf checks it against the registry.
function walletEventOf(value: unknown): WalletEvent {
  const event = eventOf(value);
  if (
    event.type !== PAYMENT_REQUESTED &&
    event.type !== PAYMENT_CANCELLED &&
    event.type !== RESERVATION_CONFIRMED
  ) {
    throw new NonRetriableError(`${event.type} v${event.version} is not for the wallet`);
  }
  return event;
}
