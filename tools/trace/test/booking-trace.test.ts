import type { JaegerAnswer, JaegerTrace } from '../src/jaeger-api';
import { waterfallSvg } from '../src/svg-waterfall';
import { waterfallText } from '../src/text-waterfall';
import { toWaterfall } from '../src/waterfall';
import answer from './fixtures/booking-trace.json';

// A payment traced by a real system and answered by a real Jaeger
// (recorded by test/support/record-booking-trace.ts).
describe('a recorded booking trace', () => {
  const trace = (answer as JaegerAnswer).data?.[0] as JaegerTrace;
  const waterfall = toWaterfall(trace);

  it("hangs every span under the gateway's answer to the payment", () => {
    expect(waterfall.rows[0]).toMatchObject({
      name: 'POST /api/v1/payments',
      service: 'gateway',
      depth: 0,
      startOffsetUs: 0,
    });
    expect(waterfall.rows.filter((row) => row.depth === 0)).toHaveLength(1);
    expect(waterfall.rows).toHaveLength(trace.spans.length);
    expect(waterfall.services.sort()).toEqual(['gateway', 'queue', 'reservation', 'wallet']);
  });

  it('shows the saga crossing Kafka: the wallet takes the request, the reservation the answer', () => {
    const hops = waterfall.rows.filter((row) => row.hop);
    expect(hops.map((row) => [row.service, row.hop?.arrow, row.hop?.destination])).toEqual([
      ['wallet', '←', expect.stringMatching(/\.headliner\.payment\.requested\.v1$/)],
      ['reservation', '←', expect.stringMatching(/\.headliner\.payment\.completed\.v1$/)],
    ]);
    const [requested, completed] = hops;
    expect(completed!.startOffsetUs).toBeGreaterThan(requested!.startOffsetUs);
  });

  it('draws a line and a bar per span, each inside the time line', () => {
    const text = waterfallText(waterfall, { barWidth: 30 });
    const rows = text.split('\n').filter((line) => /\|[ █▓]{30}\|/.test(line));
    expect(rows).toHaveLength(trace.spans.length);
    expect(rows[0]).toMatch(/^ +0 µs .* gateway +POST \/api\/v1\/payments +\|█/);

    const svg = waterfallSvg(waterfall);
    const bars = [...svg.matchAll(/<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="12"/g)];
    expect(bars).toHaveLength(trace.spans.length);
    for (const [, x, width] of bars) expect(Number(x) + Number(width)).toBeLessThanOrEqual(1050.1);
    // No producer span here: each hop drops straight from its parent's row to the consumer.
    expect(svg.match(/<path d="M([\d.]+),\d+ V\d+ H\1"/g)).toHaveLength(2);
  });
});
