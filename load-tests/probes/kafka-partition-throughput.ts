// One Kafka partition's throughput through kafkajs as the services use it: the idempotent
// producer (acks from all in-sync replicas, one request in flight) sending batches of 200 like the
// outbox relay, and one consumer reading them back in batches. Events of EVENT_BYTES, keyed by a
// random reservation id. Against the local single broker (.local/infra.env's admin login).
// Usage: npx tsx load-tests/probes/kafka-partition-throughput.ts [MESSAGES] [EVENT_BYTES]
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';

const messages = Number(process.argv[2] ?? 50_000);
const eventBytes = Number(process.argv[3] ?? 600);
const relayBatch = 200;
const kafka = new Kafka({
  clientId: 'capacity-probe',
  brokers: process.env.KAFKA_BROKERS!.split(','),
  sasl: {
    mechanism: 'scram-sha-512',
    username: process.env.KAFKA_ADMIN_USERNAME!,
    password: process.env.KAFKA_ADMIN_PASSWORD!,
  },
  logLevel: logLevel.NOTHING,
});
const topic = `capacity-probe.${randomUUID()}`;
const value = 'x'.repeat(eventBytes);
const rate = (count: number, ms: number) => Math.round((count * 1000) / ms).toLocaleString('en-GB');

async function main() {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });

  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const produced = performance.now();
  for (let sent = 0; sent < messages; sent += relayBatch) {
    const batch = Array.from({ length: Math.min(relayBatch, messages - sent) }, () => ({
      key: randomUUID(),
      value,
    }));
    await producer.send({ topic, messages: batch });
  }
  const produceMs = performance.now() - produced;
  console.log(
    `produce: ${messages} events of ${eventBytes} B in batches of ${relayBatch}, ${rate(messages, produceMs)}/s`,
  );

  const consumer = kafka.consumer({ groupId: `capacity-probe-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  let consumed = 0;
  let firstAt = 0;
  await new Promise<void>((done) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        firstAt ||= performance.now();
        consumed += batch.messages.length;
        if (consumed >= messages) done();
      },
    });
  });
  const consumeMs = performance.now() - firstAt;
  console.log(
    `consume: ${consumed} events from the first batch on, ${rate(consumed, consumeMs)}/s (no work per event)`,
  );

  await consumer.disconnect();
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
}

void main();
