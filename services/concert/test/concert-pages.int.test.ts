import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  adminHeaders,
  gatewayRead,
  startTestCatalogue,
  type TestCatalogue,
} from './support/test-catalogue';

let catalogue: TestCatalogue;

beforeAll(async () => {
  catalogue = await startTestCatalogue();
});

afterAll(() => catalogue.stop());

beforeEach(() => catalogue.prisma.concert.deleteMany());

type Page = { items: { concertId: string; title: string }[]; nextCursor: string | null };

async function page(query: string): Promise<Page> {
  const answer = await request(catalogue.cachedApp)
    .get(`/api/v1/concerts${query}`)
    .set(gatewayRead())
    .expect(200);
  return answer.body as Page;
}

/** Every page from the first, following nextCursor, as a fan scrolling the list would. */
async function everyPage(limit: number): Promise<Page[]> {
  const pages = [await page(`?limit=${limit}`)];
  while (pages.at(-1)!.nextCursor)
    pages.push(await page(`?limit=${limit}&cursor=${pages.at(-1)!.nextCursor}`));
  return pages;
}

/** `count` concerts titled 0..count-1, one millisecond apart, oldest first; their ids newest first. */
async function addConcerts(count: number, sameInstant = false): Promise<string[]> {
  const start = Date.parse('2026-12-01T00:00:00.000Z');
  const concerts = Array.from({ length: count }, (_, i) => ({
    id: randomUUID(),
    title: String(i),
    artist: 'Neon Harbor',
    venue: 'KSPO Dome',
    createdAt: new Date(sameInstant ? start : start + i),
  }));
  await catalogue.prisma.concert.createMany({ data: concerts });
  const newestFirst = [...concerts].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1),
  );
  return newestFirst.map((concert) => concert.id);
}

describe('when anyone pages through the concert list', () => {
  it('answers every concert exactly once, newest first, and ends with a null nextCursor', async () => {
    const newestFirst = await addConcerts(7);

    const pages = await everyPage(3);

    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.flatMap((p) => p.items.map((concert) => concert.concertId))).toEqual(newestFirst);
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });

  it('orders concerts created in the same instant by id, so none is skipped or repeated', async () => {
    const newestFirst = await addConcerts(5, true);

    const pages = await everyPage(2);

    expect(pages.flatMap((p) => p.items.map((concert) => concert.concertId))).toEqual(newestFirst);
  });

  it('keeps the next page where it was when concerts are added meanwhile', async () => {
    const newestFirst = await addConcerts(4);
    const first = await page('?limit=2');

    await request(catalogue.cachedApp)
      .post('/api/v1/admin/concerts')
      .set(adminHeaders())
      .send({ title: 'Added meanwhile', artist: 'Lunar Bloom', venue: 'Olympic Hall' })
      .expect(201);
    const second = await page(`?limit=2&cursor=${first.nextCursor}`);

    expect(first.items.map((concert) => concert.concertId)).toEqual(newestFirst.slice(0, 2));
    expect(second.items.map((concert) => concert.concertId)).toEqual(newestFirst.slice(2, 4));
    expect(second.nextCursor).toBeNull();
  });

  it('answers 20 concerts by default and at most 100', async () => {
    await addConcerts(101);

    expect((await page('')).items).toHaveLength(20);
    expect((await page('?limit=100')).items).toHaveLength(100);
  });

  it('ignores parameters it does not know', async () => {
    await addConcerts(3);

    expect((await page('?limit=2&r=123')).items).toHaveLength(2);
  });

  it('answers an empty catalogue with no items and no next page', async () => {
    expect(await page('')).toEqual({ items: [], nextCursor: null });
  });

  it.each([
    ['a limit of 0', '?limit=0', 'query.limit'],
    ['a limit past 100', '?limit=101', 'query.limit'],
    ['a limit that is not a number', '?limit=ten', 'query.limit'],
    ['a fractional limit', '?limit=1.5', 'query.limit'],
    ['a cursor not issued by the list', '?cursor=page-2', 'query.cursor'],
    ['a cursor with a short id', '?cursor=1_abc', 'query.cursor'],
  ])('refuses %s with 400 naming the field', async (_, query, field) => {
    const answer = await request(catalogue.cachedApp)
      .get(`/api/v1/concerts${query}`)
      .set(gatewayRead())
      .expect(400);

    expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answer.body.errors).toEqual([expect.objectContaining({ field })]);
  });
});
