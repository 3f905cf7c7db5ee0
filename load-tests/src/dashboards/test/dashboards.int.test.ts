import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { serviceNames, type System } from '@headliner/system';
import { scrapeBenchSystem } from '../../bench-metrics';
import { runK6 } from '../../k6';
import { BENCH_PORT_BASE, bootSeeded, PASSWORD } from '../../system-under-test';
import {
  panelQueries,
  readDashboards,
  substitute,
  variableQueries,
  type PanelQuery,
} from '../dashboard-queries';
import { labelValues, queryRange, type TimeRange } from '../prometheus-api';
import { abandonHold } from './support/abandoned-hold';
import { seedInChildProcess } from './support/seed-in-child';

// Grafana is not installable here, so this asks Prometheus what Grafana would: after a short
// load on a fresh system (a few bookings through the gateway by k6's journey, streamed to
// Prometheus by remote write, and one hold left to lapse), every panel's every query must
// answer with data. A panel on a metric that no service exports fails, named.
const { PROMETHEUS_URL } = process.env;
const withPrometheus = PROMETHEUS_URL ? describe : describe.skip;

jest.setTimeout(300_000);

// Ports of its own: beside the bench's (BENCH_PORT_BASE), the smoke's (+100, +110) and the
// fuzzer's (+200, +210).
const portBase = BENCH_PORT_BASE + 300;
const scrapeSeconds = 5; // deploy/observability/prometheus/prometheus.yml.template
const stepSeconds = 5;
// Long enough for the system's first scrapes, the lapsed hold, the last scrape after the load
// and k6's last push.
const settleMs = 60_000;
const holdTtlSeconds = 10;

/** Asks again every few seconds while something is missing, until settleMs have passed. */
async function settled(missing: () => Promise<unknown[]>): Promise<unknown[]> {
  const deadline = Date.now() + settleMs;
  let found = await missing();
  while (found.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    found = await missing();
  }
  return found;
}

withPrometheus('the Grafana dashboards after a short load', () => {
  const hex = randomBytes(4).toString('hex');
  const systemId = `dashboards-test-${hex}`;
  const testId = `dashboards-test-${hex}/journey`;
  const values = { system: systemId, service: serviceNames, testid: testId };
  const dashboards = readDashboards();
  let system: System | undefined;
  let stopScraping = () => {};
  let scratch = '';
  let k6ExitCode: number | undefined;
  let started: Date;

  const range = (): TimeRange => ({ start: started, end: new Date(), stepSeconds });
  const fill = (expr: string, { start, end }: TimeRange) =>
    substitute(expr, values, {
      stepSeconds,
      scrapeSeconds,
      rangeSeconds: (end.getTime() - start.getTime()) / 1000,
    });

  /** Every query that errs or answers no series, with why. */
  async function emptyPanels(queries: readonly PanelQuery[]): Promise<string[]> {
    const window = range();
    const answers = await Promise.all(
      queries.map(async (query) => ({
        query,
        answer: await queryRange(PROMETHEUS_URL as string, fill(query.expr, window), window),
      })),
    );
    return answers
      .filter(({ answer }) => answer.error !== undefined || answer.series === 0)
      .map(({ query, answer }) => `${query.name}: ${answer.error ?? 'no data'}`);
  }

  beforeAll(async () => {
    started = new Date();
    scratch = await mkdtemp(path.join(os.tmpdir(), 'headliner-dashboards-'));
    system = await bootSeeded(
      { HOLD_TTL_SECONDS: String(holdTtlSeconds) },
      { portBase },
      { users: 5, seatsPerSchedule: 20 },
      seedInChildProcess,
    );
    const booted = system;
    // The load starts once Prometheus has scraped every service: a histogram whose first scrape
    // already counts the run's few payments never rises, and its quantile panel stays empty.
    stopScraping = await scrapeBenchSystem(PROMETHEUS_URL as string, booted, systemId);
    await abandonHold(booted.gatewayUrl, 'user5', PASSWORD);
    k6ExitCode = await runK6({
      script: 'journey.js',
      // 4 fans in 2 pairs contending for 2 seats (2 bookings, 2 conflicts), arriving over 15 s:
      // a run shorter than a few of k6's 5 s pushes leaves one sample per series, and a rate
      // needs two.
      env: {
        BASE_URL: booted.gatewayUrl,
        USER_OFFSET: '0',
        PASSWORD,
        VUS: '4',
        RAMP: '15s',
        CONCERT_INDEX: '1',
        LATENCY_FACTOR: '10',
      },
      summaryFile: path.join(scratch, 'summary.json'),
      dashboardFile: path.join(scratch, 'dashboard.html'),
      logFile: path.join(scratch, 'k6.log'),
      testId,
      systemId,
      echo: false,
    });
  });

  afterAll(async () => {
    stopScraping();
    await system?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('drove the load: k6 ran the journey to the end with its thresholds met', () => {
    expect(k6ExitCode).toBe(0);
  });

  /** Each variable whose values lack this system, one of its services or this k6 run. */
  async function unofferedValues() {
    const offered = await Promise.all(
      variableQueries(dashboards).map(async (query) => {
        const window = range();
        const found = await labelValues(
          PROMETHEUS_URL as string,
          query.label,
          fill(query.match, window),
          window,
        );
        const expected = [values[query.variable as keyof typeof values] ?? []].flat();
        return { name: query.name, missing: expected.filter((value) => !found.includes(value)) };
      }),
    );
    return offered.filter(({ missing }) => missing.length > 0);
  }

  it('offers this system, its five services and this k6 run in every template variable', async () => {
    expect(await settled(unofferedValues)).toEqual([]);
  });

  it("answers every panel's every query with data, naming each panel that has none", async () => {
    const queries = panelQueries(dashboards);
    expect(queries.length).toBeGreaterThan(30);
    expect(await settled(() => emptyPanels(queries))).toEqual([]);
  });
});
