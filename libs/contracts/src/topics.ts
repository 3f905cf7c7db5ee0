import { z } from 'zod';
import { PAYMENT_CANCELLED, PAYMENT_CANCELLED_VERSION } from './events/payment-cancelled';
import { PAYMENT_COMPLETED, PAYMENT_COMPLETED_VERSION } from './events/payment-completed';
import { PAYMENT_FAILED, PAYMENT_FAILED_VERSION } from './events/payment-failed';
import { PAYMENT_REQUESTED, PAYMENT_REQUESTED_VERSION } from './events/payment-requested';
import {
  RESERVATION_CONFIRMED,
  RESERVATION_CONFIRMED_VERSION,
} from './events/reservation-confirmed';
import { RESERVATION_HELD, RESERVATION_HELD_VERSION } from './events/reservation-held';
import { RESERVATION_RELEASED, RESERVATION_RELEASED_VERSION } from './events/reservation-released';
import {
  SCHEDULE_SALE_STATE_CHANGED,
  SCHEDULE_SALE_STATE_CHANGED_VERSION,
} from './events/schedule-sale-state-changed';
import type { BookingEvent, EventType } from './events/registry';

/** A payload field of any event: each topic's key names one its events all carry. */
type PayloadField = BookingEvent extends infer E
  ? E extends { payload: infer P }
    ? keyof P
    : never
  : never;

/** A service that produces or consumes events: each logs in to Kafka as its own principal. */
export type EventService = 'reservation' | 'wallet' | 'concert' | 'queue';

export interface Topic {
  name: string;
  /** The one service that produces it: only its principal may write the topic (see README). */
  producer: EventService;
  /** The services whose consumers read it (and so may write its DLQ and their group). */
  consumers: readonly EventService[];
  /** Payload field whose value is the message key: one reservation's saga stays in one partition */
  key: PayloadField;
  partitions: number;
  /** Where consumers park messages that fail for good, with the error in the headers */
  dlq: string;
  events: readonly { type: EventType; version: number }[];
}

// Three partitions let up to three instances of a consumer share the load. Adding partitions later
// moves keys to other partitions, so drain the topic first.
const PARTITIONS = 3;

/*
 * WARNING: topic names NEVER change. Producers, consumers, their committed offsets and every DLQ
 * are bound to them. A breaking change to an event is a new version on a new topic (….v2),
 * published alongside the old one until every consumer has moved.
 */
export const topics = {
  reservationHeld: {
    producer: 'reservation',
    consumers: ['concert'],
    name: 'headliner.reservation.held.v1',
    dlq: 'headliner.reservation.held.v1.dlq',
    key: 'reservationId',
    partitions: PARTITIONS,
    events: [{ type: RESERVATION_HELD, version: RESERVATION_HELD_VERSION }],
  },
  // The reservation service reads its own releases to offer the seat to its waiting list.
  reservationReleased: {
    producer: 'reservation',
    consumers: ['concert', 'reservation'],
    name: 'headliner.reservation.released.v1',
    dlq: 'headliner.reservation.released.v1.dlq',
    key: 'reservationId',
    partitions: PARTITIONS,
    events: [{ type: RESERVATION_RELEASED, version: RESERVATION_RELEASED_VERSION }],
  },
  reservationConfirmed: {
    producer: 'reservation',
    consumers: ['concert', 'queue', 'wallet'],
    name: 'headliner.reservation.confirmed.v1',
    dlq: 'headliner.reservation.confirmed.v1.dlq',
    key: 'reservationId',
    partitions: PARTITIONS,
    events: [{ type: RESERVATION_CONFIRMED, version: RESERVATION_CONFIRMED_VERSION }],
  },
  paymentRequested: {
    producer: 'reservation',
    consumers: ['wallet'],
    name: 'headliner.payment.requested.v1',
    dlq: 'headliner.payment.requested.v1.dlq',
    key: 'reservationId',
    partitions: PARTITIONS,
    events: [{ type: PAYMENT_REQUESTED, version: PAYMENT_REQUESTED_VERSION }],
  },
  paymentCompleted: {
    producer: 'wallet',
    consumers: ['reservation'],
    name: 'headliner.payment.completed.v1',
    dlq: 'headliner.payment.completed.v1.dlq',
    key: 'reservationId',
    partitions: PARTITIONS,
    events: [{ type: PAYMENT_COMPLETED, version: PAYMENT_COMPLETED_VERSION }],
  },
  paymentFailed: {
    producer: 'wallet',
    consumers: ['reservation'],
    name: 'headliner.payment.failed.v1',
    dlq: 'headliner.payment.failed.v1.dlq',
    key: 'reservationId',
    partitions: PARTITIONS,
    events: [{ type: PAYMENT_FAILED, version: PAYMENT_FAILED_VERSION }],
  },
  paymentCancelled: {
    producer: 'reservation',
    consumers: ['wallet'],
    name: 'headliner.payment.cancelled.v1',
    dlq: 'headliner.payment.cancelled.v1.dlq',
    key: 'reservationId',
    partitions: PARTITIONS,
    events: [{ type: PAYMENT_CANCELLED, version: PAYMENT_CANCELLED_VERSION }],
  },
  // An operator's hold on a schedule's sale: one key per schedule keeps its changes in order.
  scheduleSaleStateChanged: {
    producer: 'concert',
    consumers: ['reservation'],
    name: 'headliner.schedule.sale-state-changed.v1',
    dlq: 'headliner.schedule.sale-state-changed.v1.dlq',
    key: 'scheduleId',
    partitions: PARTITIONS,
    events: [{ type: SCHEDULE_SALE_STATE_CHANGED, version: SCHEDULE_SALE_STATE_CHANGED_VERSION }],
  },
} as const satisfies Record<string, Topic>;

