import { consume, type Logger, type RetryPolicy } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { cancelPayment } from '../use-cases/cancel-payment';
import { recordSale } from '../use-cases/record-sale';
import { settlePayment } from '../use-cases/settle-payment';

export interface PaymentSagaConsumerDeps {
  kafka: Kafka;
  db: SqlDatabase;
  /** Sends dead letters. */
  producer: Producer;
  logger: Logger;
  kafkaNamespace: string;
  /** 'wallet' unless a test gives its own, so a test never joins a running service's group. */
  group?: string;
  retry?: RetryPolicy;
}

/**
 * The wallet's part of the payment saga: settles each payment request once (a debit and its
 * payment.completed, or payment.failed), undoes each payment the reservation service cancelled
 * (a refund, or a note that the request must debit nothing), and records each sale it confirmed,
 * whose payment is then never refunded. A request, its cancellation and its sale
 * travel on different topics, so any may come first: each locks the wallet row.
 */
export function startPaymentSagaConsumer(deps: PaymentSagaConsumerDeps): Promise<Consumer> {
  return consume({
    kafka: deps.kafka,
    producer: deps.producer,
    logger: deps.logger,
    kafkaNamespace: deps.kafkaNamespace,
    group: deps.group ?? 'wallet',
    retry: deps.retry,
    inbox: deps.db,
    handlers: {
      'payment.requested': (event, tx) => settlePayment(tx, event.payload),
      'payment.cancelled': (event, tx) => cancelPayment(tx, event.payload, deps.logger),
      'reservation.confirmed': (event, tx) => recordSale(tx, event.payload, deps.logger),
    },
  });
}
