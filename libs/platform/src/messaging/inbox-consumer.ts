import type { Consumer } from 'kafkajs';
import {
  startEventConsumer,
  type ConsumedEvent,
  type EventConsumerOptions,
  type MessageContext,
} from './event-consumer';
import type { SqlClient, TransactionalSqlClient } from './sql-client';

export interface InboxConsumerOptions<Tx extends SqlClient, E extends ConsumedEvent> extends Omit<
  EventConsumerOptions<E>,
  'apply'
> {
  /** The consumer group is also the inbox's consumer name: each group applies an event once. */
  groupId: string;
  db: TransactionalSqlClient<Tx>;
  /** Applies the event inside the inbox transaction: its writes commit with the inbox row. */
  handle: (event: E, tx: Tx, message: MessageContext) => Promise<unknown>;
}

/**
 * An event consumer (retries, DLQ, span, metrics: see startEventConsumer) whose idempotency is
 * an inbox table: the (eventId, consumer) row is inserted in the same transaction as the
 * handler's effect, so a redelivered event is recognised and skipped.
 */
export async function startInboxConsumer<Tx extends SqlClient, E extends ConsumedEvent>(
  options: InboxConsumerOptions<Tx, E>,
): Promise<Consumer> {
  const { db, handle, ...consumer } = options;
  return startEventConsumer({
    ...consumer,
    apply: (event, message) =>
      db.$transaction(async (tx) => {
        const inserted = await tx.$executeRawUnsafe(
          'INSERT INTO inbox_events (event_id, consumer) VALUES ($1::uuid, $2) ON CONFLICT DO NOTHING',
          event.eventId,
          options.groupId,
        );
        if (inserted === 0) return 'duplicate';
        await handle(event, tx, message);
        return 'applied';
      }),
  });
}
