import { createResponseCache, sharedMaxAgeSeconds } from '../src/infra/response-cache';

const answer = (cacheControl: string, statusCode = 200) => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': cacheControl },
  body: Buffer.from('{"seats":[]}'),
});

describe('how long a shared cache may keep an answer', () => {
  it.each([
    ['public, max-age=1', 1],
    ['public, max-age=30, s-maxage=5', 5],
    ['Public, Max-Age=2', 2],
    ['max-age=60', 0],
    ['public, max-age=60, private', 0],
    ['public, no-store', 0],
    ['public, no-cache, max-age=60', 0],
    ['public, max-age=0', 0],
    ['public, max-age=soon', 0],
    ['', 0],
  ])('%j → %d s', (cacheControl, seconds) => {
    expect(sharedMaxAgeSeconds(cacheControl)).toBe(seconds);
  });
});

describe('the gateway response cache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = 1_000_000;
  });

  it('serves an answer until its max-age has passed, saying how old it is', () => {
    const cache = createResponseCache(10, now);
    cache.offer('/seats', answer('public, max-age=2'));

    clock += 1_500;
    expect(cache.fresh('/seats')).toEqual({ answer: answer('public, max-age=2'), ageSeconds: 1 });
    clock += 500;
    expect(cache.fresh('/seats')).toBeUndefined();
  });

  it('keeps only 200 answers a shared cache may keep, and never one that varies', () => {
    const cache = createResponseCache(10, now);
    cache.offer('/a', answer('public, max-age=5', 404));
    cache.offer('/b', answer('no-store'));
    cache.offer('/c', { ...answer('public, max-age=5'), headers: { vary: 'accept-language' } });

    expect(['/a', '/b', '/c'].map((key) => cache.fresh(key))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('drops the oldest answer when full', () => {
    const cache = createResponseCache(2, now);
    for (const key of ['/1', '/2', '/3']) cache.offer(key, answer('public, max-age=60'));

    expect(cache.fresh('/1')).toBeUndefined();
    expect(cache.fresh('/2')).toBeDefined();
    expect(cache.fresh('/3')).toBeDefined();
  });
});
