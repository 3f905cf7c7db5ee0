import { requestDurationWithoutQueueWait, requestsWithoutQueueWait } from './queue-wait';
import type { OurFigure } from './our-figure';
import type { Unit } from './units';

// The figures published by teams who built this same system (the load-test issue's table), each
// with the write-up it was read from. Values are as printed in their k6 output, in milliseconds.

/** Beside the repository, as the project's checkouts and CI lay it out. */
export const referenceFolder = '../shared/reference';

export const referenceSources = {
  '000': '000_867d5033866a8a6f.txt — 1,000-VU journey with per-step latency; charge and balance',
  '001': '001_564c6cc990ca2f7c.txt — 100-user full flow, thresholds avg<200 / p95<300 / max<500',
  '002': '002_78e4674c84762421.txt — slow seat query cached (5,000 → 319 ms); errors from 800 VUs',
  '003': '003_17258836a9e18c26.txt — token spike at 300 VUs; peak booking by the active users',
  '004': '004_76aa7db6f2147683.txt — product read, 100 VUs × 1,000 iterations, before/after cache',
} as const;

export type ReferenceSource = keyof typeof referenceSources;

export interface ReferenceFigure {
  /** The reference scenario, as the table names it. */
  scenario: string;
  what: string;
  reference: number;
  unit: Unit;
  better: 'lower' | 'higher';
  /** A target is a line they aimed for (met or missed), not a figure they measured (beaten or not). */
  isTarget?: boolean;
  source: ReferenceSource;
  note?: string;
  ours: OurFigure;
}

const journey = (metrics: readonly string[], stat: string, unit: Unit): OurFigure => ({
  scenario: 'journey',
  metrics,
  stat,
  unit,
});

const journeyStep = (what: string, trends: string[], reference: number): ReferenceFigure => ({
  scenario: 'journey, 1,000 VUs, 5 calls each',
  what: `${what} p95`,
  reference,
  unit: 'ms',
  better: 'lower',
  source: '000',
  ours: journey(trends, 'p(95)', 'ms'),
});

const ours100Note = 'Compared with our journey, which runs 1,000 VUs rather than 100.';

export const referenceFigures: ReferenceFigure[] = [
  {
    scenario: 'journey, 1,000 VUs, 5 calls each',
    what: 'throughput',
    reference: 380.024623,
    unit: 'req/s',
    better: 'higher',
    source: '000',
    ours: journey(requestsWithoutQueueWait, 'rate', 'req/s'),
  },
  ...(
    [
      ['avg', 'avg', 2090],
      ['p95', 'p(95)', 4510],
      ['max', 'max', 6440],
    ] as const
  ).map(([what, stat, reference]): ReferenceFigure => ({
    scenario: 'journey, 1,000 VUs, 5 calls each',
    what: `request ${what}`,
    reference,
    unit: 'ms',
    better: 'lower',
    source: '000',
    ours: journey(requestDurationWithoutQueueWait, stat, 'ms'),
  })),
  journeyStep('concert lookup', ['concert_response_time'], 5983.5695),
  journeyStep('seat lookup', ['seat_response_time'], 4312.921055),
  journeyStep('sign-in', ['login_response_time', 'signin_response_time'], 3765.825),
  journeyStep('queue token', ['token_response_time'], 2646.556165),
  journeyStep('seat hold', ['book_response_time', 'hold_response_time'], 2009.816495),
  {
    scenario: 'journey, 100 users, 6 calls',
    what: 'throughput',
    reference: 26.25,
    unit: 'req/s',
    better: 'higher',
    source: '001',
    note: `${ours100Note} Their 26 TPS counts only the five transactional calls.`,
    ours: journey(requestsWithoutQueueWait, 'rate', 'req/s'),
  },
  ...(
    [
      ['avg', 'avg', 173.97],
      ['p95', 'p(95)', 538],
      ['max', 'max', 711.05],
    ] as const
  ).map(([what, stat, reference]): ReferenceFigure => ({
    scenario: 'journey, 100 users, 6 calls',
    what: `request ${what}`,
    reference,
    unit: 'ms',
    better: 'lower',
    source: '001',
    note: ours100Note,
    ours: journey(requestDurationWithoutQueueWait, stat, 'ms'),
  })),
  ...(
    [
      ['charge', 7.608794],
      ['balance', 2.527945],
    ] as const
  ).map(([step, reference]): ReferenceFigure => ({
    scenario: 'charge / balance, 100 VUs',
    what: `${step} avg`,
    reference,
    unit: 'ms',
    better: 'lower',
    source: '000',
    ours: {
      scenario: 'charge-balance',
      metrics: [`${step}_response_time`],
      stat: 'avg',
      unit: 'ms',
    },
  })),
  ...(
    [
      ['off', 'before', 5000],
      ['on', 'after', 319],
    ] as const
  ).map(([cache, when, reference]): ReferenceFigure => ({
    scenario: 'seat lookup before / after cache',
    what: `seat lookup ${when} cache`,
    reference,
    unit: 'ms',
    better: 'lower',
    source: '002',
    note: 'The source does not say which statistic; compared with our p95, the stricter reading.',
    ours: {
      scenario: `catalogue-read-cache-${cache}`,
      metrics: ['seat_response_time', 'http_req_duration'],
      stat: 'p(95)',
      unit: 'ms',
    },
  })),
  {
    scenario: 'seat lookup before / after cache',
    what: 'VUs where errors begin',
    reference: 800,
    unit: 'VUs',
    better: 'higher',
    source: '002',
    note: 'Ours is the stress knee: the VU count where p95 passes 1 s or failures pass 1 %.',
    ours: { scenario: 'stress', metrics: ['knee_vus'], stat: 'value', unit: 'VUs' },
  },
  ...(
    [
      ['off', 'uncached', 13209.380034],
      ['on', 'cached', 17506.383703],
    ] as const
  ).map(([cache, what, reference]): ReferenceFigure => ({
    scenario: 'product read, 100 VUs × 1,000',
    what: `throughput ${what}`,
    reference,
    unit: 'req/s',
    better: 'higher',
    source: '004',
    note: 'Their product read hit one service directly; ours reads a seat map through the gateway.',
    ours: {
      scenario: `catalogue-read-cache-${cache}`,
      metrics: ['http_reqs'],
      stat: 'rate',
      unit: 'req/s',
    },
  })),
  {
    scenario: 'token spike, 300 VUs',
    what: 'token p95',
    reference: 300,
    unit: 'ms',
    better: 'lower',
    isTarget: true,
    source: '003',
    ours: {
      scenario: 'token-spike',
      metrics: ['token_response_time', 'http_req_duration'],
      stat: 'p(95)',
      unit: 'ms',
    },
  },
  {
    scenario: 'token spike, 300 VUs',
    what: 'failed requests',
    reference: 0.01,
    unit: 'fraction',
    better: 'lower',
    isTarget: true,
    source: '003',
    ours: { scenario: 'token-spike', metrics: ['http_req_failed'], stat: 'rate', unit: 'fraction' },
  },
  {
    scenario: 'peak booking, the active users at once',
    what: 'booking success',
    reference: 0.99,
    unit: 'fraction',
    better: 'higher',
    isTarget: true,
    source: '003',
    ours: {
      scenario: 'peak-booking',
      metrics: ['booking_success', 'checks'],
      stat: 'rate',
      unit: 'fraction',
    },
  },
];
