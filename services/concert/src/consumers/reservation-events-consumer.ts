import type { BookingEvent } from '@headliner/contracts';
import { consume, type Logger } from '@headliner/platform';
import type { SqlDatabase, SqlTransaction } from '@headliner/platform/database';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { CatalogueCache } from '../infra/catalogue-cache';
import type { SeatEvent } from '../domain/seat-transitions';
import { applySeatEvent, type SeatEventOutcome } from '../use-cases/apply-seat-event';
import { seatEventOf } from './seat-event-of';

export interface ReservationEventsConsumerOptions {
  kafka: Kafka;
  /** For dead letters. */
  producer: Producer;
  /** The seat-event transactions run on pg (see apply-seat-event.ts). */
  db: SqlDatabase;
  /** Absent when CATALOGUE_CACHE=off. */
  cache?: CatalogueCache;
  logger: Logger;
  kafkaNamespace: string;
  /** 'concert' unless a test gives its own. */
  group?: string;
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

  const updateCache = async (outcome: SeatEventOutcome) => {
    if (!cache || !outcome.seat) return;
    try {
      await cache.applySeatChange(outcome.seat, outcome.availability);
    } catch (error) {
      logger.warn({ err: error, seatId: outcome.seat.seatId }, 'seat cache update failed');
    }
  };

  const apply = async (event: BookingEvent, tx: SqlTransaction) => {
    const { seatId, event: seatEvent } = seatEventOf(event);
    const outcome = await applySeatEvent(tx, seatId, seatEvent);
    if (outcome.seat) tx.afterCommit(() => updateCache(outcome));
    else logUnchanged(logger, event.eventId, seatId, seatEvent, outcome);
  };
  return consume({
    kafka: options.kafka,
    producer: options.producer,
    logger,
    kafkaNamespace: options.kafkaNamespace,
    group: options.group ?? 'concert',
    inbox: options.db,
    handlers: {
      'reservation.held': apply,
      'reservation.released': apply,
      'reservation.confirmed': apply,
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
