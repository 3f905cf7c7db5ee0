import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { sendToDeadLetterTopic } from './dead-letter';
import { consumedEvents } from './messaging-metrics';
import { NonRetriableError } from './non-retriable-error';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-delay';
import type { SqlClient, TransactionalSqlClient } from './sql-client';
import { traceContextFromHeaders } from './trace-headers';

export interface ConsumedEvent {
  eventId: string;
}

export interface MessageContext {
  topic: string;
  key: string | undefined;
}

export interface InboxConsumerOptions<Tx extends SqlClient, E extends ConsumedEvent> {
  kafka: Kafka;
  /** Consumer group, also the inbox's consumer name: each group applies an event once. */
  groupId: string;
  topics: string[];
  dlqTopicOf: (topic: string) => string;
  db: TransactionalSqlClient<Tx>;
  /** Producer used for dead letters. */
  producer: Producer;
  logger: Logger;
  /** Turns the decoded JSON into an event; throwing marks the message unprocessable. */
  parse: (value: unknown) => E;
  /** Applies the event inside the inbox transaction: its writes commit with the inbox row. */
  handle: (event: E, tx: Tx, message: MessageContext) => Promise<void>;
  retry?: RetryPolicy;
  /** How soon a crashed member's partitions move to the others (kafkajs default: 30 s). */
  sessionTimeoutMs?: number;
}

const tracer = trace.getTracer('@headliner/platform/messaging');

/**
 * Consumes with an idempotent inbox: the (eventId, consumer) row is inserted in the same
 * transaction as the handler's effect, so a redelivered event (after a crash between applying
 * and committing the offset) is recognised and skipped. Failures are retried with jittered
 * backoff in place, which keeps the partition's order; after the last attempt the message goes
 * to its DLQ with its headers and the error. A message is never acknowledged and dropped: if
 * the DLQ cannot be written either, the error propagates and Kafka redelivers.
 */
export async function startInboxConsumer<Tx extends SqlClient, E extends ConsumedEvent>(
  options: InboxConsumerOptions<Tx, E>,
): Promise<Consumer> {
  const retry = options.retry ?? defaultRetryPolicy;
  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 10_000,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: true });

  const apply = (event: E, message: MessageContext) =>
    options.db.$transaction(async (tx) => {
      const inserted = await tx.$executeRawUnsafe(
        'INSERT INTO inbox_events (event_id, consumer) VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING',
        event.eventId,
        options.groupId,
      );
      if (inserted === 0) return 'duplicate' as const;
      await options.handle(event, tx, message);
      return 'applied' as const;
    });

  const processMessage = async ({ topic, partition, message, heartbeat }: EachMessagePayload) => {
    const context_ = { topic, key: message.key?.toString() };
    let attempts = 0;
    for (;;) {
      attempts += 1;
      try {
        const event = decode(message.value, options.parse);
        const outcome = await apply(event, context_);
        consumedEvents.inc({ topic, consumer: options.groupId, outcome });
        return;
      } catch (error) {
        const final = error instanceof NonRetriableError || attempts >= retry.maxAttempts;
        options.logger.warn(
          { err: error, topic, partition, offset: message.offset, attempts, final },
          final ? 'event failed for good; dead-lettering' : 'event failed; retrying',
        );
        if (final) {
          await sendToDeadLetterTopic(options.producer, {
            dlqTopic: options.dlqTopicOf(topic),
            sourceTopic: topic,
            partition,
            message,
            consumerGroup: options.groupId,
            error,
            attempts,
          });
          consumedEvents.inc({ topic, consumer: options.groupId, outcome: 'dead_lettered' });
          return;
        }
        consumedEvents.inc({ topic, consumer: options.groupId, outcome: 'retried' });
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempts, retry)));
        await heartbeat();
      }
    }
  };

  // kafkajs commits the resolved offsets after every batch.
  await consumer.run({
    eachMessage: (payload) =>
      context.with(traceContextFromHeaders(payload.message.headers), () =>
        tracer.startActiveSpan(
          `${payload.topic} process`,
          { kind: SpanKind.CONSUMER, attributes: { 'messaging.destination.name': payload.topic } },
          async (span) => {
            try {
              await processMessage(payload);
            } catch (error) {
              span.setStatus({ code: SpanStatusCode.ERROR });
              throw error;
            } finally {
              span.end();
            }
          },
        ),
      ),
  });
  return consumer;
}

function decode<E>(value: Buffer | null, parse: (value: unknown) => E): E {
  try {
    return parse(JSON.parse(value?.toString() ?? 'null'));
  } catch (error) {
    throw new NonRetriableError(`unreadable event: ${(error as Error).message}`);
  }
}
