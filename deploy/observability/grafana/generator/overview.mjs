// The Headliner overview: golden signals per service, the waiting room and booking funnels,
// the payment saga, Kafka, PostgreSQL, Redis, circuit breakers and the Node.js runtime of one
// system (npm start's is `local`; a test system's its own id).
import { dashboard, queryVariable, timeseries } from './panels.mjs';
import { rate, selector, shareOf } from './promql.mjs';

const ofSystem = ['system', '=', '$system'];
const ofServices = ['service', '=~', '$service'];
/** Series of the chosen system and services: the golden signals and the runtime. */
const perService = (...more) => selector(ofSystem, ofServices, ...more);
/** Series of the chosen system only: the panels about one service's business (the funnels). */
const inSystem = (...more) => selector(ofSystem, ...more);

const requests = (...more) => rate('http_request_duration_seconds_count', perService(...more));
const quantile = (q, metric, labels, by) =>
  `histogram_quantile(${q}, sum by (${[...by, 'le'].join(', ')}) (${rate(metric, labels)}))`;

const goldenSignals = {
  title: 'Golden signals',
  panels: [
    timeseries({
      title: 'Request rate',
      description: 'HTTP requests answered per second, by service (every route and status).',
      unit: 'reqps',
      targets: [[`sum by (service) (${requests()})`, '{{service}}']],
    }),
    timeseries({
      title: 'Error ratio (5xx)',
      description: 'Share of answers that were 5xx, by service. 4xx are the caller’s, not errors.',
      unit: 'percentunit',
      targets: [
        [shareOf(requests(['status_code', '=~', '5..']), requests(), 'service'), '{{service}}'],
      ],
    }),
    timeseries({
      title: 'Latency p50 / p95 / p99',
      description:
        'Request duration quantiles by service, from the http_request_duration_seconds histogram.',
      unit: 's',
      targets: [0.5, 0.95, 0.99].map((q) => [
        quantile(q, 'http_request_duration_seconds_bucket', perService(), ['service']),
        `{{service}} p${q * 100}`,
      ]),
    }),
    timeseries({
      title: 'Slowest routes (p95)',
      description: 'p95 by service, route pattern and method: which route a latency rise is on.',
      unit: 's',
      width: 12,
      targets: [
        [
          `topk(10, ${quantile(0.95, 'http_request_duration_seconds_bucket', perService(), ['service', 'route', 'method'])})`,
          '{{service}} {{method}} {{route}}',
        ],
      ],
    }),
    timeseries({
      title: 'Answers by status',
      description: 'Answers per second by service and status code.',
      unit: 'reqps',
      width: 12,
      targets: [[`sum by (service, status_code) (${requests()})`, '{{service}} {{status_code}}']],
    }),
    timeseries({
      title: 'Saturation: CPU',
      description: 'CPU seconds per second used by each service process (1 = one core).',
      unit: 'percentunit',
      targets: [
        [`sum by (service) (${rate('process_cpu_seconds_total', perService())})`, '{{service}}'],
      ],
    }),
    timeseries({
      title: 'Saturation: event-loop lag p99',
      description: 'How late the event loop runs timers: work waiting for the one thread.',
      unit: 's',
      targets: [
        [`max by (service) (nodejs_eventloop_lag_p99_seconds${perService()})`, '{{service}}'],
      ],
    }),
    timeseries({
      title: 'Dependencies up',
      description: 'Each readiness check of each service: 1 up, 0 down.',
      unit: 'none',
      max: 1,
      targets: [
        [
          `min by (service, dependency) (readiness_dependency_up${perService()})`,
          '{{service}} → {{dependency}}',
        ],
      ],
    }),
  ],
};

const waitingRoom = {
  title: 'Waiting room funnel',
  panels: [
    timeseries({
      title: 'Arrived, admitted, expired, dropped per second',
      description:
        'Tokens issued (arrived), made ACTIVE (admitted), ACTIVE tokens that lapsed (expired) and WAITING tokens dropped for not polling.',
      unit: 'ops',
      width: 12,
      targets: [
        [`sum(${rate('queue_tokens_issued_total', inSystem())})`, 'arrived'],
        [`sum(${rate('queue_tokens_admitted_total', inSystem())})`, 'admitted'],
        [`sum(${rate('queue_tokens_expired_total', inSystem())})`, 'expired'],
        [`sum(${rate('queue_tokens_dropped_total', inSystem())})`, 'dropped'],
      ],
    }),
    timeseries({
      title: 'Waiting and active tokens',
      description: 'Tokens in line and tokens admitted, at the queue’s last sweep.',
      unit: 'none',
      width: 12,
      targets: [
        [`max(queue_waiting_tokens${inSystem()})`, 'waiting'],
        [`max(queue_active_tokens${inSystem()})`, 'active'],
      ],
    }),
  ],
};

