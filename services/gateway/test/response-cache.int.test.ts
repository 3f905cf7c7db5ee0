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
  it('asks the service once for everyone arriving at the same moment, and answers later fans from the cache', async () => {
    concertAnswers('public, max-age=60', 50);
    const path = '/api/v1/schedules/00000000-0000-4000-8000-000000000001/seats';
    const fan = await signedInUser(gateway);

    const together = await Promise.all(Array.from({ length: 10 }, () => gateway.http().get(path)));
    const later = await gateway.http().get(path).set('Authorization', fan.bearer);

    expect(concert.received).toHaveLength(1);
    expect(concert.received[0]?.headers['x-user-id']).toBeUndefined();
    for (const response of [...together, later]) {
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ answer: 1 });
      expect(response.headers['cache-control']).toBe('public, max-age=60');
    }
    expect(Number(later.headers.age)).toBeGreaterThanOrEqual(0);
  });

  it('asks every time when the service says no-store (its cache switched off)', async () => {
    concertAnswers('no-store');
    const path = '/api/v1/concerts/00000000-0000-4000-8000-000000000002/schedules';

    const first = await gateway.http().get(path);
    const second = await gateway.http().get(path);

    expect([first.body, second.body]).toEqual([{ answer: 1 }, { answer: 2 }]);
    expect(concert.received).toHaveLength(2);
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
