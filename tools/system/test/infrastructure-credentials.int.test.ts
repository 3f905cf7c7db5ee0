import { randomUUID } from 'node:crypto';
import { topicNames, topics as registry, topicsToCreate } from '@headliner/contracts';
import { ensureTopics } from '@headliner/platform';
import {
  createTestDatabase,
  infraUrl,
  testBrokers,
  testKafka,
  type TestDatabase,
} from '@headliner/testing';
import { Redis } from 'ioredis';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { Client } from 'pg';
import { databaseUrlAs, handDatabaseTo, roleOf } from '../src/database-roles';
import { createKafkaNamespace } from '../src/kafka-namespace';
import { localSecret } from '../src/local-secret';
import {
  deleteRedisUsers,
  ensureRedisUsers,
  keyPrefixOf,
  redisServices,
  redisUrlAs,
  type RedisService,
  type RedisUser,
} from '../src/redis-users';

jest.setTimeout(60_000);

const event = (topic: string) => ({
  topic,
  messages: [{ key: 'forged', value: JSON.stringify({ type: 'payment.completed', forged: true }) }],
});

const coordinatorMoving = new Set([
  // A topic created moments ago may not have its partition leaders yet.
  'NOT_LEADER_FOR_PARTITION',
  'NOT_COORDINATOR_FOR_GROUP',
  'GROUP_LOAD_IN_PROGRESS',
  'GROUP_COORDINATOR_NOT_AVAILABLE',
]);

/**
 * A broker formatted moments ago is still electing the coordinators of its offsets topic, and
 * kafkajs's admin does not retry fetchOffsets past NOT_COORDINATOR_FOR_GROUP: ask again for a
 * while, as the services' lag reader does on its next pass. The names are kafkajs's error types.
 */
