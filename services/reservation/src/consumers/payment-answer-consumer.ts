import type {
  PaymentCompletedEvent,
  PaymentFailedEvent,
  ScheduleSaleStateChangedEvent,
} from '@headliner/contracts';
import { consume, type Logger } from '@headliner/platform';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { paymentOutcomeOf } from '../domain/payment-outcome';
import type { Database, Transaction } from '../infra/database';
import type { SeatClaims } from '../infra/seat-claims';
import type { PaymentOutcomeWatch } from '../infra/payment-outcome-watch';
import { recordPaymentCompleted, recordPaymentFailed } from '../use-cases/record-payment-answer';
import { recordSaleState } from '../use-cases/record-sale-state';
import { offerReleasedSeats, type WaitlistOfferDeps } from './waitlist-offers';

export interface PaymentAnswerConsumerOptions extends WaitlistOfferDeps {
  kafka: Kafka;
  producer: Producer;
  db: Database;
  claims: SeatClaims;
  logger: Logger;
  /** Told of each answer once recorded, so the payment request waiting for it returns. */
  outcomes: Pick<PaymentOutcomeWatch, 'settled'>;
  kafkaNamespace: string;
  /** 'reservation' unless a test gives its own. */
  group?: string;
}

/**
 * Applies the wallet's answers (payment.completed / payment.failed) to payments and holds, and
 * the catalogue's schedule.sale-state-changed to the sale states that new holds are checked on;
 * offers the seats of this service's own reservation.released to the waiting lists.
 */
export function startPaymentAnswerConsumer(
  options: PaymentAnswerConsumerOptions,
): Promise<Consumer> {
  const { logger, outcomes } = options;
  const ignoreStale = (event: PaymentCompletedEvent | PaymentFailedEvent) =>
    logger.warn(
      { eventId: event.eventId, type: event.type },
      'wallet answer for a payment that is not REQUESTED (unknown or settled already): ignored',
    );
  // The outcome is read off the payment row this answer settles, as the watch reads it.
  const completed = async (event: PaymentCompletedEvent, tx: Transaction) => {
    const { paymentId, balance } = event.payload;
    if ((await recordPaymentCompleted(tx, event.payload)) === 'stale') return ignoreStale(event);
    const row = { status: 'COMPLETED', balanceAfter: balance, failureReason: null } as const;
    tx.afterCommit(() => outcomes.settled(paymentId, paymentOutcomeOf(row)));
  };
  const failed = async (event: PaymentFailedEvent, tx: Transaction) => {
    const { paymentId, reason } = event.payload;
    const hold = await recordPaymentFailed(tx, event.payload);
    if (hold === 'stale') return ignoreStale(event);
    // Before commit is fine: a hold racing in for the seat waits on this transaction's row.
    await options.claims.release(hold.seatId, hold.reservationId);
    const row = { status: 'FAILED', balanceAfter: null, failureReason: reason } as const;
    tx.afterCommit(() => outcomes.settled(paymentId, paymentOutcomeOf(row)));
  };
  const saleStateChanged = async (event: ScheduleSaleStateChangedEvent, tx: Transaction) => {
    const recorded = await recordSaleState(tx, event);
    const { scheduleId, saleState, saleVersion } = event.payload;
    tx.afterCommit(() =>
      logger.info({ scheduleId, saleState, saleVersion, recorded }, 'schedule sale state applied'),
    );
  };
  return consume({
    kafka: options.kafka,
    producer: options.producer,
    logger,
    kafkaNamespace: options.kafkaNamespace,
    group: options.group ?? 'reservation',
    inbox: options.db,
    handlers: {
      'payment.completed': completed,
      'payment.failed': failed,
      'schedule.sale-state-changed': saleStateChanged,
      'reservation.released': offerReleasedSeats(options),
    },
  });
}
