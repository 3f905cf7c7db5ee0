import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { register } from 'prom-client';
import { startOutboxRelay, type OutboxRelay } from '../src/messaging/outbox-relay';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { testBrokers, createTestTopic, testKafka, eventually } from '@headliner/testing';
import {
  HANGING_HOLDER,
  issueTicket,
  quietLogger,
  startDeliveryConsumer,
  ticketIssuedEvent,
} from './support/ticket-service';

describe('when events travel outbox → Kafka → inbox', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let producer: Producer;
  let topic: Awaited<ReturnType<typeof createTestTopic>>;
  let relay: OutboxRelay;
  const consumers: Consumer[] = [];

  const deliveriesOf = async (ticketId: string) =>
    db.prisma.delivery.count({ where: { ticketId } });

  beforeEach(async () => {
    db = await createTestDatabase();
    kafka = testKafka();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    topic = await createTestTopic(kafka);
    relay = startOutboxRelay({ db: db.prisma, producer, logger: quietLogger, idleIntervalMs: 50 });
  });

  afterEach(async () => {
    await relay.stop();
    await Promise.all(consumers.splice(0).map((consumer) => consumer.disconnect()));
    await producer.disconnect();
    await topic.remove();
    await db.drop();
  });

  it('publishes every committed event and applies each once', async () => {
    const ticketIds = await Promise.all(
      Array.from({ length: 20 }, (_, i) => issueTicket(db.prisma, topic.topic, `fan-${i}`)),
    );
    consumers.push(await startDeliveryConsumer({ ...deps(), groupId: `group-${topic.topic}` }));

    const total = await eventually(
      () => db.prisma.delivery.count(),
      (n) => n >= 20,
    );
    expect(total).toBe(20);
    for (const ticketId of ticketIds) expect(await deliveriesOf(ticketId)).toBe(1);
    const unpublished = await db.prisma.outboxEvent.count({ where: { publishedAt: null } });
    expect(unpublished).toBe(0);
  });

  it('keeps a batch Kafka did not take unpublished, and publishes it once Kafka takes it', async () => {
    await relay.stop();
    const ticketId = await issueTicket(db.prisma, topic.topic, 'refused-at-first');
    const unreachable = testKafka().producer(); // never connected: every send fails
    const failing = startOutboxRelay({ db: db.prisma, producer: unreachable, logger: quietLogger });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await failing.stop();
    expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(1);

    relay = startOutboxRelay({ db: db.prisma, producer, logger: quietLogger, idleIntervalMs: 50 });
    consumers.push(await startDeliveryConsumer({ ...deps(), groupId: `group-${topic.topic}` }));
    await eventually(
      () => deliveriesOf(ticketId),
      (n) => n === 1,
    );
    expect(await db.prisma.outboxEvent.count({ where: { publishedAt: null } })).toBe(0);
  });

  it('does not publish the event of a rolled-back transaction', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        const event = ticketIssuedEvent('00000000-0000-4000-8000-000000000001', 'ghost');
        await tx.$executeRawUnsafe(
          'INSERT INTO outbox_events (event_id, topic, key, value, headers) VALUES ($1::uuid, $2, $3, $4, $5::jsonb)',
          event.eventId,
          topic.topic,
          'ghost',
          JSON.stringify(event),
          '{}',
        );
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await db.prisma.outboxEvent.count()).toBe(0);
  });

  it('applies a message delivered twice only once', async () => {
    const event = ticketIssuedEvent('00000000-0000-4000-8000-000000000002', 'twice');
    const message = { key: event.payload.ticketId, value: JSON.stringify(event) };
    await producer.send({ topic: topic.topic, messages: [message, message] });
    consumers.push(await startDeliveryConsumer({ ...deps(), groupId: `group-${topic.topic}` }));

    await eventually(
      () => duplicatesSeen(topic.topic),
      (n) => n >= 1,
    );
    expect(await deliveriesOf(event.payload.ticketId)).toBe(1);
  });

  it('applies once when the consumer is killed between applying and committing its offset', async () => {
    const groupId = `group-${topic.topic}`;
    const applied = ticketIssuedEvent(randomUUID(), 'applied-before-crash');
    const hanging = ticketIssuedEvent(randomUUID(), HANGING_HOLDER);
    await producer.send({
      topic: topic.topic,
      messages: [applied, hanging].map((event) => ({ key: 'k', value: JSON.stringify(event) })),
    });

    const child = startKillableConsumer(db.url, topic.topic, groupId);
    try {
      await eventually(
        () => deliveriesOf(applied.payload.ticketId),
        (n) => n === 1,
      );
    } finally {
      child.kill('SIGKILL');
    }
    consumers.push(await startDeliveryConsumer({ ...deps(), groupId }));
    await eventually(
      () => deliveriesOf(hanging.payload.ticketId),
      (n) => n === 1,
    );

    expect(await duplicatesSeen(topic.topic)).toBe(1);
    expect(await deliveriesOf(applied.payload.ticketId)).toBe(1);
    expect(await deliveriesOf(hanging.payload.ticketId)).toBe(1);
  });

  function deps() {
    return { prisma: db.prisma, kafka, producer, topic: topic.topic };
  }
});

async function duplicatesSeen(topic: string): Promise<number> {
  const metric = await register.getSingleMetric('kafka_events_consumed_total')?.get();
  return (
    metric?.values.find((v) => v.labels.topic === topic && v.labels.outcome === 'duplicate')
      ?.value ?? 0
  );
}

function startKillableConsumer(databaseUrl: string, topic: string, groupId: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(__dirname, 'support/delivery-consumer-process.ts'),
      databaseUrl,
      testBrokers().join(','),
      topic,
      groupId,
    ],
    { stdio: 'inherit' },
  );
}
