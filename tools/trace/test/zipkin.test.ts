import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JaegerAnswer, JaegerTrace } from '../src/jaeger-api';
import { sendToZipkin, toZipkinSpans, type ZipkinSpan } from '../src/zipkin';
import answer from './fixtures/booking-trace.json';
import { paymentTrace } from './support/trace-builder';

describe('a Jaeger trace as Zipkin spans', () => {
  const booking = (answer as JaegerAnswer).data?.[0] as JaegerTrace;

  it("keeps every span's ids, parent, name, kind, times and service", () => {
    const spans = toZipkinSpans(booking);
    const root = spans.find(
      (s) => s.localEndpoint.serviceName === 'gateway' && s.kind === 'SERVER',
    );

    expect(spans).toHaveLength(booking.spans.length);
    expect(root).toMatchObject({
      traceId: booking.traceID,
      name: 'POST /api/v1/payments',
      timestamp: booking.spans.find((s) => s.spanID === root?.id)?.startTime,
    });
    // The caller's span is not in the trace: Zipkin, like the waterfall, shows a root.
    expect(root?.parentId).toBeUndefined();
    const ids = new Set(spans.map((s) => s.id));
    for (const span of spans.filter((s) => s !== root))
      expect(ids.has(span.parentId ?? '')).toBe(true);
    expect(
      spans.filter((s) => s.kind === 'CONSUMER').map((s) => s.localEndpoint.serviceName),
    ).toEqual(expect.arrayContaining(['wallet', 'reservation']));
  });

  it('pads ids to the lengths Zipkin takes, parents a FOLLOWS_FROM link and leaves out internal kinds', () => {
    const spans = toZipkinSpans(paymentTrace);
    const byId = (id: string) => spans.find((s) => s.id === id.padStart(16, '0')) as ZipkinSpan;

    expect(byId('s1').traceId).toBe('00000000000000a1');
    expect(byId('s7').parentId).toBe('s6'.padStart(16, '0'));
    expect(byId('s12').kind).toBeUndefined();
    expect(byId('s8').tags).toMatchObject({ error: 'true', 'otel.status_code': 'ERROR' });
    expect(byId('s8').tags['span.kind']).toBeUndefined();
  });
});

describe('sending a trace to Zipkin', () => {
  let server: Server;
  let zipkinUrl: string;
  let received: { path?: string; type?: string; body: unknown[] } = { body: [] };

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received = {
          path: request.url,
          type: request.headers['content-type'],
          body: JSON.parse(body),
        };
        response.statusCode = 202;
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    zipkinUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("posts the spans to Zipkin's collector and answers with the trace's page in its UI", async () => {
    const page = await sendToZipkin(zipkinUrl, paymentTrace);

    expect(received.path).toBe('/api/v2/spans');
    expect(received.type).toBe('application/json');
    expect(received.body).toHaveLength(paymentTrace.spans.length);
    expect(page).toBe(`${zipkinUrl}/zipkin/traces/00000000000000a1`);
  });
});
