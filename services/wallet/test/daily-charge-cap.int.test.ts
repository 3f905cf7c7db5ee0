import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { asUser, testInternalAuthSecret } from '@headliner/testing';
import request from 'supertest';
import { createApp } from '../src/app';
import { quietLogger } from './support/quiet-logger';
import { createWalletDatabase, type WalletDatabase } from './support/wallet-database';

const dailyChargeCap = 100_000;

describe('when a user charges more in a day than the daily cap allows', () => {
  let db: WalletDatabase;
  let server: Server;

  beforeAll(async () => {
    db = await createWalletDatabase();
    server = createApp({
      db: db.sql,
      maxBalance: 100_000_000,
      dailyChargeCap,
      logger: quietLogger,
      internalAuthSecret: testInternalAuthSecret,
    }).listen(0);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
  });

  const balanceOf = async (userId: string) =>
    (await request(server).get('/api/v1/wallet').set(asUser('wallet', { userId }))).body
      .balance as number;
  const charge = (userId: string, amount: number, key: string = randomUUID()) =>
    request(server)
      .post('/api/v1/wallet/charges')
      .set(asUser('wallet', { userId }))
      .set('Idempotency-Key', key)
      .send({ amount });

  /** The next midnight in Seoul (UTC+9, no daylight saving), as the wallet's day ends. */
  function nextSeoulMidnight(): string {
    const seoul = new Date(Date.now() + 9 * 3_600_000);
    const midnight = Date.UTC(seoul.getUTCFullYear(), seoul.getUTCMonth(), seoul.getUTCDate() + 1);
    return new Date(midnight - 9 * 3_600_000).toISOString();
  }

  it('charges up to the cap exactly, then refuses with 422 naming the rule and its reset', async () => {
    const userId = randomUUID();
    expect((await charge(userId, 60_000)).status).toBe(200);
    expect((await charge(userId, 40_000)).body).toEqual({ balance: 100_000 });

    const refused = await charge(userId, 1);

    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body).toMatchObject({
      title: 'Daily charge cap exceeded',
      chargedToday: 100_000,
      dailyCap: 100_000,
      resetsAt: nextSeoulMidnight(),
    });
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'body.amount', rule: 'daily-charge-cap' }),
    ]);
    expect(await balanceOf(userId)).toBe(100_000);
    expect(await db.prisma.ledgerEntry.count({ where: { userId } })).toBe(2);
  });

  it('lets exactly as many of many concurrent charges through as the cap holds', async () => {
    const userId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => charge(userId, 30_000)));

    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([...Array(3).fill(200), ...Array(17).fill(422)]);
    expect(await balanceOf(userId)).toBe(90_000);
  });

  it('never lets two concurrent charges that each fit alone both pass the cap', async () => {
    for (let round = 0; round < 10; round++) {
      const userId = randomUUID();
      const [first, second] = await Promise.all([charge(userId, 60_000), charge(userId, 60_000)]);

      expect([first.status, second.status].sort()).toEqual([200, 422]);
      expect(await balanceOf(userId)).toBe(60_000);
    }
  });

  it('answers a replay of an accepted charge as before, even once the cap is reached', async () => {
    const userId = randomUUID();
    const key = randomUUID();
    const first = await charge(userId, 100_000, key);

    const replay = await charge(userId, 100_000, key);
    const racingReplays = await Promise.all(
      Array.from({ length: 5 }, () => charge(userId, 100_000, key)),
    );

    expect(first.body).toEqual({ balance: 100_000 });
    for (const answer of [replay, ...racingReplays]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ balance: 100_000 });
    }
    expect(await balanceOf(userId)).toBe(100_000);
  });

  it('counts only today in Seoul: charges before the last midnight there do not count', async () => {
    const userId = randomUUID();
    expect((await charge(userId, 100_000)).status).toBe(200);
    // The charge moved to one millisecond before midnight in Seoul: yesterday's.
    const lastMidnight = new Date(Date.parse(nextSeoulMidnight()) - 86_400_000);
    await db.prisma.ledgerEntry.updateMany({
      where: { userId },
      data: { createdAt: new Date(lastMidnight.getTime() - 1) },
    });

    expect((await charge(userId, 100_000)).status).toBe(200);
    expect((await charge(userId, 1)).status).toBe(422);
    expect(await balanceOf(userId)).toBe(200_000);
  });

  it('does not count seeded money, which the user never charged', async () => {
    const userId = randomUUID();
    await db.prisma.wallet.create({ data: { userId, balance: 500_000n } });
    await db.prisma.ledgerEntry.create({
      data: {
        id: randomUUID(),
        userId,
        kind: 'CHARGE',
        amount: 500_000n,
        reference: 'seed',
        balanceAfter: 500_000n,
      },
    });

    expect((await charge(userId, 100_000)).body).toEqual({ balance: 600_000 });
  });

  it('keeps each user to a cap of their own', async () => {
    const alice = randomUUID();
    const bob = randomUUID();
    expect((await charge(alice, 100_000)).status).toBe(200);
    expect((await charge(bob, 100_000)).status).toBe(200);
  });

  it('opens no wallet for a refused first charge', async () => {
    const userId = randomUUID();
    const refused = await charge(userId, dailyChargeCap + 1);

    expect(refused.status).toBe(422);
    expect(await db.prisma.wallet.count({ where: { userId } })).toBe(0);
  });
});
