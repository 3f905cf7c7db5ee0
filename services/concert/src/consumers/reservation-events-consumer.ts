import { dlqTopicOf, eventOf, topicNames, type TopicNames } from '@headliner/contracts';
import { startInboxConsumer, type Logger } from '@headliner/platform';
import type { SqlDatabase } from '@headliner/platform/database';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { CatalogueCache } from '../infra/catalogue-cache';
import type { SeatEvent } from '../domain/seat-transitions';
import { withAfterCommit } from './after-commit';
import { applySeatEvent, type SeatEventOutcome } from '../use-cases/apply-seat-event';
import { seatEventOf } from './seat-event-of';

/** The topics this consumer reads, out of one system's topic names. */
export function reservationTopicsIn(names: TopicNames): string[] {
  return [names.reservationHeld, names.reservationReleased, names.reservationConfirmed];
}

export interface ReservationEventsConsumerOptions {
  kafka: Kafka;
  /** For dead letters. */
  producer: Producer;
  /** The seat-event transactions run on pg (see apply-seat-event.ts). */
  db: SqlDatabase;
  /** Absent when CATALOGUE_CACHE=off. */
  cache?: CatalogueCache;
  logger: Logger;
  /** The reservation topics (main: under KAFKA_NAMESPACE; tests: their own). DLQ `<topic>.dlq`. */
  topics?: string[];
  groupId?: string;
}

/**
 * Keeps seats and available-seat counts current from reservation.held / released / confirmed:
 * the database first, in the inbox transaction, then the cache once that committed. A crash in
 * between leaves the cache one change behind; the cache's TTL (which events never extend)
 * reloads it from the database soon after, and the next event on that seat corrects it sooner.
 */
export function startReservationEventsConsumer(
  options: ReservationEventsConsumerOptions,
): Promise<Consumer> {
  const { cache, logger } = options;
  const { db, afterCommit } = withAfterCommit(options.db);

  const updateCache = async (outcome: SeatEventOutcome) => {
    if (!cache || !outcome.seat) return;
    try {
      await cache.applySeatChange(outcome.seat, outcome.availability);
    } catch (error) {
      logger.warn({ err: error, seatId: outcome.seat.seatId }, 'seat cache update failed');
    }
  };

  return startInboxConsumer({
    kafka: options.kafka,
    groupId: options.groupId ?? 'concert',
    topics: options.topics ?? reservationTopicsIn(topicNames()),
    dlqTopicOf,
    db,
    producer: options.producer,
    logger,
    // parseEvent takes the raw message; the inbox consumer has already decoded the JSON.
    parse: eventOf,
    handle: async (event, tx) => {
      const { seatId, event: seatEvent } = seatEventOf(event);
      const outcome = await applySeatEvent(tx, seatId, seatEvent);
      if (outcome.seat) afterCommit(tx, () => updateCache(outcome));
      else logUnchanged(logger, event.eventId, seatId, seatEvent, outcome);
    },
  });
}

function logUnchanged(
  logger: Logger,
  eventId: string,
  seatId: string,
  event: SeatEvent,
  { before }: SeatEventOutcome,
) {
  const fields = { eventId, seatId, event: event.kind, status: before.status };
  // A second sale of one seat is the reservation service breaking its promise: say it loudly.
  if (event.kind === 'confirmed' && before.reservationId !== event.reservationId) {
    logger.error(
      { ...fields, soldTo: before.reservationId },
      'seat confirmed for a second reservation',
    );
  } else {
    logger.info(fields, 'reservation event changed nothing: replayed, overtaken or ended early');
  }
}
