import { randomBytes } from 'node:crypto';
import { startSystem, type System } from '../src/fresh-system';
import { scrapeSystem } from '../src/prometheus-targets';
import { serviceNames } from '../src/services';

// The local observability stack of deploy/infra (infra.sh up writes these to .local/infra.env).
// npm test starts Prometheus and Alertmanager but not Jaeger, whose first build takes minutes
// (HEADLINER_OBSERVABILITY=metrics in deploy/bin/test.sh): the Jaeger part runs where
// `npm run infra -- up` or npm start has started it.
const { PROMETHEUS_URL, JAEGER_URL, JAEGER_OTLP_ENDPOINT } = process.env;
const withPrometheus = PROMETHEUS_URL ? describe : describe.skip;
const withJaeger = JAEGER_URL && JAEGER_OTLP_ENDPOINT ? describe : describe.skip;

jest.setTimeout(120_000);

// Ten ports of its own above the end-to-end tests' base, which run after this suite.
const portBase = Number(process.env.E2E_PORT_BASE ?? 18080) + 40;

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

describe('a system run beside the local observability stack', () => {
  let system: System;
  let stopScraping = () => {};
  const systemId = `observability-test-${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    const tracing = JAEGER_OTLP_ENDPOINT
      ? { OTEL_EXPORTER_OTLP_ENDPOINT: JAEGER_OTLP_ENDPOINT }
      : {};
    system = await startSystem(tracing, { portBase });
  });

  afterAll(async () => {
    stopScraping();
    await system?.stop();
  });

  withPrometheus('Prometheus', () => {
    it('scrapes every service of the system at its management port (up == 1)', async () => {
      stopScraping = scrapeSystem(systemId, system.managementUrl);
      const query = encodeURIComponent(`up{system="${systemId}"}`);
      type Up = { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
      const healthy = (up: Up) =>
        Object.fromEntries(up.data.result.map((r) => [r.metric.job, r.value[1]]));

      const up = await eventually(
        () => getJson<Up>(`${PROMETHEUS_URL}/api/v1/query?query=${query}`),
        (answer) => Object.values(healthy(answer)).filter((value) => value === '1').length === 5,
      );

      expect(healthy(up)).toEqual(Object.fromEntries(serviceNames.map((name) => [name, '1'])));
    });
  });

  withJaeger('Jaeger', () => {
    it("holds one request's trace through the gateway and the service it called", async () => {
      // Our own trace id, so the trace found is this request's, not one a running npm start sent.
      const traceId = randomBytes(16).toString('hex');
      const response = await fetch(`${system.gatewayUrl}/api/v1/concerts`, {
        headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      });
      expect(response.status).toBe(200);

      type Trace = { data: null | { processes: Record<string, { serviceName: string }> }[] };
      const servicesOf = (trace: Trace | undefined) =>
        new Set(Object.values(trace?.data?.[0]?.processes ?? {}).map((p) => p.serviceName));
      const trace = await eventually(
        () => fetch(`${JAEGER_URL}/api/traces/${traceId}`).then((r) => r.json() as Promise<Trace>),
        (answer) => servicesOf(answer).has('gateway') && servicesOf(answer).has('concert'),
      );

      expect([...servicesOf(trace)].sort()).toEqual(['concert', 'gateway']);
      const services = await getJson<{ data: string[] }>(`${JAEGER_URL}/api/services`);
      expect(services.data).toEqual(expect.arrayContaining(['gateway', 'concert']));
    });
  });
});
