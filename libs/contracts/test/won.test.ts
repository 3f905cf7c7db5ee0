import { Won, WON_CEILING, wonOf } from '../src';

describe('when an amount of won travels as a JSON number', () => {
  it('accepts every whole amount up to the ceiling, past 32 bits too', () => {
    for (const won of [0, 2_147_483_648, WON_CEILING]) expect(Won.parse(won)).toBe(won);
  });

  it('refuses an amount past the ceiling, so none can reach 2^53', () => {
    expect(WON_CEILING).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(Won.safeParse(WON_CEILING + 1).success).toBe(false);
    expect(Won.safeParse(Number.MAX_SAFE_INTEGER + 1).success).toBe(false);
  });
});

describe('when a BIGINT column of won is read', () => {
  it('gives the exact number, from pg text or a bigint', () => {
    expect(wonOf('2147483648')).toBe(2_147_483_648);
    expect(wonOf(999_999_999_999_999n)).toBe(999_999_999_999_999);
  });

  it('throws rather than round a value past the ceiling', () => {
    expect(() => wonOf('9007199254740993')).toThrow(RangeError);
    expect(() => wonOf('-1')).toThrow(RangeError);
  });
});
