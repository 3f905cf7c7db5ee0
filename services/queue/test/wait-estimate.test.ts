import { estimateWaitSeconds } from '../src/domain/wait-estimate';

const rules = {
  activeLimit: 50,
  admissionRatePerMinute: null,
  activeTtlSeconds: 300,
  waitIdleSeconds: 60,
};

describe('when estimating a wait', () => {
  it('is zero once the token is active', () => {
    expect(estimateWaitSeconds(0, 30, rules)).toBe(0);
  });

  it('assumes every active user keeps the slot until it lapses when nobody was admitted lately', () => {
    expect(estimateWaitSeconds(1, 0, rules)).toBe(300);
    expect(estimateWaitSeconds(50, 0, rules)).toBe(300);
    expect(estimateWaitSeconds(51, 0, rules)).toBe(600);
  });

  it('divides the place in line by the recent admission rate', () => {
    // 120 admissions in the last minute: two a second.
    expect(estimateWaitSeconds(10, 120, rules)).toBe(5);
    expect(estimateWaitSeconds(11, 120, rules)).toBe(6);
  });

  it('never promises a longer wait than the worst case', () => {
    expect(estimateWaitSeconds(40, 1, rules)).toBe(300);
  });
});
