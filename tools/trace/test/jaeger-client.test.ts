import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchTrace, searchTraces, traceSearchUrl } from '../src/jaeger-client';
import { findSlowestTrace } from '../src/slowest-trace';
import { paymentTrace, traceOf } from './support/trace-builder';

// A stand-in for Jaeger's query API that answers as Jaeger does and records what it was asked.
describe('the Jaeger client', () => {
  let server: Server;
  let jaegerUrl: string;
  const asked: string[] = [];
  const quick = traceOf('b1', [
    {
      id: 'q1',
      name: 'POST /api/v1/reservations/:id/payment',
      service: 'gateway',
      startMs: 0,
      durationMs: 5,
    },
  ]);

  beforeAll(async () => {
    server = createServer((request, response) => {
      asked.push(request.url ?? '');
      const url = new URL(request.url ?? '/', 'http://jaeger');
      response.setHeader('content-type', 'application/json');
      if (url.pathname === '/api/traces/a1') {
        response.end(JSON.stringify({ data: [paymentTrace], errors: null }));
      } else if (url.pathname.startsWith('/api/traces/')) {
        response.statusCode = 404;
        response.end(
          JSON.stringify({ data: null, errors: [{ code: 404, msg: 'trace not found' }] }),
        );
      } else if (url.pathname === '/api/traces') {
        // Like Jaeger: only traces with a span of at least minDuration match.
        const minMs = Number(
          /^(\d+)ms$/.exec(url.searchParams.get('minDuration') ?? '0ms')?.[1] ?? 1e9,
        );
        const data = [quick, paymentTrace].filter((t) =>
          t.spans.some((s) => s.duration >= minMs * 1000),
        );
        response.end(JSON.stringify({ data, errors: null }));
      } else {
        response.statusCode = 404;
        response.end('404 page not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jaegerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('fetches one trace by id', async () => {
    await expect(fetchTrace(jaegerUrl, 'A1')).resolves.toEqual(paymentTrace);
    expect(asked.at(-1)).toBe('/api/traces/a1');
  });

  it("says so when Jaeger has no such trace, with Jaeger's reason", async () => {
    await expect(fetchTrace(jaegerUrl, 'ff')).rejects.toThrow(/trace not found/);
  });

  it('refuses a trace id that is not hexadecimal before asking', async () => {
    const before = asked.length;
    await expect(fetchTrace(jaegerUrl, '../api/services')).rejects.toThrow(/hexadecimal/);
    expect(asked).toHaveLength(before);
  });

  it('searches by service, operation, minimum duration, time window and limit', async () => {
    const start = new Date('2026-12-07T00:00:00Z');
    const end = new Date('2026-12-07T00:01:00Z');
    await searchTraces(jaegerUrl, {
      service: 'gateway',
      operation: 'POST /api/v1/reservations/:id/payment',
      minDuration: '250ms',
      start,
      end,
      limit: 5,
    });
    const query = new URL(asked.at(-1) ?? '', jaegerUrl).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      service: 'gateway',
      operation: 'POST /api/v1/reservations/:id/payment',
      minDuration: '250ms',
      start: String(start.getTime() * 1000),
      end: String(end.getTime() * 1000),
      limit: '5',
    });
  });

  it('takes only a duration Jaeger understands as the minimum', () => {
    expect(() => traceSearchUrl(jaegerUrl, { service: 'gateway', minDuration: '250' })).toThrow(
      /250ms or 1.5s/,
    );
  });

  it("picks the search's slowest trace by the searched service's longest span", async () => {
    const slowest = await findSlowestTrace(jaegerUrl, { service: 'gateway', minDuration: '1ms' });
    expect(slowest?.traceID).toBe('a1');
  });

  it('lowers the threshold from 5 s until a search finds traces', async () => {
    const before = asked.length;
    const slowest = await findSlowestTrace(jaegerUrl, { service: 'gateway' });
    expect(slowest?.traceID).toBe('a1');
    const thresholdsAsked = asked
      .slice(before)
      .map((url) => new URL(url, jaegerUrl).searchParams.get('minDuration'));
    // 5s, 2s, 1s, 500ms and 250ms match nothing; 100ms neither (40 ms); 50ms neither; 20ms does.
    expect(thresholdsAsked).toEqual(['5s', '2s', '1s', '500ms', '250ms', '100ms', '50ms', '20ms']);
  });
});
