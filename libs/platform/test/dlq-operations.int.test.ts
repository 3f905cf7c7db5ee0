import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, type Admin, type Consumer, type Kafka, type Producer } from 'kafkajs';
import {
  createTestTopic,
  eventually,
  testBrokers,
  testKafka,
  testKafkaLoginEnv,
} from '@headliner/testing';
import { runDlqCli } from '../src/messaging/dlq/dlq-cli';
import { handledJournalOf } from '../src/messaging/dlq/handled-journal';
import { NonRetriableError } from '../src/messaging/non-retriable-error';
import { startDeliveryConsumer, ticketIssuedEvent } from './support/ticket-service';
import { createTestDatabase, type TestDatabase } from './support/test-database';

jest.setTimeout(180_000);

/** A holder the delivery service can never serve: its tickets can only be discarded. */
const UNDELIVERABLE = 'undeliverable';

describe('when an operator works through a DLQ', () => {
  let db: TestDatabase;
  let kafka: Kafka;
  let admin: Admin;
  let producer: Producer;
  let topic: Awaited<ReturnType<typeof createTestTopic>>;
  let consumer: Consumer;
  const groupId = `delivery-${randomUUID()}`;
  let courierBack = false;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    kafka = testKafka();
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    topic = await createTestTopic(kafka);
    consumer = await startDeliveryConsumer({
      prisma: db.prisma,
      kafka,
      producer,
      topic: topic.topic,
      groupId,
      beforeDelivery: (event) => {
        if (event.payload.holder === UNDELIVERABLE || !courierBack)
          throw new NonRetriableError(`no courier for ${event.payload.holder}`);
      },
    });
  });

  afterAll(async () => {
    await consumer.disconnect();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [handledJournalOf(topic.dlq)] }).catch(() => undefined);
    await admin.disconnect();
    await topic.remove();
    await db.drop();
  });

  async function dlq(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDlqCli([...argv, '--topic', topic.topic], {
      env: { KAFKA_BROKERS: testBrokers().join(','), ...testKafkaLoginEnv(), DLQ_OPERATOR: 'ana' },
      registry: [],
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      logDestination: { write: (line) => void logs.push(JSON.parse(line)) },
    });
    expect({ code, err }).toEqual({ code: 0, err: [] });
    return out;
  }
  const listed = async (...argv: string[]) =>
    (await dlq('list', '--json', ...argv)).map((line) => JSON.parse(line));
  const deliveriesOf = (ticketId: string) => db.prisma.delivery.count({ where: { ticketId } });
  const endOf = async (name: string) => (await admin.fetchTopicOffsets(name))[0]!.high;
  const journalEnd = async () => {
    const journal = handledJournalOf(topic.dlq);
    return (await admin.listTopics()).includes(journal) ? endOf(journal) : 'no journal';
  };
  /** Once the delivery consumer committed past every message on its topic. */
  const consumedToEnd = async () => {
    const end = await endOf(topic.topic);
    await eventually(
      async () => (await admin.fetchOffsets({ groupId, topics: [topic.topic] }))[0]!.partitions,
      (partitions) => partitions[0]?.offset === end,
    );
  };
  /** Publishes an event the consumer cannot apply yet; answers it and its DLQ entry. */
  async function park(holder: string) {
    const event = ticketIssuedEvent(randomUUID(), holder);
    await producer.send({
      topic: topic.topic,
      messages: [
        {
          key: event.payload.ticketId,
          value: JSON.stringify(event),
          headers: { 'x-origin': 'box office' },
        },
      ],
    });
    const [parked] = await eventually(
      async () => (await listed()).filter((entry) => entry.eventId === event.eventId),
      (entries) => entries.length > 0,
    );
    return { event, entry: `0:${parked.offset}` };
  }
  const pendingOf = async (eventId: string) =>
    (await listed()).filter((entry) => entry.eventId === eventId);

  it('replays a parked message once its cause is fixed, applying it exactly once', async () => {
    const { event, entry } = await park('fan');

    const [parked] = await pendingOf(event.eventId);
    expect(parked).toMatchObject({
      eventId: event.eventId,
      eventType: 'ticket.issued',
      key: event.payload.ticketId,
      failure: {
        'error-message': 'no courier for fan',
        'source-topic': topic.topic,
        'consumer-group': groupId,
      },
    });
    const [shown] = (await dlq('show', '--json', '--entry', entry)).map((line) => JSON.parse(line));
    expect(shown).toMatchObject({ headers: { 'x-origin': 'box office' }, value: event });

    // Replayed before the fix, it fails again and comes back as a new entry that says so.
    await dlq('replay', '--entry', entry);
    const failedAgain = await eventually(
      () => pendingOf(event.eventId),
      (entries) => entries.length === 1 && `0:${entries[0].offset}` !== entry,
    );
    expect(failedAgain).toEqual([
      expect.objectContaining({ eventId: event.eventId, replayOf: `${topic.dlq}:${entry}` }),
    ]);
    expect((await listed('--include-handled', '--entry', entry))[0].handled).toMatchObject({
      action: 'replayed',
      operator: 'ana',
      replayedTo: { topic: topic.topic },
    });

    courierBack = true;
    const secondEntry = `0:${failedAgain[0].offset}`;
    await dlq('replay', '--entry', secondEntry);
    expect(
      await eventually(
        () => deliveriesOf(event.payload.ticketId),
        (n) => n > 0,
      ),
    ).toBe(1);
    expect(await pendingOf(event.eventId)).toEqual([]);

    // Again, on purpose: the same event id reaches the consumer's inbox, which skips it.
    await dlq('replay', '--entry', secondEntry, '--include-handled');
    await consumedToEnd();
    expect(await deliveriesOf(event.payload.ticketId)).toBe(1);
    expect(await pendingOf(event.eventId)).toEqual([]);
    expect(logs).toContainEqual(
      expect.objectContaining({
        action: 'replay',
        operator: 'ana',
        dlqTopic: topic.dlq,
        partition: 0,
        offset: failedAgain[0].offset,
        eventId: event.eventId,
        previously: 'replayed',
        msg: 'dlq entry replayed',
        time: expect.any(String),
      }),
    );
  });

  it('writes nothing on a dry run', async () => {
    const { event } = await park(UNDELIVERABLE);
    const ends = { topic: await endOf(topic.topic), journal: await journalEnd() };

    const said = await dlq('replay', '--type', 'ticket.issued', '--dry-run');
    await dlq('discard', '--all', '--reason', 'trying', '--dry-run');

    expect(said[0]).toMatch(/^would replay 0:\d+ \(ticket.issued/);
    expect(await endOf(topic.topic)).toBe(ends.topic);
    expect(await journalEnd()).toBe(ends.journal);
    expect(await pendingOf(event.eventId)).toHaveLength(1);
  });

  it('drops a discarded entry from the list and keeps who discarded it and why', async () => {
    const { event, entry } = await park(UNDELIVERABLE);

    await dlq('discard', '--entry', entry, '--reason', 'holder closed the account');

    expect(await pendingOf(event.eventId)).toEqual([]);
    const [discarded] = await listed('--include-handled', '--entry', entry);
    expect(discarded.handled).toMatchObject({
      action: 'discarded',
      operator: 'ana',
      reason: 'holder closed the account',
    });
    // Compacted: the last action per entry is kept however old, unlike the topic's other messages.
    const { resources } = await admin.describeConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: handledJournalOf(topic.dlq) }],
      includeSynonyms: false,
    });
    expect(resources[0]?.configEntries).toContainEqual(
      expect.objectContaining({ configName: 'cleanup.policy', configValue: 'compact' }),
    );
    expect(logs).toContainEqual(
      expect.objectContaining({
        action: 'discard',
        operator: 'ana',
        offset: entry.split(':')[1],
        eventId: event.eventId,
        reason: 'holder closed the account',
        msg: 'dlq entry discarded',
      }),
    );
  });

  it('reads the DLQ without joining, moving or leaving behind any consumer group', async () => {
    await park(UNDELIVERABLE);
    const groups = async () => ({
      readers: (await admin.listGroups()).groups.filter(({ groupId: id }) =>
        id.startsWith('dlq-reader-'),
      ),
      delivery: await admin.fetchOffsets({ groupId, topics: [topic.topic] }),
    });
    const before = await groups();

    await dlq('list');
    await dlq('show');

    expect(await groups()).toEqual(before);
  });

  it('tells how many entries each DLQ holds and how many are still to be handled', async () => {
    const { entry } = await park(UNDELIVERABLE);
    await dlq('discard', '--entry', entry, '--reason', 'counted');
    await park(UNDELIVERABLE);
    const all = await listed('--include-handled');
    const pending = await listed();
    const out: string[] = [];

    const code = await runDlqCli(['list'], {
      env: { KAFKA_BROKERS: testBrokers().join(','), ...testKafkaLoginEnv() },
      registry: [
        { name: topic.topic, dlq: topic.dlq, events: [] },
        { name: `${topic.topic}-unused`, dlq: `${topic.topic}-unused.dlq`, events: [] },
      ],
      out: (line) => out.push(line),
      logDestination: { write: () => undefined },
    });

    expect(code).toBe(0);
    expect(out).toEqual([
      `${topic.dlq}: ${all.length} parked, ${pending.length} still to handle`,
      `${topic.topic}-unused.dlq: no such topic yet`,
    ]);
    expect(pending.length).toBeGreaterThan(0);
    expect(all.length).toBeGreaterThan(pending.length);
  });
});
