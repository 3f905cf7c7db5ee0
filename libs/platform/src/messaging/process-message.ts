import { SpanKind, SpanStatusCode, context } from '@opentelemetry/api';
import type { KafkaMessage, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { failureKindOf } from '../resilience/failure-kind';
import { clearStall, recordStall } from './consumer-stalls';
import { sendToDeadLetterTopic } from './dead-letter';
import { consumedEvents } from './messaging-metrics';
import { NonRetriableError } from './non-retriable-error';
import { defaultRetryPolicy, retryDelayMs, type RetryPolicy } from './retry-delay';
import { messagingTracer, traceContextFromHeaders } from './trace-headers';

export interface ConsumedEvent {
  eventId: string;
}

export interface MessageContext {
  topic: string;
  key: string | undefined;
}

/** What applying did: 'duplicate' when the event id was recorded as applied before. */
export type ApplyOutcome = 'applied' | 'duplicate';

/** A topic consumed, and its DLQ where its messages that fail for good are parked. */
export interface ConsumedTopic {
  name: string;
  dlq: string;
}

export interface MessageProcessing<E extends ConsumedEvent> {
  groupId: string;
  topics: readonly ConsumedTopic[];
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
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
  heartbeat: () => Promise<void>;
  /** False once the consumer stops or loses the partition: a retrying message is handed back. */
  isRunning: () => boolean;
}

/** `settled`: applied, a duplicate or parked in the DLQ; `handed back`: left for redelivery. */
export type ProcessingResult = 'settled' | 'handed back';

/**
 * Applies one message in a consumer span that continues the trace carried in its headers, as a
 * child of the relay's publish span rather than a link to it: one message is one cause, and a
 * parent keeps a booking's HTTP calls and Kafka hops in one trace that Jaeger shows as a tree
 * (a link would start a trace per hop, to be stitched together by hand).
 * A failure is retried in place, which keeps its key's order, by its kind (failureKindOf):
 * transient ones (a dependency away) without a bound, with capped backoff, recorded as a stall
 * for readiness and metrics; unexpected ones `retry.maxAttempts` times; permanent ones not at all.
 * Then the message goes to its DLQ with its headers and the error. A message is never
 * acknowledged and dropped: if the DLQ cannot be written either, the error propagates and Kafka
 * redelivers.
 */
export function messageProcessor<E extends ConsumedEvent>(
  options: MessageProcessing<E>,
): (received: ReceivedMessage) => Promise<ProcessingResult> {
  const { groupId, logger } = options;
  const retry = options.retry ?? defaultRetryPolicy;
  const dlqs = new Map(options.topics.map(({ name, dlq }) => [name, dlq]));
  const dlqOf = (topic: string) => {
    const dlq = dlqs.get(topic);
    if (dlq === undefined) throw new Error(`${topic} is not a topic this consumer reads`);
    return dlq;
  };

  const processMessage = async (received: ReceivedMessage): Promise<ProcessingResult> => {
    const { topic, partition, message, heartbeat } = received;
    const messageContext = { topic, key: message.key?.toString() };
    const stall = { consumer: groupId, topic, partition, offset: message.offset };
    const since = new Date();
    try {
      for (let attempts = 1; ; attempts += 1) {
        try {
          const event = decode(message.value, options.parse);
          const outcome = await options.apply(event, messageContext);
          consumedEvents.inc({ topic, consumer: groupId, outcome });
          return 'settled';
        } catch (error) {
          const kind = failureKindOf(error);
          const final =
            kind === 'permanent' || (kind === 'unexpected' && attempts >= retry.maxAttempts);
          const where = { topic, partition, offset: message.offset, attempts, kind, final };
          if (final) {
            logger.warn({ err: error, ...where }, 'event failed for good; dead-lettering');
            await sendToDeadLetterTopic(options.producer, {
              dlqTopic: dlqOf(topic),
              sourceTopic: topic,
              partition,
              message,
              consumerGroup: groupId,
              error,
              attempts,
            });
            consumedEvents.inc({ topic, consumer: groupId, outcome: 'dead_lettered' });
            return 'settled';
          }
          // One line when a stall starts and then one every tenth attempt, not one per retry.
          if (attempts === 1 || attempts % 10 === 0) {
            logger.warn({ err: error, ...where }, 'event failed; retrying');
          }
          if (kind === 'transient') {
            recordStall({ ...stall, since, attempts, lastError: String(error) });
          }
          consumedEvents.inc({ topic, consumer: groupId, outcome: 'retried' });
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs(attempts, retry)));
          if (!received.isRunning()) return 'handed back';
          await heartbeat();
        }
      }
    } finally {
      clearStall(stall);
    }
  };

  return (received) =>
    context.with(traceContextFromHeaders(received.message.headers), () =>
      messagingTracer.startActiveSpan(
        `${received.topic} process`,
        {
          kind: SpanKind.CONSUMER,
          attributes: {
            'messaging.system': 'kafka',
            'messaging.operation.type': 'process',
            'messaging.destination.name': received.topic,
            'messaging.consumer.group.name': groupId,
          },
        },
        async (span) => {
          try {
            return await processMessage(received);
          } catch (error) {
            span.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            span.end();
          }
        },
      ),
    );
}

function decode<E>(value: Buffer | null, parse: (value: unknown) => E): E {
  try {
    return parse(JSON.parse(value?.toString() ?? 'null'));
  } catch (error) {
    throw new NonRetriableError(`unreadable event: ${(error as Error).message}`);
  }
}
