import { parseEvent, PAYMENT_REQUESTED, type PaymentRequestedEvent } from '@headliner/contracts';
import {
  NonRetriableError,
  startInboxConsumer,
  type Logger,
  type OutboxRelay,
  type RetryPolicy,
} from '@headliner/platform';
import type { Kafka, Producer } from 'kafkajs';
import type { PrismaClient } from '../generated/prisma/client';
import { relayWakingDatabase } from '../infra/relay-waking-database';
import { settlePayment } from './settle-payment';
import { dlqTopicOf, walletTopics, type WalletTopics } from './wallet-topics';

export interface PaymentRequestsConsumerDeps {
  kafka: Kafka;
  prisma: PrismaClient;
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

/** Settles each payment request once: a debit and its payment.completed, or payment.failed. */
export function startPaymentRequestsConsumer(deps: PaymentRequestsConsumerDeps) {
  const topics = deps.topics ?? walletTopics;
  return startInboxConsumer({
    kafka: deps.kafka,
    groupId: deps.groupId ?? 'wallet',
    topics: [topics.paymentRequested],
    dlqTopicOf,
    db: relayWakingDatabase(deps.prisma, deps.relay),
    producer: deps.producer,
    logger: deps.logger,
    retry: deps.retry,
    parse: paymentRequestOf,
    handle: (event, tx) => settlePayment(tx, event.payload, topics),
  });
}

// The inbox consumer hands over decoded JSON; parseEvent checks it against the registry.
function paymentRequestOf(value: unknown): PaymentRequestedEvent {
  const event = parseEvent(JSON.stringify(value));
  if (event.type !== PAYMENT_REQUESTED) {
    throw new NonRetriableError(`${event.type} v${event.version} is not a payment request`);
  }
  return event;
}
