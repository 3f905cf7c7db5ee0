import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { asUser, testInternalAuthSecret } from '@headliner/testing';
import request from 'supertest';
import { createApp } from '../src/app';
import { quietLogger } from './support/quiet-logger';
import { createWalletDatabase, type WalletDatabase } from './support/wallet-database';

// MAX_BALANCE_WON for this file: ten of the largest charges.
const maxBalance = 100_000_000;
// The daily cap has a file of its own (daily-charge-cap.int.test.ts): here it never refuses.
const dailyChargeCap = 10 * maxBalance;

describe('when a user charges their wallet', () => {
  let db: WalletDatabase;
  let server: Server;

  beforeAll(async () => {
    db = await createWalletDatabase();
    server = createApp({
      db: db.sql,
      maxBalance,
      dailyChargeCap,
      logger: quietLogger,
      internalAuthSecret: testInternalAuthSecret,
    }).listen(0);
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await db.drop();
  });

  const balanceOf = (userId: string) =>
    request(server).get('/api/v1/wallet').set(asUser('wallet', { userId }));
  const charge = (userId: string, key: string, body: unknown) =>
    request(server)
      .post('/api/v1/wallet/charges')
      .set(asUser('wallet', { userId }))
      .set('Idempotency-Key', key)
      .send(body as object);
  const ledgerEntriesOf = (userId: string) => db.prisma.ledgerEntry.count({ where: { userId } });

  it('shows a balance of 0 to a user who never charged', async () => {
    const userId = randomUUID();
    const res = await balanceOf(userId);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId, balance: 0 });
  });

  it('adds each charge to the balance', async () => {
    const userId = randomUUID();
    const first = await charge(userId, randomUUID(), { amount: 30_000 });
    const second = await charge(userId, randomUUID(), { amount: 12_500 });

    expect(first.status).toBe(200);
    expect(first.body).toEqual({ balance: 30_000 });
    expect(second.body).toEqual({ balance: 42_500 });
    expect((await balanceOf(userId)).body).toEqual({ userId, balance: 42_500 });
  });

  it('answers a retry with the same key and body with the first answer, crediting once', async () => {
    const userId = randomUUID();
    const key = randomUUID();
    const first = await charge(userId, key, { amount: 10_000 });
    await charge(userId, randomUUID(), { amount: 5_000 });
    const retry = await charge(userId, key, { amount: 10_000 });

    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
    expect(retry.body).toEqual({ balance: 10_000 });
    expect((await balanceOf(userId)).body.balance).toBe(15_000);
    expect(await ledgerEntriesOf(userId)).toBe(2);
  });

  it('credits once when retries with the same key race each other', async () => {
    const userId = randomUUID();
    const key = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => charge(userId, key, { amount: 7_000 })),
    );

    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ balance: 7_000 });
    }
    expect((await balanceOf(userId)).body.balance).toBe(7_000);
    expect(await ledgerEntriesOf(userId)).toBe(1);
  });

  it('refuses the same key with a different body as 422, leaving the balance alone', async () => {
    const userId = randomUUID();
    const key = randomUUID();
    await charge(userId, key, { amount: 10_000 });
    const reused = await charge(userId, key, { amount: 20_000 });

    expect(reused.status).toBe(422);
    expect(reused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(reused.body.errors).toEqual([
      expect.objectContaining({ field: 'headers.idempotency-key', rule: 'reused' }),
    ]);
    expect((await balanceOf(userId)).body.balance).toBe(10_000);
  });

  it('keeps keys apart per user', async () => {
    const key = randomUUID();
    const alice = await charge(randomUUID(), key, { amount: 1_000 });
    const bob = await charge(randomUUID(), key, { amount: 2_000 });

    expect(alice.body).toEqual({ balance: 1_000 });
    expect(bob.body).toEqual({ balance: 2_000 });
  });

  it('loses no charge when 50 arrive at once', async () => {
    const userId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => charge(userId, randomUUID(), { amount: 1_000 })),
    );

    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    const balances = answers.map((answer) => answer.body.balance as number).sort((a, b) => a - b);
    expect(balances).toEqual(Array.from({ length: 50 }, (_, i) => (i + 1) * 1_000));
    expect((await balanceOf(userId)).body.balance).toBe(50_000);
    expect(await ledgerEntriesOf(userId)).toBe(50);
  });

  describe('when a charge would take the balance past its maximum', () => {
    async function chargedToMaximum(): Promise<string> {
      const userId = randomUUID();
      for (let i = 0; i < 10; i += 1) {
        expect((await charge(userId, randomUUID(), { amount: 10_000_000 })).status).toBe(200);
      }
      return userId;
    }

    it('refuses it with 422 naming the amount and the rule, writing nothing', async () => {
      const userId = await chargedToMaximum();
      const key = randomUUID();

      const refused = await charge(userId, key, { amount: 1 });

      expect(refused.status).toBe(422);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body).toMatchObject({
        type: 'https://headliner.dev/problems/balance-limit-exceeded',
        balance: maxBalance,
        maxBalance,
        errors: [expect.objectContaining({ field: 'body.amount', rule: 'max-balance' })],
      });
      expect((await balanceOf(userId)).body.balance).toBe(maxBalance);
      expect(await ledgerEntriesOf(userId)).toBe(10);
      // Nothing was recorded under the key either: the same request is refused again.
      expect((await charge(userId, key, { amount: 1 })).status).toBe(422);
      expect(await ledgerEntriesOf(userId)).toBe(10);
    });

    it('lets exactly the charges that fit through when they race for the last room', async () => {
      const userId = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 16 }, () => charge(userId, randomUUID(), { amount: 10_000_000 })),
      );

      const statuses = answers.map((answer) => answer.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(10);
      expect(statuses.filter((status) => status === 422)).toHaveLength(6);
      expect((await balanceOf(userId)).body.balance).toBe(maxBalance);
      expect(await ledgerEntriesOf(userId)).toBe(10);
    });
  });

  describe('when the request breaks the contract', () => {
    it.each([
      { amount: 'zero', body: { amount: 0 }, field: 'body.amount' },
      { amount: 'negative', body: { amount: -1_000 }, field: 'body.amount' },
      { amount: 'over 10,000,000', body: { amount: 10_000_001 }, field: 'body.amount' },
      { amount: 'fractional', body: { amount: 1.5 }, field: 'body.amount' },
      { amount: 'a string', body: { amount: '1000' }, field: 'body.amount' },
      { amount: 'missing', body: {}, field: 'body.amount' },
      {
        amount: 'joined by an extra field',
        body: { amount: 1_000, currency: 'KRW' },
        field: 'body.currency',
      },
    ])(
      'refuses an amount $amount with 400 naming $field, writing nothing',
      async ({ body, field }) => {
        const userId = randomUUID();
        const res = await charge(userId, randomUUID(), body);

        expect(res.status).toBe(400);
        expect(res.body.errors).toEqual([expect.objectContaining({ field })]);
        expect(await db.prisma.wallet.count({ where: { userId } })).toBe(0);
      },
    );

    it('refuses a charge without an Idempotency-Key', async () => {
      const res = await request(server)
        .post('/api/v1/wallet/charges')
        .set(asUser('wallet'))
        .send({ amount: 1_000 });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'headers.idempotency-key', rule: 'required' }),
      ]);
    });

    it('refuses a malformed Idempotency-Key', async () => {
      const res = await charge(randomUUID(), 'not a key!', { amount: 1_000 });

      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'headers.idempotency-key' }),
      ]);
    });

    it('refuses a body that is not JSON', async () => {
      const res = await request(server)
        .post('/api/v1/wallet/charges')
        .set(asUser('wallet'))
        .set('Idempotency-Key', randomUUID())
        .set('Content-Type', 'application/json')
        .send('{"amount": ');

      expect(res.status).toBe(400);
    });
  });

  describe('when the caller is not vouched for by a signed statement', () => {
    const forgedStatement = (userId: string) =>
      asUser('wallet', { userId, secret: 'a-guessed-secret-of-at-least-32-characters' });
    const forgeries: [string, (userId: string) => Record<string, string>][] = [
      ['only the raw X-User-Id header', (userId) => ({ 'X-User-Id': userId })],
      ['a statement signed with another secret', forgedStatement],
      ['a statement addressed to another service', (userId) => asUser('reservation', { userId })],
    ];

    it.each(forgeries)('refuses %s with 401 and charges nothing', async (_, headersOf) => {
      const userId = randomUUID();
      await charge(userId, randomUUID(), { amount: 5_000 });

      const charged = await request(server)
        .post('/api/v1/wallet/charges')
        .set(headersOf(userId))
        .set('Idempotency-Key', randomUUID())
        .send({ amount: 1_000 });
      const read = await request(server).get('/api/v1/wallet').set(headersOf(userId));

      expect(charged.status).toBe(401);
      expect(charged.body.type).toBe('https://headliner.dev/problems/caller-statement-rejected');
      expect(read.status).toBe(401);
      expect(read.body).not.toHaveProperty('balance');
      expect((await balanceOf(userId)).body.balance).toBe(5_000);
      expect(await ledgerEntriesOf(userId)).toBe(1);
    });
  });
});
