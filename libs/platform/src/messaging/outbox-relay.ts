import { SpanStatusCode } from '@opentelemetry/api';
import type { Message, Producer } from 'kafkajs';
import type { Logger } from 'pino';
import { failureKindOf } from '../resilience/failure-kind';
import { outboxPending, outboxRelayLag, outboxPublished } from './messaging-metrics';
import { retryDelayMs, defaultRetryPolicy } from './retry-delay';
import type { EventsCommittedSignal, SqlClient, TransactionalSqlClient } from './sql-client';
import { startPublishSpan } from './trace-headers';

interface OutboxRow {
  /** As text: a bigint column comes back as a bigint through Prisma and a string through pg. */
  id: string;
  created_at: Date;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface OutboxRelayOptions<Tx extends SqlClient> {
  /**
   * The outbox's database. One that signals its commits (sqlDatabase) has its events sent as soon
   * as they commit; otherwise they go at the relay's next idle tick.
   */
  db: TransactionalSqlClient<Tx> & Partial<EventsCommittedSignal>;
  producer: Producer;
  logger: Logger;
  batchSize?: number;
  /** How long to sleep when the outbox is empty and no commit woke the relay. */
  idleIntervalMs?: number;
  /** Published rows are deleted after this long. */
  retentionMs?: number;
}

export interface OutboxRelay {
  stop(): Promise<void>;
}

/**
 * Relays committed outbox rows to Kafka in id order. Rows are locked with SKIP LOCKED so several
 * replicas can relay side by side, and their marking as published commits only after Kafka
 * acknowledged them: a crash in between re-sends, which the consumers' inbox absorbs.
 */
export function startOutboxRelay<Tx extends SqlClient>(
  options: OutboxRelayOptions<Tx>,
): OutboxRelay {
  const { db, producer, logger } = options;
  const batchSize = options.batchSize ?? 200;
  const idleIntervalMs = options.idleIntervalMs ?? 250;
  const retentionMs = options.retentionMs ?? 60 * 60 * 1000;
  let running = true;
  let wakeRequested = false;
  let wakeUp: (() => void) | undefined;
  let lastPurge = 0;

  // One statement marks a batch published and returns it; the transaction commits that only once
  // Kafka has acknowledged the batch, and rolls it back otherwise.
  const publishBatch = () =>
    db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<OutboxRow[]>(
          `UPDATE outbox_events SET published_at = now()
           WHERE id IN (SELECT id FROM outbox_events WHERE published_at IS NULL
             ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING id::text AS id, created_at, topic, key, value, headers`,
          batchSize,
        );
        rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
        outboxRelayLag.set(rows[0] ? (Date.now() - rows[0].created_at.getTime()) / 1000 : 0);
        outboxPending.set(rows.length + (rows.length === batchSize ? await countLeft(tx) : 0));
        if (rows.length === 0) return 0;
        const publishing = rows.map((row) => ({
          row,
          ...startPublishSpan(row.topic, row.headers),
        }));
        try {
          await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(publishing) });
        } catch (error) {
          for (const { span } of publishing) span.setStatus({ code: SpanStatusCode.ERROR });
          throw error;
        } finally {
          for (const { span } of publishing) span.end();
        }
        for (const row of rows) outboxPublished.inc({ topic: row.topic });
        return rows.length;
      },
      { timeout: 30_000 },
    );

  // A batch short of full took every row there was (but those another relay is sending): only a
  // backlog costs a count.
  const countLeft = async (tx: Tx) => {
    const [left] = await tx.$queryRawUnsafe<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM outbox_events WHERE published_at IS NULL',
    );
    return left?.count ?? 0;
  };

  const purgePublished = async () => {
    if (Date.now() - lastPurge < retentionMs / 10) return;
    lastPurge = Date.now();
    await db.$executeRawUnsafe(
      `DELETE FROM outbox_events WHERE published_at < now() - ($1::bigint * interval '1 millisecond')`,
      retentionMs,
    );
  };

  // A wake that arrives mid-pass is remembered, so the next sleep returns at once.
  const wake = () => {
    wakeRequested = true;
    wakeUp?.();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        wakeRequested = false;
        resolve();
      };
      const timer = setTimeout(finish, ms);
      if (wakeRequested) finish();
      else wakeUp = finish;
    });

  const loop = async () => {
    let failures = 0;
    while (running) {
      try {
        const published = await publishBatch();
        if (failures > 0) logger.info({ failures }, 'outbox relay publishing again');
        failures = 0;
        if (published === batchSize) continue;
        await purgePublished();
        await sleep(idleIntervalMs);
      } catch (error) {
        failures += 1;
        // An outage fails every pass: one line when it starts, then one every tenth pass.
        if (failures === 1 || failures % 10 === 0) {
          const level = failureKindOf(error) === 'transient' ? 'warn' : 'error';
          logger[level]({ err: error, failures }, 'outbox relay pass failed; retrying');
        }
        await sleep(retryDelayMs(Math.min(failures, 8), defaultRetryPolicy));
      }
    }
  };

  const stopWaking = db.onEventsCommitted?.(wake);
  const done = loop();
  return {
    stop: async () => {
      stopWaking?.();
      running = false;
      wake();
      await done;
    },
  };
}

/** Each row's message carries the headers of its publish span (startPublishSpan). */
function groupByTopic(publishing: { row: OutboxRow; headers: Record<string, string> }[]) {
  const byTopic = new Map<string, Message[]>();
  for (const { row, headers } of publishing) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: row.value, headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
