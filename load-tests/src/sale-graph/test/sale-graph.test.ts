import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { saleGraphSvg } from '../sale-graph';

// A stand-in for Prometheus' query_range that answers per metric, as Prometheus would.
describe('the sale graph', () => {
  let server: Server;
  let prometheusUrl: string;
  const queries: string[] = [];
  const start = new Date('2026-12-07T00:00:00Z');
  const at = (seconds: number) => start.getTime() / 1000 + seconds;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const params = new URL(request.url ?? '/', 'http://prometheus').searchParams;
      const query = params.get('query') ?? '';
      queries.push(query);
      const matrix = (metric: Record<string, string>, values: [number, string][]) => ({
        metric,
        values,
      });
      let result: unknown[] = [];
      if (query.includes('reservation_holds_total')) {
        result = [
          matrix({ outcome: 'held' }, [
            [at(0), '4'],
            [at(5), '9'],
          ]),
          matrix({ outcome: 'seat-not-available' }, [[at(5), '1.5']]),
        ];
      } else if (query.includes('histogram_quantile')) {
        result = [
          matrix({}, [
            [at(0), 'NaN'],
            [at(5), '12.5'],
          ]),
        ];
      }
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ status: 'success', data: { resultType: 'matrix', result } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    prometheusUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("asks only for the system's series and draws each answer under its outcome", async () => {
    const svg = await saleGraphSvg({
      prometheusUrl,
      system: 'bench-run-1-journey',
      window: { start, end: new Date(start.getTime() + 60_000), stepSeconds: 5 },
      title: 'journey',
    });

    expect(queries.length).toBeGreaterThanOrEqual(5);
    for (const query of queries) expect(query).toContain('system="bench-run-1-journey"');
    expect(svg).toContain('>Seat holds per second, by outcome<');
    expect(svg).toContain('>held<');
    expect(svg).toContain('>seat-not-available<');
    // The quantile of a window without requests (NaN) is left out, not drawn at zero.
    expect(svg).toContain('>p95<');
    expect(svg).toContain('>no data<'); // the panels this Prometheus knows nothing of
  });

  it('says what Prometheus refused', async () => {
    const refusing = createServer((_request, response) => {
      response.statusCode = 400;
      response.end(JSON.stringify({ status: 'error', error: 'parse error' }));
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
    const window = { start, end: new Date(start.getTime() + 60_000), stepSeconds: 5 };
    await expect(
      saleGraphSvg({ prometheusUrl: url, system: 's', window, title: 't' }),
    ).rejects.toThrow(/parse error/);
    await new Promise((resolve) => refusing.close(resolve));
  });
});
