import type { JaegerSpan, JaegerTrace } from '../../src/jaeger-api';

// A trace written by hand, span by span, for the shapes a recorded one may lack (failures,
// FOLLOWS_FROM links, Kafka hops, deep pg and Redis trees). Times in ms from the trace's start.

export interface SpanSpec {
  id: string;
  name: string;
  service: string;
  parent?: string;
  follows?: string;
  startMs: number;
  durationMs: number;
  tags?: Record<string, unknown>;
}

const epochUs = 1_765_000_000_000_000;

export function traceOf(traceId: string, specs: SpanSpec[]): JaegerTrace {
  const services = [...new Set(specs.map((s) => s.service))];
  const processId = (service: string) => `p${services.indexOf(service) + 1}`;
  const spans: JaegerSpan[] = specs.map((spec) => ({
    traceID: traceId,
    spanID: spec.id,
    operationName: spec.name,
    references: [
      ...(spec.parent
        ? [{ refType: 'CHILD_OF' as const, traceID: traceId, spanID: spec.parent }]
        : []),
      ...(spec.follows
        ? [{ refType: 'FOLLOWS_FROM' as const, traceID: traceId, spanID: spec.follows }]
        : []),
    ],
    startTime: epochUs + spec.startMs * 1000,
    duration: spec.durationMs * 1000,
    tags: Object.entries(spec.tags ?? {}).map(([key, value]) => ({ key, value })),
    processID: processId(spec.service),
  }));
  return {
    traceID: traceId,
    spans,
    processes: Object.fromEntries(services.map((s) => [processId(s), { serviceName: s }])),
  };
}

/** A payment: gateway → reservation (pg, Redis) → Kafka → wallet (pg) → Kafka → reservation. */
export const paymentTrace = traceOf('a1', [
  {
    id: 's1',
    name: 'POST /api/v1/reservations/:id/payment',
    service: 'gateway',
    startMs: 0,
    durationMs: 40,
    tags: { 'span.kind': 'server' },
  },
  {
    id: 's2',
    name: 'POST',
    service: 'gateway',
    parent: 's1',
    startMs: 1,
    durationMs: 36,
    tags: { 'span.kind': 'client' },
  },
  {
    id: 's3',
    name: 'POST /reservations/:id/payment',
    service: 'reservation',
    parent: 's2',
    startMs: 2,
    durationMs: 33,
    tags: { 'span.kind': 'server' },
  },
  {
    id: 's4',
    name: 'pg.query:SELECT',
    service: 'reservation',
    parent: 's3',
    startMs: 3,
    durationMs: 4,
    tags: { 'span.kind': 'client', 'db.system': 'postgresql' },
  },
  {
    id: 's12',
    name: 'pg-pool.connect',
    service: 'reservation',
    parent: 's4',
    startMs: 3,
    durationMs: 1,
    tags: { 'span.kind': 'internal' },
  },
  {
    id: 's5',
    name: 'evalsha',
    service: 'reservation',
    parent: 's3',
    startMs: 8,
    durationMs: 1,
    tags: { 'span.kind': 'client', 'db.system': 'redis' },
  },
  {
    id: 's6',
    name: 'reservation.payment-requested publish',
    service: 'reservation',
    parent: 's3',
    startMs: 30,
    durationMs: 3,
    tags: {
      'span.kind': 'producer',
      'messaging.system': 'kafka',
      'messaging.destination.name': 'reservation.payment-requested',
    },
  },
  {
    id: 's7',
    name: 'reservation.payment-requested process',
    service: 'wallet',
    follows: 's6',
    startMs: 50,
    durationMs: 20,
    tags: {
      'span.kind': 'consumer',
      'messaging.system': 'kafka',
      'messaging.destination.name': 'reservation.payment-requested',
    },
  },
  {
    id: 's8',
    name: 'pg.query:UPDATE',
    service: 'wallet',
    parent: 's7',
    startMs: 52,
    durationMs: 6,
    tags: { 'span.kind': 'client', error: true, 'otel.status_code': 'ERROR' },
  },
  {
    id: 's9',
    name: 'pg.query:INSERT',
    service: 'wallet',
    parent: 's7',
    startMs: 60,
    durationMs: 5,
    tags: { 'span.kind': 'client' },
  },
  {
    id: 's10',
    name: 'wallet.debited publish',
    service: 'wallet',
    parent: 's7',
    startMs: 66,
    durationMs: 2,
    tags: {
      'span.kind': 'producer',
      'messaging.system': 'kafka',
      'messaging.destination.name': 'wallet.debited',
    },
  },
  {
    id: 's11',
    name: 'wallet.debited process',
    service: 'reservation',
    parent: 's10',
    startMs: 80,
    durationMs: 20,
    tags: {
      'span.kind': 'consumer',
      'messaging.system': 'kafka',
      'messaging.destination.name': 'wallet.debited',
    },
  },
]);