async function whileCoordinatorMoves<T>(read: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      const type = (error as { type?: string }).type ?? '';
      const moving = coordinatorMoving.has(type);
      if (!moving || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

function principal(service: 'wallet' | 'reservation') {
  return testKafka({
    mechanism: 'scram-sha-512',
    username: service,
    password: localSecret(`secrets/kafka-${service}`),
  });
}

describe('when a service principal produces to Kafka', () => {
  const namespace = createKafkaNamespace();
  const topics = topicNames(namespace.namespace);
  const producers: Producer[] = [];
  const producerOf = async (service: 'wallet' | 'reservation') => {
    const producer = principal(service).producer();
    producers.push(producer);
    await producer.connect();
    return producer;
  };

  beforeAll(async () => {
    await namespace.grant();
    await ensureTopics(testKafka(), topicsToCreate(namespace.namespace));
  });

  afterAll(async () => {
    await Promise.all(producers.map((producer) => producer.disconnect()));
    await namespace.remove();
  });

  it('refuses the wallet payment.requested, which only the reservation service produces', async () => {
    const wallet = await producerOf('wallet');
    await expect(wallet.send(event(topics.paymentRequested))).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    const reservation = await producerOf('reservation');
    await expect(reservation.send(event(topics.paymentRequested))).resolves.toHaveLength(1);
  });

  it('refuses the reservation service payment.completed, which only the wallet produces', async () => {
    const reservation = await producerOf('reservation');
    await expect(reservation.send(event(topics.paymentCompleted))).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    const wallet = await producerOf('wallet');
    await expect(wallet.send(event(topics.paymentCompleted))).resolves.toHaveLength(1);
  });
  it("lets a service read its own group's offsets and its DLQ's watermarks, for their metrics", async () => {
    const admin = principal('wallet').admin();
    await admin.connect();
    try {
      const ownGroup = `${namespace.namespace}wallet`;
      await expect(
        whileCoordinatorMoves(() =>
          admin.fetchOffsets({ groupId: ownGroup, topics: [topics.paymentRequested] }),
        ),
      ).resolves.toHaveLength(1);
      const dlq = namespace.namespace + registry.paymentRequested.dlq;
      await expect(
        whileCoordinatorMoves(() => admin.fetchTopicOffsets(dlq)),
      ).resolves.not.toHaveLength(0);
      await expect(
        admin.fetchOffsets({
          groupId: `${namespace.namespace}reservation`,
          topics: [topics.paymentCompleted],
        }),
        // Refused at the coordinator's lookup, which needs DESCRIBE on the group.
      ).rejects.toThrow(/group coordinator/);
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses a client without credentials, so no one can forge a payment.completed', async () => {
    const anonymous = new Kafka({
      clientId: 'forger',
      brokers: testBrokers(),
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2_000,
      retry: { retries: 0 },
    });
    const producer = anonymous.producer();
    try {
      await expect(
        producer.connect().then(() => producer.send(event(topics.paymentCompleted))),
      ).rejects.toThrow();
    } finally {
      await producer.disconnect();
    }
  });
});

describe('when a client without the right credentials reaches the infrastructure', () => {
  it('Kafka refuses a principal with the wrong password', async () => {
    const guesser = testKafka({
      mechanism: 'scram-sha-512',
      username: 'wallet',
      password: 'guess',
    });
    const producer = guesser.producer({ retry: { retries: 0 } });
    try {
      await expect(producer.connect()).rejects.toMatchObject({
        name: 'KafkaJSSASLAuthenticationError',
      });
    } finally {
      await producer.disconnect();
    }
  });

  it('Redis refuses its commands without the password', async () => {
    const url = new URL(infraUrl('REDIS_URL'));
    expect(url.password).not.toBe('');
    url.username = '';
    url.password = '';
    const redis = new Redis(url.toString(), { maxRetriesPerRequest: 0, lazyConnect: true });
    redis.on('error', () => undefined);
    try {
      await expect(redis.ping()).rejects.toThrow(/NOAUTH/);
    } finally {
      redis.disconnect();
    }
  });
});

describe("when a service's PostgreSQL role reaches for another service's database", () => {
  let reservations: TestDatabase;

  beforeAll(async () => {
    reservations = await createTestDatabase('headliner_reservation_template');
    await handDatabaseTo(reservations.name, 'reservation');
  });

  afterAll(() => reservations.drop());

  const connectAs = async (role: string) => {
    const client = new Client({ connectionString: databaseUrlAs(reservations.name, role) });
    await client.connect();
    try {
      return (await client.query<{ user: string }>('SELECT current_user AS user')).rows[0]!.user;
    } finally {
      await client.end();
    }
  };

  it("refuses the wallet's role, and lets the reservation's own role in", async () => {
    await expect(connectAs(roleOf('wallet'))).rejects.toThrow(/permission denied for database/);
    await expect(connectAs(roleOf('reservation'))).resolves.toBe(roleOf('reservation'));
  });
});

describe("when a service's Redis user reaches for another service's keys", () => {
  const system = `it-${randomUUID()}`;
  const adminUrl = infraUrl('REDIS_URL');
  // A test system's prefixes, as fresh-system.ts sets them.
  const env = {
    RATE_LIMIT_KEY_PREFIX: `${system}:rate:`,
    QUEUE_KEY_PREFIX: `${system}:queue:`,
    CACHE_KEY_PREFIX: `${system}:catalogue:`,
    REDIS_KEY_PREFIX: `${system}:reservation:`,
  };
  const users: RedisUser[] = redisServices.map((service) => ({
    service,
    username: `${system}-${service}`,
    password: randomUUID(),
    keyPrefix: keyPrefixOf(service, env),
  }));
  const clients: Redis[] = [];
  const as = (service: RedisService) => {
    const user = users.find((candidate) => candidate.service === service)!;
    const redis = new Redis(redisUrlAs(adminUrl, user), { maxRetriesPerRequest: 0 });
    clients.push(redis);
    return redis;
  };
  const admin = new Redis(adminUrl);

  beforeAll(() => ensureRedisUsers(adminUrl, users));

  afterAll(async () => {
    clients.forEach((client) => client.disconnect());
    await deleteRedisUsers(adminUrl, users);
    const keys = await admin.keys(`${system}:*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  it("refuses the queue's user a reservation's seat claim and the gateway's rate limits", async () => {
    await admin.set(`${env.REDIS_KEY_PREFIX}claim:seat-1`, 'reservation-1');
    await admin.set(`${env.RATE_LIMIT_KEY_PREFIX}user-1`, '5');
    const queue = as('queue');

    await expect(queue.get(`${env.REDIS_KEY_PREFIX}claim:seat-1`)).rejects.toThrow(/NOPERM/);
    await expect(queue.set(`${env.REDIS_KEY_PREFIX}claim:seat-1`, 'forged')).rejects.toThrow(
      /NOPERM/,
    );
    await expect(queue.del(`${env.RATE_LIMIT_KEY_PREFIX}user-1`)).rejects.toThrow(/NOPERM/);
    await expect(
      queue.eval("return redis.call('GET', KEYS[1])", 1, `${env.RATE_LIMIT_KEY_PREFIX}user-1`),
    ).rejects.toThrow(/NOPERM/);
    expect(await admin.get(`${env.REDIS_KEY_PREFIX}claim:seat-1`)).toBe('reservation-1');
    expect(await admin.get(`${env.RATE_LIMIT_KEY_PREFIX}user-1`)).toBe('5');
  });

  it('lets it use its own keys, INFO and its connection name, and nothing that spans every key', async () => {
    const queue = as('queue');
    await queue.set(`${env.QUEUE_KEY_PREFIX}bull:sweep:meta`, '1');
    expect(await queue.get(`${env.QUEUE_KEY_PREFIX}bull:sweep:meta`)).toBe('1');
    expect(await queue.info('server')).toMatch(/redis_version/);
    expect(await queue.client('SETNAME', 'waiting-room')).toBe('OK');

    await expect(queue.keys('*')).rejects.toThrow(/NOPERM/);
    await expect(queue.flushall()).rejects.toThrow(/NOPERM/);
    await expect(queue.publish('anything', 'x')).rejects.toThrow(/NOPERM/);
  });

  it('refuses a user once its system deleted it', async () => {
    const [gateway] = users;
    await deleteRedisUsers(adminUrl, [gateway!]);
    const redis = new Redis(redisUrlAs(adminUrl, gateway!), {
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    clients.push(redis);
    const refused = new Promise<Error>((resolve) => redis.once('error', resolve));
    redis.connect().catch(() => undefined);
    expect((await refused).message).toMatch(/WRONGPASS/);
  });
});
