import { toWaterfall } from '../src/waterfall';
import { paymentTrace, traceOf } from './support/trace-builder';

describe('toWaterfall', () => {
  const waterfall = toWaterfall(paymentTrace);
  const row = (id: string) => waterfall.rows.find((r) => r.spanId === id);

  it('puts every span once under its parent, depth first, siblings in start order', () => {
    expect(waterfall.rows.map((r) => [r.spanId, r.depth])).toEqual([
      ['s1', 0],
      ['s2', 1],
      ['s3', 2],
      ['s4', 3],
      ['s12', 4],
      ['s5', 3],
      ['s6', 3],
      ['s7', 4],
      ['s8', 5],
      ['s9', 5],
      ['s10', 5],
      ['s11', 6],
    ]);
  });

  it('measures offsets from the first span and the whole trace to its last end', () => {
    expect(row('s7')).toMatchObject({ startOffsetUs: 50_000, durationUs: 20_000 });
    expect(waterfall.durationUs).toBe(100_000);
    expect(waterfall.services).toEqual(['gateway', 'reservation', 'wallet']);
  });

  it('marks failures, Kafka hops and FOLLOWS_FROM links', () => {
    expect(row('s8')?.error).toBe(true);
    expect(waterfall.rows.filter((r) => r.error)).toHaveLength(1);
    expect(row('s6')?.hop).toEqual({
      system: 'kafka',
      arrow: '→',
      destination: 'reservation.payment-requested',
    });
    expect(row('s7')).toMatchObject({
      hop: { system: 'kafka', arrow: '←', destination: 'reservation.payment-requested' },
      followsFrom: true,
      parentSpanId: 's6',
    });
    expect(row('s4')?.hop).toBeUndefined();
  });

  it('keeps which ancestor levels have siblings still to come, for the tree guides', () => {
    expect(row('s4')).toMatchObject({ last: false, openLevels: [false, false] });
    expect(row('s12')).toMatchObject({ last: true, openLevels: [false, false, true] });
    expect(row('s6')).toMatchObject({ last: true, openLevels: [false, false] });
  });

  it('draws a span whose parent is missing as a root, and a reference cycle once per span', () => {
    const orphaned = traceOf('b2', [
      {
        id: 'x',
        name: 'lost child',
        service: 'queue',
        parent: 'not-here',
        startMs: 5,
        durationMs: 1,
      },
      { id: 'y', name: 'root', service: 'gateway', startMs: 0, durationMs: 10 },
    ]);
    expect(toWaterfall(orphaned).rows.map((r) => [r.name, r.depth])).toEqual([
      ['root', 0],
      ['lost child', 0],
    ]);

    const cycle = traceOf('c3', [
      { id: 'a', name: 'a', service: 'gateway', parent: 'b', startMs: 0, durationMs: 1 },
      { id: 'b', name: 'b', service: 'gateway', parent: 'a', startMs: 1, durationMs: 1 },
    ]);
    expect(toWaterfall(cycle).rows.map((r) => [r.name, r.depth])).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
  });
});