/** The topic that carries an event of this type and version. */
export function topicFor(event: { type: string; version: number }): Topic {
  const topic = Object.values<Topic>(topics).find((candidate) =>
    candidate.events.some(({ type, version }) => type === event.type && version === event.version),
  );
  if (!topic) throw new Error(`No topic carries ${event.type} v${event.version}`);
  return topic;
}

/** The topics that carry events of these types, any version: what their consumer reads. */
export function topicsCarrying(types: readonly string[]): Topic[] {
  return Object.values<Topic>(topics).filter((topic) =>
    topic.events.some(({ type }) => types.includes(type)),
  );
}

/** The Kafka message key of an event, so all of one reservation's events keep their order. */
export function partitionKeyOf(event: BookingEvent): string {
  const field = topicFor(event).key;
  const key: unknown = (event.payload as Partial<Record<PayloadField, unknown>>)[field];
  if (typeof key !== 'string') throw new Error(`${event.type} has no ${field} to key it by`);
  return key;
}

/**
 * Put in front of every topic name (and consumer group id) by one system sharing a broker with
 * others, such as the end-to-end test systems ('e2e.'), so none consumes another's events.
 * Empty in production: the registry's names, unchanged.
 */
export const TopicNamespace = z
  .string()
  .regex(
    /^([a-z0-9-]+\.)?$/,
    'must be empty or lowercase letters, digits and dashes ending with a dot (e.g. "e2e.")',
  );

/** The name of every topic under a namespace, keyed like `topics`; each DLQ is `<name>.dlq`. */
export type TopicNames = Record<keyof typeof topics, string>;

export function topicNames(namespace = ''): TopicNames {
  const entries = Object.entries<Topic>(topics).map(([key, { name }]) => [key, namespace + name]);
  return Object.fromEntries(entries) as TopicNames;
}

// A parked message waits for an operator (npm run dlq), however long that takes: a DLQ must not
// lose it to the broker's retention, as a debit waiting for its refund would be lost with it.
const keptUntilHandled = { 'retention.ms': '-1', 'retention.bytes': '-1' };

/** Every topic and its DLQ under a namespace, for creating them at startup. */
export function topicsToCreate(
  namespace = '',
): { name: string; partitions: number; config?: Record<string, string> }[] {
  return Object.values<Topic>(topics).flatMap(({ name, dlq, partitions }) => [
    { name: namespace + name, partitions },
    { name: namespace + dlq, partitions, config: keptUntilHandled },
  ]);
}
