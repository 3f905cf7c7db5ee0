import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type KafkaConfig, type LogEntry, type SASLOptions } from 'kafkajs';
import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error';

/** A principal's login (SCRAM-SHA-512); none: the broker takes clients without SASL. */
export interface KafkaCredentials {
  username: string;
  password: string;
}

/** KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD, as the services and the DLQ tool read them. */
export function kafkaCredentialsOf(env: {
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}): KafkaCredentials | undefined {
  const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = env;
  if (Boolean(username) !== Boolean(password)) {
    throw new ConfigError([
      'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are set together or not at all',
    ]);
  }
  return username && password ? { username, password } : undefined;
}

/** TLS to the brokers; `ca`: the PEM they chain to, when not one Node trusts already. */
export interface KafkaTls {
  ca?: string;
}

/** KAFKA_TLS and KAFKA_TLS_CA_FILE, as the services and the DLQ tool read them. */
export function kafkaTlsOf(env: {
  KAFKA_TLS?: 'true' | 'false';
  KAFKA_TLS_CA_FILE?: string;
}): KafkaTls | undefined {
  if (env.KAFKA_TLS !== 'true') {
    if (env.KAFKA_TLS_CA_FILE) throw new ConfigError(['KAFKA_TLS_CA_FILE needs KAFKA_TLS=true']);
    return undefined;
  }
  if (!env.KAFKA_TLS_CA_FILE) return {};
  try {
    return { ca: readFileSync(env.KAFKA_TLS_CA_FILE, 'utf8') };
  } catch (error) {
    throw new ConfigError([`KAFKA_TLS_CA_FILE: cannot read ${env.KAFKA_TLS_CA_FILE}: ${error}`]);
  }
}

export function sslOf(tls: KafkaTls | undefined): KafkaConfig['ssl'] {
  return tls && (tls.ca ? { ca: [tls.ca] } : true);
}

export function saslOf(credentials: KafkaCredentials | undefined): SASLOptions | undefined {
  return credentials && { mechanism: 'scram-sha-512', ...credentials };
}

export function createKafka(options: {
  clientId: string;
  brokers: string[];
  credentials?: KafkaCredentials;
  tls?: KafkaTls;
  logger: Logger;
}): Kafka {
  const log = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    sasl: saslOf(options.credentials),
    ssl: sslOf(options.tls),
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        log[levelOfKafkaLog(level, message)](rest, message);
      },
  });
}

/**
 * kafkajs logs every error answer of a broker ("Response Metadata…: This server is not the
 * leader…") at ERROR, although it retries the request itself; a broker electing leaders at start
 * printed ERROR lines on a clean `npm start`. Such answers are warnings: if the retries run out,
 * whoever awaited the call fails and reports it.
 * Likewise a consumer's crash ("Crash: …: The group coordinator is not available" while the
 * broker elects one) and its restart: the consumer's CRASH listener (event-consumer.ts) reports
 * the crash itself, at error only when kafkajs stops the consumer for good.
 */
export function levelOfKafkaLog(level: logLevel, message: string): 'error' | 'warn' {
  if (level > logLevel.ERROR || retriedNoise.some((start) => message.startsWith(start))) {
    return 'warn';
  }
  return 'error';
}

const retriedNoise = ['Response ', 'Crash: ', 'Restarting the consumer'];

/** Idempotent producer: broker-side dedup of retried sends, acks from all in-sync replicas. */
export function createProducer(kafka: Kafka) {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
}
