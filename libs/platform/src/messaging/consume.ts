import { eventOf, topicsCarrying, type BookingEvent, type EventType } from '@headliner/contracts';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import type { SqlDatabase, SqlTransaction } from '../database/sql-database';
import { startEventConsumer, type ApplyOutcome, type MessageContext } from './event-consumer';
import { startInboxConsumer } from './inbox-consumer';
import { NonRetriableError } from './non-retriable-error';
import type { RetryPolicy } from './retry-delay';

type EventOf<T extends EventType> = Extract<BookingEvent, { type: T }>;

/** What to do with each event type, in the inbox transaction: its writes commit with its row. */
export type InboxHandlers = {
  [T in EventType]?: (
    event: EventOf<T>,
    tx: SqlTransaction,
    message: MessageContext,
  ) => Promise<unknown>;
};

/** What to do with each event type, for a consumer that records applied events itself. */
export type IdempotentHandlers = {
  [T in EventType]?: (event: EventOf<T>, message: MessageContext) => Promise<ApplyOutcome>;
};

interface ConsumeCommon {
  kafka: Kafka;
  /** Sends dead letters. */
  producer: Producer;
  logger: Logger;
  /** KAFKA_NAMESPACE: in front of every topic, DLQ and the group. */
  kafkaNamespace: string;
  /** The consumer group, e.g. 'wallet'; also the inbox's consumer name. */
  group: string;
  retry?: RetryPolicy;
  sessionTimeoutMs?: number;
}

export type ConsumeOptions = ConsumeCommon &
  (
    | { inbox: SqlDatabase; handlers: InboxHandlers }
    /** No inbox table: each handler records the event id with its effect, and says 'duplicate'. */
    | { inbox: false; handlers: IdempotentHandlers }
  );

/**
 * Consumes the events the handlers name: from the contracts' registry come the topics that carry
 * them and their DLQs; each message is decoded and validated once, applied once (the inbox, or
 * the handler's own record) and retried or dead-lettered as startEventConsumer does. An event
 * of a type with no handler on one of those topics goes to the DLQ.
 */
export function consume(options: ConsumeOptions): Promise<Consumer> {
  const { kafkaNamespace: namespace, handlers } = options;
  const types = Object.keys(handlers);
  const consumer = {
    kafka: options.kafka,
    producer: options.producer,
    logger: options.logger,
    retry: options.retry,
    sessionTimeoutMs: options.sessionTimeoutMs,
    groupId: namespace + options.group,
    topics: topicsCarrying(types).map(({ name, dlq }) => ({
      name: namespace + name,
      dlq: namespace + dlq,
    })),
    parse: (value: unknown) => {
      const event = eventOf(value);
      if (!types.includes(event.type)) {
        throw new NonRetriableError(`${options.group} has no handler for ${event.type}`);
      }
      return event;
    },
  };
  // The map pairs each type with its handler, which TypeScript cannot follow through a lookup.
  type AnyHandler = (event: BookingEvent, ...rest: unknown[]) => Promise<unknown>;
  const handlerOf = (event: BookingEvent) => handlers[event.type] as AnyHandler;
  if (options.inbox === false) {
    return startEventConsumer({
      ...consumer,
      apply: (event, message) => handlerOf(event)(event, message) as Promise<ApplyOutcome>,
    });
  }
  return startInboxConsumer({
    ...consumer,
    db: options.inbox,
    handle: (event, tx, message) => handlerOf(event)(event, tx, message),
  });
}
