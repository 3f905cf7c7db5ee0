import { signInPacing } from '../src/domain/sign-in-pacing';

function clock() {
  let ms = 1_000_000;
  return { now: () => ms, pass: (seconds: number) => (ms += seconds * 1000) };
}

describe('when sign-ins are refused for want of a hash slot', () => {
  it('tells a lone refusal to come back in 1 s', () => {
    const { now } = clock();
    const pacing = signInPacing(30, now);
    pacing.finished();

    expect(pacing.refuse()).toBe(1);
  });

  it('tells a longer wait the more were refused and the fewer get in a second', () => {
    const waitAfter = (refusals: number, finishedPerSecond: number) => {
      const { now, pass } = clock();
      const pacing = signInPacing(1000, now);
      for (let second = 0; second < 5; second += 1) {
        for (let i = 0; i < finishedPerSecond; i += 1) pacing.finished();
        pass(1);
      }
      for (let i = 0; i < refusals; i += 1) pacing.refuse();
      return pacing.refuse();
    };

    // 200 fans ahead, 4 getting in a second: 50 s.
    expect(waitAfter(200, 4)).toBe(50);
    expect(waitAfter(400, 4)).toBe(100);
    expect(waitAfter(200, 2)).toBe(100);
  });

  it('spreads the waits beyond its longest from 1 s to it', () => {
    const { now } = clock();
    const pacing = signInPacing(10, now);
    pacing.finished();
    const waits = Array.from({ length: 500 }, () => pacing.refuse()).slice(100);

    expect(Math.max(...waits)).toBe(10);
    expect(Math.min(...waits)).toBe(1);
    expect(new Set(waits).size).toBe(10);
  });

  it('counts a refused fan as waiting only until the time it was told', () => {
    const { now, pass } = clock();
    const pacing = signInPacing(30, now);
    for (let i = 0; i < 10; i += 1) pacing.finished();
    const waits = Array.from({ length: 20 }, () => pacing.refuse());
    pass(Math.max(...waits));
    for (let i = 0; i < 10; i += 1) pacing.finished();

    expect(pacing.refuse()).toBe(1);
  });
});