const holds = (...more) => rate('reservation_holds_total', inSystem(...more));
const bookingFunnel = {
  title: 'Booking funnel',
  panels: [
    timeseries({
      title: 'Holds placed, conflicts, expired, paid per second',
      description:
        'Seats held, hold requests refused (seat taken, hold limit…), holds that lapsed unpaid, and payments completed.',
      unit: 'ops',
      width: 12,
      targets: [
        [`sum(${holds(['outcome', '=', 'held'])})`, 'held'],
        [`sum(${holds(['outcome', '!=', 'held'])}) or sum(${holds()}) * 0`, 'refused (conflicts)'],
        [`sum(${rate('reservation_holds_expired_total', inSystem())})`, 'expired'],
        [
          `sum(${rate('reservation_payments_total', inSystem(['outcome', '=', 'completed']))})`,
          'paid',
        ],
      ],
    }),
    timeseries({
      title: 'Hold requests by outcome',
      description: 'held, each refusal reason, or error.',
      unit: 'ops',
      width: 12,
      stack: true,
      targets: [[`sum by (outcome) (${holds()})`, '{{outcome}}']],
    }),
  ],
};

const saga = {
  title: 'Payment saga',
  panels: [
    timeseries({
      title: 'Saga duration p50 / p95 / p99',
      description: 'From a payment request to the wallet’s answer being recorded.',
      unit: 's',
      targets: [0.5, 0.95, 0.99].map((q) => [
        quantile(q, 'reservation_payment_saga_duration_seconds_bucket', inSystem(), []),
        `p${q * 100}`,
      ]),
    }),
    timeseries({
      title: 'Payments by outcome',
      description: 'completed, pending (answered 202), insufficient_balance, timed_out…',
      unit: 'ops',
      stack: true,
      targets: [
        [`sum by (outcome) (${rate('reservation_payments_total', inSystem())})`, '{{outcome}}'],
      ],
    }),
    timeseries({
      title: 'Wallet debits and payment timeouts',
      description:
        'The wallet’s answers to payment requests by outcome, and payments failed after PAYMENT_TIMEOUT_SECONDS without one.',
      unit: 'ops',
      targets: [
        [`sum by (outcome) (${rate('wallet_debits_total', inSystem())})`, 'debit {{outcome}}'],
        [`sum(${rate('reservation_payments_timed_out_total', inSystem())})`, 'timed out'],
      ],
    }),
  ],
};

const kafka = {
  title: 'Kafka: consumer lag, DLQ, outbox',
  panels: [
    timeseries({
      title: 'Consumer lag by group and topic',
      description:
        'Messages behind: high watermark minus the group’s committed offset, summed over partitions.',
      unit: 'none',
      targets: [
        [`sum by (group, topic) (kafka_consumer_group_lag${inSystem()})`, '{{group}} {{topic}}'],
      ],
    }),
    timeseries({
      title: 'DLQ messages',
      description:
        'Messages held in each dead-letter topic: each one a message no consumer could apply.',
      unit: 'none',
      targets: [[`max by (topic) (kafka_dlq_messages${inSystem()})`, '{{topic}}']],
    }),
    timeseries({
      title: 'Events consumed by outcome',
      description: 'applied, duplicate (already applied), retried, dead_lettered.',
      unit: 'ops',
      stack: true,
      targets: [
        [`sum by (outcome) (${rate('kafka_events_consumed_total', inSystem())})`, '{{outcome}}'],
      ],
    }),
    timeseries({
      title: 'Outbox: pending events',
      description: 'Unpublished outbox rows at the relay’s last pass, by service.',
      unit: 'none',
      targets: [[`max by (service) (outbox_pending_events${inSystem()})`, '{{service}}']],
    }),
    timeseries({
      title: 'Outbox: relay lag',
      description: 'Age of the oldest unpublished outbox row, by service.',
      unit: 's',
      targets: [[`max by (service) (outbox_relay_lag_seconds${inSystem()})`, '{{service}}']],
    }),
    timeseries({
      title: 'Outbox: events published',
      description: 'Events the relay published per second, by topic.',
      unit: 'ops',
      targets: [
        [`sum by (topic) (${rate('outbox_events_published_total', inSystem())})`, '{{topic}}'],
      ],
    }),
  ],
};

