import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';

export interface DeadLetter {
  dlqTopic: string;
  sourceTopic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  error: unknown;
  attempts: number;
}

/**
 * Parks a message that failed for good, with the original key, value and headers and the same
 * dlq-* headers as the platform's inbox consumer (which the queue cannot use: it has no
 * database), so one replay tool serves every DLQ.
 */
export async function sendToDeadLetterTopic(producer: Producer, letter: DeadLetter): Promise<void> {
  const error = letter.error instanceof Error ? letter.error : new Error(String(letter.error));
  const headers: IHeaders = {
    ...letter.message.headers,
    'dlq-error-name': error.name,
    'dlq-error-message': error.message,
    'dlq-attempts': String(letter.attempts),
    'dlq-source-topic': letter.sourceTopic,
    'dlq-source-partition': String(letter.partition),
    'dlq-source-offset': letter.message.offset,
    'dlq-consumer-group': letter.consumerGroup,
    'dlq-failed-at': new Date().toISOString(),
  };
  await producer.send({
    topic: letter.dlqTopic,
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
}
