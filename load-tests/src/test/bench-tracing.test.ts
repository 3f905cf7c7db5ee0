import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import answer from '../../../tools/trace/test/fixtures/booking-trace.json';
import { benchTracing, bookingSearch, writeSlowestBooking } from '../bench-tracing';

describe('BENCH_TRACING', () => {
  it('is off unless set to on', () => {
    expect(benchTracing({ JAEGER_URL: 'http://j', JAEGER_OTLP_ENDPOINT: 'http://o' })).toBe(
      undefined,
    );
  });

  it("sends the systems' spans to the local Jaeger when on", () => {
    const env = {
      BENCH_TRACING: 'on',
      JAEGER_URL: 'http://j:16686',
      JAEGER_OTLP_ENDPOINT: 'http://j:4318',
    };
    expect(benchTracing(env)).toEqual({
      jaegerUrl: 'http://j:16686',
      systemEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://j:4318' },
    });
  });

  it('refuses to run on without a Jaeger to send to', () => {
    expect(() => benchTracing({ BENCH_TRACING: 'on' })).toThrow(/needs a running Jaeger/);
  });
});

describe("a scenario's slowest traced booking", () => {
  let server: Server;
  let jaegerUrl: string;
  let runDir: string;
  let searches: URLSearchParams[];
  let held: typeof answer.data;

  beforeEach(async () => {
    searches = [];
    held = answer.data;
    runDir = await mkdtemp(path.join(os.tmpdir(), 'bench-tracing-'));
    // Jaeger with one recorded payment of 383 ms: only a search below that finds it.
    server = createServer((request, response) => {
      const query = new URL(request.url ?? '/', 'http://jaeger').searchParams;
      searches.push(query);
      const found = ['5s', '2s', '1s', '500ms'].includes(query.get('minDuration') ?? '')
        ? []
        : held;
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: query.get('service') === 'gateway' ? found : [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jaegerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    await rm(runDir, { recursive: true, force: true });
  });

  it("is searched among the window's payments and drawn beside the scenario's summary", async () => {
    const window = {
      start: new Date('2026-12-07T00:00:00Z'),
      end: new Date('2026-12-07T00:02:00Z'),
    };
    const tracing = { jaegerUrl, systemEnv: {} };

    const traceId = await writeSlowestBooking(tracing, runDir, 'journey', window);

    expect(traceId).toBe(answer.data[0]?.traceID);
    const last = searches.at(-1);
    expect(last?.get('operation')).toBe(bookingSearch.operation);
    expect(last?.get('minDuration')).toBe('250ms');
    expect(last?.get('start')).toBe(String(window.start.getTime() * 1000));
    expect((await readdir(runDir)).sort()).toEqual([
      'journey.slowest-booking.svg',
      'journey.slowest-booking.txt',
    ]);
    const text = await readFile(path.join(runDir, 'journey.slowest-booking.txt'), 'utf8');
    expect(text).toContain(`trace ${traceId} · 393 ms · 7 spans`);
  });

  it('writes nothing when the scenario paid for nothing', async () => {
    held = [];
    const window = { start: new Date(0), end: new Date(1) };

    const traceId = await writeSlowestBooking(
      { jaegerUrl, systemEnv: {} },
      runDir,
      'stress',
      window,
    );

    expect(traceId).toBeUndefined();
    expect(searches.map((query) => query.get('minDuration'))).toContain(null);
    expect(await readdir(runDir)).toEqual([]);
  });
});
