import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { sendToDeadLetterTopic } from './dead-letter';
import { consumedEvents } from './messaging-metrics';
import { NonRetriableError } from './non-retriable-error';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-delay';
import { traceContextFromHeaders } from './trace-headers';

export interface ConsumedEvent {
  eventId: string;
}

export interface MessageContext {
  topic: string;
  key: string | undefined;
}

/** What applying did: 'duplicate' when the event id was recorded as applied before. */
export type ApplyOutcome = 'applied' | 'duplicate';

export interface EventConsumerOptions<E extends ConsumedEvent> {
  kafka: Kafka;
  groupId: string;
  topics: string[];
  dlqTopicOf: (topic: string) => string;
  /** Producer used for dead letters. */
  producer: Producer;
  logger: Logger;
  /** Turns the decoded JSON into an event; throwing marks the message unprocessable. */
  parse: (value: unknown) => E;
  /**
   * Applies the event at most once: it must record the event id atomically with its effect, so a
   * redelivery (after a crash between applying and committing the offset) is recognised.
   */
  apply: (event: E, message: MessageContext) => Promise<ApplyOutcome>;
  retry?: RetryPolicy;
  /** How soon a crashed member's partitions move to the others (kafkajs default: 30 s). */
  sessionTimeoutMs?: number;
}

const tracer = trace.getTracer('@headliner/platform/messaging');

/**
 * Consumes events one by one, each in a consumer span that continues the trace carried in the
 * message headers. Failures are retried with jittered backoff in place, which keeps the
 * partition's order; after the last attempt (or at once for a NonRetriableError) the message goes
 * to its DLQ with its headers and the error. A message is never acknowledged and dropped: if the
 * DLQ cannot be written either, the error propagates and Kafka redelivers.
 */
export async function startEventConsumer<E extends ConsumedEvent>(
  options: EventConsumerOptions<E>,
): Promise<Consumer> {
  const { groupId, logger } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const consumer = options.kafka.consumer({
    groupId,
    sessionTimeout: options.sessionTimeoutMs ?? 10_000,
  });
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: true });

  const processMessage = async ({ topic, partition, message, heartbeat }: EachMessagePayload) => {
    const messageContext = { topic, key: message.key?.toString() };
    for (let attempts = 1; ; attempts += 1) {
      try {
        const event = decode(message.value, options.parse);
        const outcome = await options.apply(event, messageContext);
        consumedEvents.inc({ topic, consumer: groupId, outcome });
        return;
      } catch (error) {
        const final = error instanceof NonRetriableError || attempts >= retry.maxAttempts;
        logger.warn(
          { err: error, topic, partition, offset: message.offset, attempts, final },
          final ? 'event failed for good; dead-lettering' : 'event failed; retrying',
        );
        if (final) {
          await sendToDeadLetterTopic(options.producer, {
            dlqTopic: options.dlqTopicOf(topic),
            sourceTopic: topic,
            partition,
            message,
            consumerGroup: groupId,
            error,
            attempts,
          });
          consumedEvents.inc({ topic, consumer: groupId, outcome: 'dead_lettered' });
          return;
        }
        consumedEvents.inc({ topic, consumer: groupId, outcome: 'retried' });
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
