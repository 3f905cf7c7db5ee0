import { waterfallMarkdown, waterfallText } from '../src/text-waterfall';
import { toWaterfall } from '../src/waterfall';
import { paymentTrace } from './support/trace-builder';

describe('waterfallText', () => {
  const lines = waterfallText(toWaterfall(paymentTrace), { barWidth: 20 }).split('\n');
  const lineOf = (name: string) => lines.find((line) => line.includes(name)) ?? '';

  it('heads the view with the trace, its length, spans, services and failures', () => {
    expect(lines[0]).toBe(
      'trace a1 · 100 ms · 12 spans · 3 services (gateway, reservation, wallet) · 1 failed',
    );
  });

  it('gives each span its offset, duration, service and a bar in its place on the time line', () => {
    const consumer = lineOf('reservation.payment-requested process');
    expect(consumer).toMatch(/^ +50\.0 ms +20\.0 ms {3}wallet /);
    // 50 to 70 ms of 100 ms, on 20 characters: characters 10 to 13.
    expect(consumer).toMatch(/\| {10}█{4} {6}\| kafka ← reservation\.payment-requested$/);
  });

  it('draws the tree with guides, a FOLLOWS_FROM link dotted', () => {
    expect(lineOf('pg.query:SELECT')).toContain('    ├─ pg.query:SELECT');
    expect(lineOf('pg-pool.connect')).toContain('    │ └─ pg-pool.connect');
    expect(lineOf('reservation.payment-requested process')).toContain(
      '      └┄ reservation.payment-requested process',
    );
  });

  it('marks a failed span with ✗ and a shaded bar, and names each Kafka hop', () => {
    expect(lineOf('pg.query:UPDATE')).toMatch(/ ✗ wallet .*▓/);
    expect(lineOf('pg.query:INSERT')).not.toContain('✗');
    expect(lineOf('wallet.debited publish')).toMatch(/\| kafka → wallet\.debited$/);
    expect(lineOf('wallet.debited process')).toMatch(/\| kafka ← wallet\.debited$/);
  });

  it('fences the same text for Markdown', () => {
    const markdown = waterfallMarkdown(toWaterfall(paymentTrace), { barWidth: 20 });
    expect(markdown).toBe(`\`\`\`text\n${lines.join('\n')}\`\`\`\n`);
  });
});
