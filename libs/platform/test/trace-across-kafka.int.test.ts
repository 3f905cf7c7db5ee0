import type { FinishedSpan } from './support/traced/finished-spans';
import { runTypeScript } from './support/run-typescript';
import { createTestDatabase, type TestDatabase } from './support/test-database';
import { testBrokers, createTestTopic, testKafka } from '@headliner/testing';

interface OfficeOutput {
  issued: { ticketId: string };
  published: boolean;
  spans: FinishedSpan[];
}

interface DeliveryOutput {
  deliveries: number;
  spans: FinishedSpan[];
}

function runFixture<T>(fixture: string, env: Record<string, string>): T {
  const outcome = runTypeScript(fixture, env);
  if (outcome.exitCode !== 0) throw new Error(`${fixture} failed: ${outcome.stderr}`);
  return JSON.parse(outcome.stdout) as T;
}

function only(spans: FinishedSpan[], kind: string, name: string): FinishedSpan {
  const found = spans.filter((span) => span.kind === kind && span.name === name);
  if (found.length !== 1) throw new Error(`want one ${kind} ${name} in ${JSON.stringify(spans)}`);
  return found[0]!;
}

/** The span and its ancestors, nearest first, as far as the recorded spans reach. */
function ancestry(span: FinishedSpan, spans: FinishedSpan[]): FinishedSpan[] {
  const byId = new Map(spans.map((candidate) => [candidate.spanId, candidate]));
  const chain = [span];
  for (let parent = byId.get(span.parentSpanId ?? ''); parent;) {
    chain.push(parent);
    parent = byId.get(parent.parentSpanId ?? '');
  }
  return chain;
}

// Service A (ticket office) and the consumer run as processes of their own, one after the other,
// so the trace context can only travel from the request to the consumer through the outbox row
// and the Kafka message headers (OpenTelemetry cannot patch modules inside jest, either).
describe('when a request’s event travels outbox → Kafka → inbox consumer', () => {
  let db: TestDatabase;
  let topic: Awaited<ReturnType<typeof createTestTopic>>;
  let office: OfficeOutput;
  let delivery: DeliveryOutput;

  beforeAll(async () => {
    db = await createTestDatabase();
    topic = await createTestTopic(testKafka());
    const env = {
      DATABASE_URL: db.url,
      KAFKA_BROKERS: testBrokers().join(','),
      TOPIC: topic.topic,
      KAFKA_ADMIN_USERNAME: process.env.KAFKA_ADMIN_USERNAME ?? '',
      KAFKA_ADMIN_PASSWORD: process.env.KAFKA_ADMIN_PASSWORD ?? '',
    };
    office = runFixture('traced/ticket-office.ts', env);
    delivery = runFixture('traced/ticket-delivery.ts', env);
  }, 60_000);

  afterAll(async () => {
    await topic?.remove();
    await db?.drop();
  });

  it('publishes the event and the consumer applies it', () => {
    expect(office.published).toBe(true);
    expect(delivery.deliveries).toBe(1);
  });

  it('processes the event in the trace of the client’s request', () => {
    const client = only(office.spans, 'CLIENT', 'POST');
    const server = only(office.spans, 'SERVER', 'POST /tickets');
    const processing = only(delivery.spans, 'CONSUMER', `${topic.topic} process`);

    expect(server.traceId).toBe(client.traceId);
    expect(processing.traceId).toBe(server.traceId);
  });

  it('leads from the consumer’s span back through A’s request to the client, span by span', () => {
    const client = only(office.spans, 'CLIENT', 'POST');
    const server = only(office.spans, 'SERVER', 'POST /tickets');
    const publish = only(office.spans, 'PRODUCER', `${topic.topic} publish`);
    const processing = only(delivery.spans, 'CONSUMER', `${topic.topic} process`);

    const chain = ancestry(processing, [...office.spans, ...delivery.spans]);

    // The consumer's parent is the relay's publish span, whose parent is the span that was
    // active when the outbox row was written, not the relay's own loop.
    expect(processing.parentSpanId).toBe(publish.spanId);
    expect(chain.map((span) => span.spanId)).toContain(server.spanId);
    expect(chain.at(-1)).toEqual(client);
  });

  it('has a span for each PostgreSQL query made inside the trace, and none outside it', () => {
    const server = only(office.spans, 'SERVER', 'POST /tickets');
    const queries = office.spans.filter((span) => span.kind === 'CLIENT' && span.name !== 'POST');
    const inTheRequest = queries.filter((span) =>
      ancestry(span, office.spans).some((ancestor) => ancestor.spanId === server.spanId),
    );

    expect(inTheRequest.map((span) => span.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^pg\.query:INSERT /)]),
    );
    // The relay polls the outbox outside any request: those queries make no trace of their own.
    expect(queries.filter((span) => span.parentSpanId === undefined)).toEqual([]);
  });
});
