import { hostname, userInfo } from 'node:os';
import { pino, type DestinationStream } from 'pino';
import { z } from 'zod';
import { loadConfig, type Environment } from '../../config/config';
import { ConfigError } from '../../config/config-error';
import { envVar } from '../../config/env-vars';
import { logLevels } from '../../config/base-config';
import { configErrorExitCode } from '../../config/exit-on-config-error';
import { createLogger } from '../../logging/logger';
import { createKafka, createProducer, kafkaCredentialsOf, kafkaTlsOf } from '../kafka-client';
import { discardEntries } from './discard-entries';
import {
  dlqUsage,
  DlqUsageError,
  parseDlqArguments,
  type DlqCommand,
  type DlqCommandName,
} from './dlq-arguments';
import type { DlqSession } from './dlq-session';
import { dlqTopicNamed, type RegisteredTopic } from './dlq-topic';
import { listDepths } from './list-depths';
import { listEntries, showEntries } from './list-entries';
import { replayEntries } from './replay-entries';

const dlqConfigSchema = z.object({
  KAFKA_BROKERS: envVar.brokerList(),
  /** A principal that may read and write every DLQ: the local broker's admin (npm run dlq). */
  ...envVar.kafkaConnection(),
  /** As the services run with it: the DLQ of `payment.requested` is then `<namespace>headliner…`. */
  KAFKA_NAMESPACE: z.string().default(''),
  DLQ_OPERATOR: z.string().optional(),
  LOG_LEVEL: envVar.oneOf(logLevels, 'info'),
});

export interface DlqCliOptions {
  env: Environment;
  /** The contracts' topics, so `--topic payment.requested` finds its DLQ. */
  registry: readonly RegisteredTopic[];
  /** Answers (stdout) and complaints (stderr), one line at a time. */
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Where the action log goes; stderr unless a test reads it. */
  logDestination?: DestinationStream;
  now?: () => Date;
}

const commands: Record<
  DlqCommandName,
  (session: DlqSession, command: DlqCommand) => Promise<number>
> = { list: listEntries, show: showEntries, replay: replayEntries, discard: discardEntries };

/** `npm run dlq -- …`: runs one command and answers its exit code (2: usage, 1: failed). */
export async function runDlqCli(argv: string[], options: DlqCliOptions): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line: string) => process.stderr.write(`${line}\n`));
  const now = options.now ?? (() => new Date());
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    out(dlqUsage);
    return 0;
  }
  let command: DlqCommand;
  let config: z.output<typeof dlqConfigSchema>;
  try {
    command = parseDlqArguments(argv, now());
    config = loadConfig(dlqConfigSchema, options.env);
  } catch (error) {
    if (error instanceof DlqUsageError) {
      err(`${error.message}\n\n${dlqUsage}`);
      return 2;
    }
    if (error instanceof ConfigError) {
      err(error.message);
      return configErrorExitCode;
    }
    throw error;
  }

  const logger = createLogger({
    service: 'dlq',
    level: config.LOG_LEVEL,
    destination: options.logDestination ?? pino.destination({ fd: 2, sync: true }),
  });
  const kafka = createKafka({
    clientId: 'dlq-operator',
    brokers: config.KAFKA_BROKERS,
    credentials: kafkaCredentialsOf(config),
    tls: kafkaTlsOf(config),
    logger,
  });
  const admin = kafka.admin();
  const producer = createProducer(kafka);
  const operator =
    command.operator ?? config.DLQ_OPERATOR ?? `${userInfo().username}@${hostname()}`;
  const session = { kafka, admin, producer, logger, print: out, operator, now };
  const sessionOn = (dlqTopic: string): DlqSession => ({ ...session, dlqTopic });
  try {
    await Promise.all([admin.connect(), producer.connect()]);
    if (command.topic === undefined) {
      const dlqTopics = options.registry.map((topic) => config.KAFKA_NAMESPACE + topic.dlq);
      return await listDepths(dlqTopics.map(sessionOn));
    }
    const dlqTopic = dlqTopicNamed(command.topic, options.registry, config.KAFKA_NAMESPACE);
    return await commands[command.name](sessionOn(dlqTopic), command);
  } catch (error) {
    logger.error({ err: error, command: command.name, topic: command.topic }, 'dlq command failed');
    err(`dlq ${command.name} failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await Promise.all([admin.disconnect(), producer.disconnect()]);
  }
}
