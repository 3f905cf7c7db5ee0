import { signedInUser } from './support/accounts';
import {
  startTestInfrastructure,
  type TestGateway,
  type TestInfrastructure,
} from './support/gateway-under-test';
import type { StubService } from './support/stub-service';

let infra: TestInfrastructure;
let gateway: TestGateway;
let concert: StubService;
let answers = 0;

beforeAll(async () => {
  infra = await startTestInfrastructure();
  concert = infra.stubs.concert;
  gateway = infra.startGateway();
});
afterAll(() => infra.stop());

beforeEach(() => {
  concert.received.length = 0;
  answers = 0;
});

/** The concert answering with a count, so a test sees which answer a fan got. */
function concertAnswers(cacheControl: string, delayMs = 0) {
  concert.answer = (_req, res) => {
    answers += 1;
    const body = { answer: answers };
    setTimeout(() => res.set('Cache-Control', cacheControl).json(body), delayMs);
  };
}

describe('when fans read a seat map the concert service lets shared caches keep', () => {
  it('asks the service once, and answers every later fan from the cache, signed in or not', async () => {
    concertAnswers('public, max-age=60');
    const path = '/api/v1/schedules/00000000-0000-4000-8000-000000000001/seats';
    const fan = await signedInUser(gateway);

    const first = await gateway.http().get(path).set('Authorization', fan.bearer);
    const later = await Promise.all(Array.from({ length: 10 }, () => gateway.http().get(path)));

    expect(concert.received).toHaveLength(1);
    expect(concert.statementOf(concert.received[0])).toMatchObject({ sub: 'gateway' });
    for (const response of [first, ...later]) {
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ answer: 1 });
      expect(response.headers['cache-control']).toBe('public, max-age=60');
    }
    expect(later.map((response) => response.headers.age)).toEqual(Array(10).fill('0'));
  });

  it('keys a seat map on its path alone (it knows no parameter), so a query string neither bypasses it nor reaches the service', async () => {
    concertAnswers('public, max-age=60');
    const path = '/api/v1/schedules/00000000-0000-4000-8000-000000000004/seats';

    const responses = [];
    for (const query of ['', '?r=1', '?r=2&x=y', '?'])
      responses.push(await gateway.http().get(path + query));

    expect(responses.map((response) => response.body)).toEqual(Array(4).fill({ answer: 1 }));
    expect(concert.received.map((request) => request.url)).toEqual([path]);
  });

  it('keys the concert list on its known parameters, normalised, and forwards nothing else', async () => {
    concertAnswers('public, max-age=60');
    const cursor = `1764547200000000_${'a'.repeat(32)}`;

    const responses = [];
    for (const query of [
      `?limit=5&cursor=${cursor}`,
      `?cursor=${cursor}&limit=5&r=1`,
      `?r=2&limit=05&cursor=${cursor}&x=y`,
    ])
      responses.push(await gateway.http().get(`/api/v1/concerts${query}`));
    for (const query of ['', '?limit=20', '?r=3'])
      responses.push(await gateway.http().get(`/api/v1/concerts${query}`));

    expect(responses.map((response) => response.body.answer)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(concert.received.map((request) => request.url)).toEqual([
      `/api/v1/concerts?cursor=${cursor}&limit=5`,
      '/api/v1/concerts?limit=20',
    ]);
  });

  it.each([
    ['?limit=0', 'query.limit'],
    ['?limit=101', 'query.limit'],
    ['?limit=5&limit=6', 'query.limit'],
    ['?cursor=not-a-cursor', 'query.cursor'],
  ])(
    'refuses the concert list with %s as 400 naming %s, without asking the service',
    async (query, field) => {
      concertAnswers('public, max-age=60');

      const refused = await gateway.http().get(`/api/v1/concerts${query}`);

      expect(refused.status).toBe(400);
      expect(refused.type).toBe('application/problem+json');
      expect(refused.body.errors).toEqual([expect.objectContaining({ field })]);
      expect(concert.received).toHaveLength(0);
    },
  );

  it('asks the service for every fan, even fans arriving together, when it says no-store', async () => {
    concertAnswers('no-store', 50);
    const path = '/api/v1/concerts/00000000-0000-4000-8000-000000000002/schedules';

    const together = await Promise.all(Array.from({ length: 5 }, () => gateway.http().get(path)));

    expect(together.map((response) => response.body.answer).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(concert.received).toHaveLength(5);
  });

  it('answers 502 when the answer is cut off, and keeps nothing of it', async () => {
    const path = '/api/v1/schedules/00000000-0000-4000-8000-000000000003/seats';
    concert.answer = (_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'content-length': '1000',
        'cache-control': 'public, max-age=60',
      });
      res.write('{"seats":[');
      setTimeout(() => res.destroy(), 20);
    };

    const cut = await gateway.http().get(path);
    concertAnswers('public, max-age=60');
    const next = await gateway.http().get(path);

    expect(cut.status).toBe(502);
    expect(cut.type).toBe('application/problem+json');
    expect(cut.body.upstream).toBe('concert');
    expect(next.body).toEqual({ answer: 1 });
  });
});

describe('when someone pages through the concert list with every cursor they can think of', () => {
  it('keeps the seat maps cached: each operation has a cache of its own', async () => {
    const small = infra.startGateway({ RESPONSE_CACHE_MAX_ENTRIES: '2' });
    concertAnswers('public, max-age=60');
    const seatMap = '/api/v1/schedules/00000000-0000-4000-8000-000000000005/seats';
    await small.http().get(seatMap);

    for (let page = 0; page < 5; page++)
      await small.http().get(`/api/v1/concerts?cursor=${page + 1}_${'b'.repeat(32)}`);
    const again = await small.http().get(seatMap);

    expect(again.body).toEqual({ answer: 1 });
    expect(concert.received.filter((request) => request.url === seatMap)).toHaveLength(1);
  });
});
