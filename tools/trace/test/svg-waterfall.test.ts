import { waterfallSvg } from '../src/svg-waterfall';
import { toWaterfall } from '../src/waterfall';
import { paymentTrace } from './support/trace-builder';

describe('waterfallSvg', () => {
  const svg = waterfallSvg(toWaterfall(paymentTrace));
  const bars = [
    ...svg.matchAll(
      /<rect x="([\d.]+)" y="\d+" width="([\d.]+)" height="12" rx="2" fill="(#[0-9a-f]{6})"\/>/g,
    ),
  ];

  it('is one SVG document with a bar per span', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1200"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(bars).toHaveLength(paymentTrace.spans.length);
  });

  it('places each bar on the time line by offset and duration', () => {
    // The timeline runs from x=556 to x=1050 for 100 ms: the wallet's consumer, 50 to 70 ms.
    const [, x, width] = bars[7] ?? [];
    expect(Number(x)).toBeCloseTo(556 + 494 * 0.5, 0);
    expect(Number(width)).toBeCloseTo(494 * 0.2, 0);
  });

  it('colours bars by service and a failed span red with ✗', () => {
    const colours = bars.map(([, , , fill]) => fill);
    expect(colours[0]).toBe(colours[1]); // both gateway
    expect(colours[2]).not.toBe(colours[0]); // reservation
    expect(colours[8]).toBe('#d62728');
    expect(svg).toContain('>✗ pg.query:UPDATE<');
  });

  it('names the Kafka hops and draws their wait dashed from producer to consumer', () => {
    expect(svg).toContain('>3.00 ms  kafka →<');
    expect(svg).toContain('>20.0 ms  kafka ←<');
    expect(
      svg.match(/<path d="M[^"]+" fill="none" stroke="#555" stroke-dasharray="3,3"\/>/g),
    ).toHaveLength(2);
  });

  it('escapes span names', () => {
    const odd = toWaterfall({
      ...paymentTrace,
      spans: paymentTrace.spans.map((s) => ({ ...s, operationName: 'GET /a?<b>&"c"' })),
    });
    expect(waterfallSvg(odd)).toContain('GET /a?&lt;b&gt;&amp;&quot;c&quot;');
  });
});