const postgres = {
  title: 'PostgreSQL pool',
  panels: [
    timeseries({
      title: 'Connections in use / max',
      description: 'Share of each pool’s connections checked out; at 1 callers queue.',
      unit: 'percentunit',
      max: 1,
      targets: [
        [
          `sum by (service, pool) (pg_pool_connections${perService(['state', '=', 'in_use'])}) / sum by (service, pool) (pg_pool_max_connections${perService()})`,
          '{{service}} {{pool}}',
        ],
      ],
    }),
    timeseries({
      title: 'Connections by state',
      description: 'Connections in use and idle, by service and pool.',
      unit: 'none',
      targets: [
        [
          `sum by (service, pool, state) (pg_pool_connections${perService()})`,
          '{{service}} {{pool}} {{state}}',
        ],
      ],
    }),
    timeseries({
      title: 'Callers waiting for a connection',
      description: 'Queries queued because every connection of the pool is in use.',
      unit: 'none',
      targets: [
        [
          `sum by (service, pool) (pg_pool_waiting_requests${perService()})`,
          '{{service}} {{pool}}',
        ],
      ],
    }),
  ],
};

const redis = {
  title: 'Redis',
  panels: [
    timeseries({
      title: 'Command latency p99',
      description: 'Redis round trip by command, as each service’s client measures it.',
      unit: 's',
      width: 12,
      targets: [
        [
          quantile(0.99, 'redis_command_duration_seconds_bucket', perService(), [
            'service',
            'command',
          ]),
          '{{service}} {{command}}',
        ],
      ],
    }),
    timeseries({
      title: 'Commands per second',
      description: 'Redis commands sent, by service and command.',
      unit: 'ops',
      width: 12,
      targets: [
        [
          `sum by (service, command) (${rate('redis_command_duration_seconds_count', perService())})`,
          '{{service}} {{command}}',
        ],
      ],
    }),
  ],
};

const breakers = {
  title: 'Circuit breakers',
  panels: [
    timeseries({
      title: 'Breaker state',
      description: '0 closed, 1 half-open, 2 open: an open breaker answers 503 without calling.',
      unit: 'none',
      width: 12,
      max: 2,
      targets: [
        [
          `max by (service, breaker) (circuit_breaker_state${perService()})`,
          '{{service}} {{breaker}}',
        ],
      ],
    }),
    timeseries({
      title: 'Calls through breakers by outcome',
      description: 'success, failure, timeout, reject (failed fast while open).',
      unit: 'ops',
      width: 12,
      targets: [
        [
          `sum by (service, breaker, event) (${rate('circuit_breaker_events_total', perService())})`,
          '{{service}} {{breaker}} {{event}}',
        ],
      ],
    }),
  ],
};

const runtime = {
  title: 'Node.js runtime',
  panels: [
    timeseries({
      title: 'Event-loop lag p50 / p99',
      description: 'prom-client’s event-loop delay percentiles, by service.',
      unit: 's',
      width: 6,
      targets: [
        [`max by (service) (nodejs_eventloop_lag_p50_seconds${perService()})`, '{{service}} p50'],
        [`max by (service) (nodejs_eventloop_lag_p99_seconds${perService()})`, '{{service}} p99'],
      ],
    }),
    timeseries({
      title: 'Heap used',
      description: 'V8 heap in use, by service.',
      unit: 'bytes',
      width: 6,
      targets: [[`sum by (service) (nodejs_heap_size_used_bytes${perService()})`, '{{service}}']],
    }),
    timeseries({
      title: 'GC time per second',
      description: 'Seconds spent in garbage collection per second, by service and GC kind.',
      unit: 'percentunit',
      width: 6,
      targets: [
        [
          `sum by (service, kind) (${rate('nodejs_gc_duration_seconds_sum', perService())})`,
          '{{service}} {{kind}}',
        ],
      ],
    }),
    timeseries({
      title: 'Resident memory',
      description: 'Process resident set size, by service.',
      unit: 'bytes',
      width: 6,
      targets: [[`sum by (service) (process_resident_memory_bytes${perService()})`, '{{service}}']],
    }),
  ],
};

export const overview = dashboard({
  uid: 'headliner-overview',
  title: 'Headliner overview',
  description:
    'One system at a glance: golden signals per service, the funnels, the saga, Kafka, PostgreSQL, Redis, breakers, runtime.',
  tags: ['headliner'],
  variables: [
    queryVariable({
      name: 'system',
      label: 'System',
      query: 'label_values(up{job=~"gateway|queue|concert|reservation|wallet"}, system)',
    }),
    queryVariable({
      name: 'service',
      label: 'Service',
      query: 'label_values(up{system="$system"}, service)',
      multi: true,
      includeAll: true,
    }),
  ],
  rows: [
    goldenSignals,
    waitingRoom,
    bookingFunnel,
    saga,
    kafka,
    postgres,
    redis,
    breakers,
    runtime,
  ],
});
