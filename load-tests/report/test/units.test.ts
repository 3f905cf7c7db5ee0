import { formatMs, formatValue } from '../units';

describe('when a figure is written', () => {
  it('writes milliseconds as k6 does, and seconds from 1,000 ms', () => {
    expect([0.42, 7.608, 80.74, 538, 2090].map(formatMs)).toEqual([
      '0.42 ms',
      '7.6 ms',
      '80.7 ms',
      '538 ms',
      '2.09 s',
    ]);
  });

  it('writes throughput with thousands separators', () => {
    expect(formatValue(17506.38, 'req/s')).toBe('17,506 req/s');
    expect(formatValue(26.25, 'req/s')).toBe('26.3 req/s');
  });

  it('writes a k6 rate as a percentage', () => {
    expect(formatValue(0.0017, 'fraction')).toBe('0.17 %');
    expect(formatValue(0.998, 'fraction')).toBe('99.8 %');
    expect(formatValue(0, 'fraction')).toBe('0 %');
  });
});
