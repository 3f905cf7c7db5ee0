import type { Admin, Kafka, Producer } from 'kafkajs';
import type { Logger } from 'pino';

/** What every DLQ command works with: one DLQ, the broker, who acts, where output goes. */
export interface DlqSession {
  kafka: Kafka;
  admin: Admin;
  producer: Producer;
  /** Actions, as structured log lines: who did what to which entry, and when. */
  logger: Logger;
  /** The command's answer for the operator (stdout). */
  print: (line: string) => void;
  dlqTopic: string;
  operator: string;
  now: () => Date;
}
