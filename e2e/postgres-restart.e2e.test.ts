import { eventually } from '@headliner/testing';
import { randomUUID } from 'node:crypto';
import {
  ADMIN,
  startInfrastructure,
  startSystem,
  stopInfrastructure,
  type Service,
  type System,
} from '@headliner/system';
import { deadLetterCounts } from './support/dead-letters';
import { createSchedule, Fan, fans, type Answer } from './support/gateway-client';
import { expectInvariants } from './support/invariants';

const outageMs = 15_000;
const price = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readyWithin(system: System, services: Service[], timeoutMs: number) {
  const ready = async (service: Service) =>
    (await fetch(`${system.serviceUrl(service)}/health/ready`).catch(() => undefined))?.ok === true;
  return eventually(
    async () => (await Promise.all(services.map(ready))).every(Boolean),
    (all) => all,
    timeoutMs,
  );
}

// In CI the e2e files run one at a time, so stopping the suite's own PostgreSQL affects only
// this system.
describe('when PostgreSQL restarts under a running payment saga', () => {
  let system: System;
  let admin: Fan;

  beforeAll(async () => {
    system = await startSystem({ PAYMENT_WAIT_MS: '1000' });
    admin = await new Fan(system.gatewayUrl, ADMIN.username, ADMIN.password).logIn();
  });

  afterAll(async () => {
    await startInfrastructure('postgres');
    await system?.stop();
  });

  it('keeps every service up, parks nothing and settles every payment once', async () => {
    const { scheduleId, seats } = await createSchedule(admin, 16, price);
    const buyers = await fans(system.gatewayUrl, seats.length, 'pgrestart');
    const holds = await Promise.all(
      buyers.map(async (fan, i) => {
        await fan.charge(100_000);
        await fan.joinQueue(scheduleId);
        await fan.waitUntilActive();
        const hold = await fan.hold(scheduleId, seats[i]!.seatId);
        expect(hold.status).toBe(201);
        return { fan, reservationId: hold.body.reservationId as string, key: randomUUID() };
      }),
    );

    // Payments start one after another and PostgreSQL stops among them, so some sagas are
    // between their steps (outbox, relay, the wallet's debit, the confirmation) when it goes.
    const firstAnswers: Promise<Answer>[] = [];
    for (const [i, { fan, reservationId, key }] of holds.entries()) {
      firstAnswers.push(
        fan.pay(reservationId, key).catch((error: Error) => ({ status: 0, body: error })),
      );
      if (i === holds.length / 2) void stopInfrastructure('postgres');
      await sleep(20);
    }
    await sleep(outageMs);
    await startInfrastructure('postgres');
    expect(await readyWithin(system, ['reservation', 'wallet', 'concert', 'gateway'], 30_000)).toBe(
      true,
    );
    expect(system.exited()).toEqual([]);

    // A client whose payment was refused while the database was away pays again with its key.
    const answers = await Promise.all(firstAnswers);
    await Promise.all(
      holds.map(async ({ fan, reservationId, key }, i) => {
        if (![200, 202].includes(answers[i]!.status)) {
          expect([200, 202]).toContain((await fan.pay(reservationId, key)).status);
        }
      }),
    );
    for (const { fan, reservationId } of holds) {
      const settled = await eventually(
        () => fan.call('GET', `/api/v1/reservations/${reservationId}`),
        (answer) => answer.body?.status === 'CONFIRMED',
        60_000,
      );
      expect(settled.body.status).toBe('CONFIRMED');
      expect((await fan.call('GET', '/api/v1/wallet')).body.balance).toBe(100_000 - price);
    }
    expect(await deadLetterCounts(system.kafkaNamespace)).toEqual({});
    expect(system.exited()).toEqual([]);
    await expectInvariants(system);
  });
});
