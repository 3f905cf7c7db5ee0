import { randomBytes } from 'node:crypto';
import { ADMIN, startSystem, type System } from '@headliner/system';
import { eventually } from '@headliner/testing';
import { createSchedule, Fan, type Answer } from './support/gateway-client';
import {
  ancestorsOf,
  fetchTrace,
  parentIdOf,
  serviceOf,
  tagOf,
  type JaegerSpan,
  type JaegerTrace,
} from './support/jaeger-trace';

// The local Jaeger of deploy/infra, which infra.sh writes to .local/infra.env when it runs it
// (not with HEADLINER_OBSERVABILITY=metrics or off: then there is nowhere to look).
const { JAEGER_URL, JAEGER_OTLP_ENDPOINT } = process.env;
const withJaeger = JAEGER_URL && JAEGER_OTLP_ENDPOINT ? describe : describe.skip;

const services = ['concert', 'gateway', 'queue', 'reservation', 'wallet'];

/** A client app that, once `traced`, sends each call as a child of a span of one trace of its own. */
class TracedFan extends Fan {
  traced = false;
  readonly traceId = randomBytes(16).toString('hex');
  readonly clientSpanIds = new Set<string>();

  override call<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer<T>> {
    if (!this.traced) return super.call(method, path, body, headers);
    const spanId = randomBytes(8).toString('hex');
    this.clientSpanIds.add(spanId);
    return super.call(method, path, body, {
      traceparent: `00-${this.traceId}-${spanId}-01`,
      ...headers,
    });
  }
}

/** The spans of one Kafka hop: `headliner.<topic>.v1 publish|process` (after the namespace). */
function hopSpans(trace: JaegerTrace, topic: string, operation: 'publish' | 'process') {
  return trace.spans.filter((span) =>
    span.operationName.endsWith(`headliner.${topic}.v1 ${operation}`),
  );
}

function kindOf(span: JaegerSpan) {
  return tagOf(span, 'span.kind');
}

withJaeger('when a fan books a seat with tracing on', () => {
  let system: System;
  let fan: TracedFan;
  let trace: JaegerTrace;

  beforeAll(async () => {
    system = await startSystem({ OTEL_EXPORTER_OTLP_ENDPOINT: JAEGER_OTLP_ENDPOINT! });
    const admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
    const { scheduleId, seats } = await createSchedule(admin, 1);
    fan = new TracedFan(system.gatewayUrl, `traced_${randomBytes(3).toString('hex')}`);
    await fan.signUpAndLogIn();
    expect((await fan.charge(100_000)).status).toBe(200);

    // The booking, and only the booking, in the fan's trace: token, hold, pay, seat SOLD.
    fan.traced = true;
    expect((await fan.takeQueueToken(scheduleId)).status).toBe(201);
    await fan.waitUntilActive();
    const hold = await fan.hold(scheduleId, seats[0]!.seatId);
    expect(hold.status).toBe(201);
    const payment = await fan.pay(hold.body.reservationId);
    expect(payment.body).toMatchObject({ status: 'COMPLETED' });
    await eventually(
      () => fan.call('GET', `/api/v1/schedules/${scheduleId}/seats`),
      (answer) => answer.body?.seats?.[0]?.status === 'SOLD',
      10_000,
    );

    // Services export in batches (every few seconds): wait for the last hop's spans to arrive.
    const complete = (found: JaegerTrace | undefined) =>
      !!found &&
      services.every((service) => found.spans.some((span) => serviceOf(found, span) === service)) &&
      hopSpans(found, 'reservation.confirmed', 'process').length === 3;
    trace = (await eventually(() => fetchTrace(JAEGER_URL!, fan.traceId), complete, 60_000))!;
  }, 120_000);

  afterAll(async () => {
    await system?.stop();
  });

  it('is one trace with spans from the gateway and all four services', () => {
    const found = new Set(trace.spans.map((span) => serviceOf(trace, span)));
    expect([...found].sort()).toEqual(services);
  });

  it('links every span to a parent in the trace, or to one of the fan’s own calls', () => {
    const ids = new Set(trace.spans.map((span) => span.spanID));
    const orphans = trace.spans.filter((span) => {
      const parent = parentIdOf(span);
      return parent === undefined || !(ids.has(parent) || fan.clientSpanIds.has(parent));
    });

    expect(orphans.map((span) => `${serviceOf(trace, span)}: ${span.operationName}`)).toEqual([]);
  });

  it.each([
    ['payment.requested', 'reservation', 'wallet'],
    ['payment.completed', 'wallet', 'reservation'],
    ['reservation.confirmed', 'reservation', 'concert, queue, wallet'],
  ])(
    'carries %s from %s to %s: each consumer span a child of the publish span',
    (topic, producer, consumers) => {
      const [publish, ...more] = hopSpans(trace, topic, 'publish');
      expect(more).toEqual([]);
      expect(serviceOf(trace, publish!)).toBe(producer);
      expect(kindOf(publish!)).toBe('producer');

      const processing = hopSpans(trace, topic, 'process');
      expect(processing.map((span) => serviceOf(trace, span)).sort()).toEqual(
        consumers.split(', '),
      );
      for (const span of processing) {
        expect(kindOf(span)).toBe('consumer');
        expect(parentIdOf(span)).toBe(publish!.spanID);
      }
    },
  );

  it('leads from the seat sold back through the saga to the fan’s payment request', () => {
    const [sold] = hopSpans(trace, 'reservation.confirmed', 'process').filter(
      (span) => serviceOf(trace, span) === 'concert',
    );
    const path = ancestorsOf(trace, sold!).map(
      (span) => `${serviceOf(trace, span)}: ${span.operationName}`,
    );

    // Newest first: confirmed by the payment.completed consumer, completed by the wallet's
    // payment.requested consumer, requested by the reservation service's request from the gateway.
    expect(path).toEqual([
      expect.stringMatching(/^reservation: .*headliner\.reservation\.confirmed\.v1 publish$/),
      expect.stringMatching(/^reservation: .*headliner\.payment\.completed\.v1 process$/),
      expect.stringMatching(/^wallet: .*headliner\.payment\.completed\.v1 publish$/),
      expect.stringMatching(/^wallet: .*headliner\.payment\.requested\.v1 process$/),
      expect.stringMatching(/^reservation: .*headliner\.payment\.requested\.v1 publish$/),
      ...Array(path.length - 5).fill(expect.any(String)),
    ]);
    expect(path.slice(5)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^reservation: POST /),
        expect.stringMatching(/^gateway: POST .*payments/),
      ]),
    );
  });

  it('has spans for PostgreSQL queries and Redis commands inside the booking', () => {
    const pg = trace.spans.filter((span) => span.operationName.startsWith('pg.query:'));
    const redis = trace.spans.filter(
      (span) => (tagOf(span, 'db.system.name') ?? tagOf(span, 'db.system')) === 'redis',
    );

    expect(pg.map((span) => serviceOf(trace, span))).toEqual(
      expect.arrayContaining(['reservation', 'wallet']),
    );
    expect(redis.map((span) => serviceOf(trace, span))).toContain('queue');
  });
});
