import { dlqTopicOf, eventOf, type BookingEvent } from '@headliner/contracts';
import {
  NonRetriableError,
  relayWakingDatabase,
  startInboxConsumer,
  type Logger,
} from '@headliner/platform';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { paymentOutcomeOf, type PaymentOutcome } from '../domain/payment-outcome';
import type { EventTopics } from '../infra/event-topics';
import type { Database, Transaction } from '../infra/database';
import type { SeatClaims } from '../infra/seat-claims';
import type { PaymentOutcomeWatch } from '../infra/payment-outcome-watch';
import {
  recordPaymentCompleted,
  recordPaymentFailed,
  type Recorded,
} from '../use-cases/record-payment-answer';

export interface PaymentAnswerConsumerOptions {
  kafka: Kafka;
  producer: Producer;
  db: Database;
  relay: { wake(): void };
  claims: SeatClaims;
  logger: Logger;
  topics: EventTopics;
  /** Told of each answer once recorded, so the payment request waiting for it returns. */
  outcomes: Pick<PaymentOutcomeWatch, 'settled'>;
  /** 'reservation' in production (behind KAFKA_NAMESPACE if set); tests use their own. */
  groupId: string;
}

/** Applies the wallet's answers (payment.completed / payment.failed) to payments and holds. */
export function startPaymentAnswerConsumer(
  options: PaymentAnswerConsumerOptions,
): Promise<Consumer> {
  const { topics, logger } = options;
  const apply = async (event: BookingEvent, tx: Transaction): Promise<AppliedAnswer> => {
    // The outcome is read off the payment row this answer settles, as the watch reads it.
    switch (event.type) {
      case 'payment.completed': {
        const { paymentId, balance } = event.payload;
        const recorded = await recordPaymentCompleted(tx, topics, event.payload);
        const row = { status: 'COMPLETED', balanceAfter: balance, failureReason: null } as const;
        return { recorded, paymentId, outcome: paymentOutcomeOf(row) };
      }
      case 'payment.failed': {
        const { paymentId, reason } = event.payload;
        const recorded = await recordPaymentFailed(tx, topics, event.payload);
        const row = { status: 'FAILED', balanceAfter: null, failureReason: reason } as const;
        return { recorded, paymentId, outcome: paymentOutcomeOf(row) };
      }
      default:
        throw new NonRetriableError(`${event.type} is not a wallet answer`);
    }
  };
  return startInboxConsumer({
    kafka: options.kafka,
    groupId: options.groupId,
    topics: [topics.paymentCompleted, topics.paymentFailed],
    dlqTopicOf,
    db: relayWakingDatabase(options.db, options.relay),
    producer: options.producer,
    logger,
    // The inbox has decoded the JSON already; its parse errors go straight to the DLQ.
    parse: eventOf,
    handle: async (event, tx) => {
      const answer = await apply(event, tx);
      const hold = answer.recorded;
      if (hold === 'stale') {
        logger.warn(
          { eventId: event.eventId, type: event.type },
          'wallet answer for a payment that is not REQUESTED (unknown or settled already): ignored',
        );
        return undefined;
      }
      if (event.type === 'payment.failed') {
        // Before commit is fine: a hold racing in for the seat waits on this transaction's row.
        await options.claims.release(hold.seatId, hold.reservationId);
      }
      return answer;
    },
    committed: (_event, answer) => {
      if (answer) options.outcomes.settled(answer.paymentId, answer.outcome);
    },
  });
}

interface AppliedAnswer {
  recorded: Recorded;
  paymentId: string;
  outcome: PaymentOutcome;
}
