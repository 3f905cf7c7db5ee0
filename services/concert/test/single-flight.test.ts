import { singleFlight } from '../src/infra/single-flight';

describe('when several callers miss the same key at once', () => {
  it('loads once and gives all of them the result, then loads afresh', async () => {
    const loadOnce = singleFlight();
    let loads = 0;
    const load = async () => {
      loads += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return loads;
    };
    const answers = await Promise.all([1, 2, 3].map(() => loadOnce('seat-map:1', load)));
    expect(answers).toEqual([1, 1, 1]);
    expect(await loadOnce('seat-map:2', load)).toBe(2);
    expect(await loadOnce('seat-map:1', load)).toBe(3);
  });

  it('shares a failure too, and lets the next caller try again', async () => {
    const loadOnce = singleFlight();
    const failing = () => Promise.reject(new Error('database away'));
    await expect(Promise.all([loadOnce('k', failing), loadOnce('k', failing)])).rejects.toThrow(
      'database away',
    );
    expect(await loadOnce('k', async () => 'back')).toBe('back');
  });
});
